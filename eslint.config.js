import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { noRelativeImportAcrossPackages } from './scripts/eslint-package-boundaries.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/coverage/**',
      '**/storybook-static/**',
      '**/node_modules/**',
      // Next.js' build output and the type references it generates.
      '**/.next/**',
      '**/next-env.d.ts',
      // The copy of bench/src/time-to-connect/next-app that `pnpm bench` builds.
      'bench/.time-to-connect-next/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Each package is used through its name and exports, by the others' tests and tools too.
    plugins: {
      workspace: { rules: { 'no-relative-import-across-packages': noRelativeImportAcrossPackages } },
    },
    rules: { 'workspace/no-relative-import-across-packages': 'error' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
