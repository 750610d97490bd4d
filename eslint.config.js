import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', 'storybook-static/', '.tools/', '.data/', 'packages/api/src/generated/', '.storybook/public/', '.bench/', '.size/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
    },
  },
  {
    // Events are typed Event subclasses declared on the global event maps (core/events.ts,
    // ui/events.ts, <feature>/events.ts), so listeners get their detail typed.
    files: ['packages/*/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression:matches([callee.name='CustomEvent'], [callee.property.name='CustomEvent'])",
          message: 'Dispatch a typed Event subclass (see core/events.ts) instead of new CustomEvent.',
        },
      ],
    },
  },
);
