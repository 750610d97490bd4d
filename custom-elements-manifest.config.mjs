// `pnpm cem`: the Custom Elements Manifest of @partnerkit/elements, from the components' JSDoc.
// Storybook's docs pages (args, parts, slots, events, CSS properties) are generated from it.
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/**/*.styles.ts', 'packages/elements/src/define/**'],
  outdir: 'packages/elements',
  litelement: true,
  packagejson: false,
};
