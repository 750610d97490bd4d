import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Every `pk-*` element a component's templates render — in any branch, also through the helper
// modules it imports — is declared in its `static dependencies`, so registering the component
// registers it. (The define-alone end-to-end test checks the states it can reach at run time.)
const src = new URL('../../src/', import.meta.url).pathname;
const folders = ['core', 'ui', 'deals', 'portal'];

const files = folders.flatMap((folder) => readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => join(src, folder, file)));
const source = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

/** Code without comments (JSDoc names tags it does not render). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
/** Tags opened in the module's templates. */
const rendered = (file: string) => new Set([...code(source.get(file)!).matchAll(/<(pk-[a-z0-9-]+)/g)].map((match) => match[1]!));
/** The tags the module's element's `static dependencies` declares, if it defines an element (one with a tag). */
function declared(file: string): Set<string> | undefined {
  const text = code(source.get(file)!);
  if (!/interface HTMLElementTagNameMap/.test(text)) return undefined;
  const block = /static dependencies: ElementDependencies = \{([^}]*)\}/.exec(text)?.[1] ?? '';
  return new Set([...block.matchAll(/'(pk-[a-z0-9-]+)'/g)].map((match) => match[1]!));
}
/** Modules of these folders the module imports. */
const imports = (file: string) =>
  [...source.get(file)!.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)'/gm)].map((match) => resolve(dirname(file), match[1]!)).filter((path) => source.has(path));

/** The module and the helper modules (base classes, render functions: no element of their own) it imports, transitively. */
function withHelpers(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  for (const imported of imports(file)) if (!seen.has(imported) && !declared(imported)) withHelpers(imported, seen);
  return seen;
}

const renderedThrough = (file: string) => new Set([...withHelpers(file)].flatMap((module) => [...rendered(module)]));

const ownTag = (file: string) => /'(pk-[a-z0-9-]+)': \w+;\s*\}\s*\}\s*$/.exec(source.get(file)!)?.[1];

describe('static dependencies', () => {
  const components = files.filter((file) => declared(file));
  test('finds the components', () => {
    assert.ok(components.length >= 25, `${components.length} components`);
  });

  for (const file of components) {
    test(`${relative(src, file)} declares every element it renders`, () => {
      const dependencies = declared(file)!;
      const missing = [...renderedThrough(file)].filter((tag) => tag !== ownTag(file) && !dependencies.has(tag));
      assert.deepEqual(missing, [], `render these but do not declare them in static dependencies: ${missing.join(', ')}`);
    });
  }

  test('every helper module that renders elements is used by a component (whose test above covers it)', () => {
    const used = new Set(components.flatMap((file) => [...withHelpers(file)]));
    const unused = files.filter((file) => !declared(file) && rendered(file).size > 0 && !used.has(file));
    assert.deepEqual(unused.map((file) => relative(src, file)), []);
  });
});

describe('define entries', () => {
  const defineDir = join(src, 'define');
  const entries = readdirSync(defineDir).filter((file) => file.endsWith('.ts') && file !== 'all.ts');

  for (const file of entries) {
    test(`${file} registers its own element only (its dependencies come with it)`, () => {
      const calls = [...readFileSync(join(defineDir, file), 'utf8').matchAll(/defineElement\('([^']+)'/g)].map((match) => match[1]);
      assert.deepEqual(calls, [file.replace(/\.ts$/, '')]);
    });
  }

  test('all.ts imports every define entry', () => {
    const all = readFileSync(join(defineDir, 'all.ts'), 'utf8');
    const imported = [...all.matchAll(/^import '\.\/([^']+)';/gm)].map((match) => match[1]).sort();
    assert.deepEqual(imported, [...entries].sort());
  });
});
