/**
 * `true` in development, `false` in production. The built files replace it with a
 * `process.env.NODE_ENV` check that app bundlers fold to a constant, so production bundles drop
 * whatever it guards: the long error messages and the option checks. Anything that runs these
 * TypeScript sources directly (tests, Storybook, the demo's dev server) must define it.
 */
declare const __DEV__: boolean;
