// One flat config for the whole workspace. Module boundaries are the point: the portal may only
// import the shared contract, never API code (tags live in each project.json), and inside the API
// features depend one way (tools/eslint/feature-boundaries.mjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import vigie from './tools/eslint/feature-boundaries.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      '.nx/**',
      'bench/results/**',
      'tests/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'Focused tests never land.' },
      ],
    },
  },
  {
    // Inside the API: features depend one way, and only on each other's public surface.
    files: ['apps/api/src/**/*.ts'],
    plugins: { vigie },
    rules: { 'vigie/feature-boundaries': 'error' },
  },
  {
    files: ['apps/portal/**/*.tsx', 'apps/portal/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'URL',
          'fetch',
          'Buffer',
          'setTimeout',
          'clearTimeout',
          'FormData',
          'performance',
          'setInterval',
          'clearInterval',
          'Blob',
          'module',
          'require',
          '__dirname',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    // Tests and benchmarks exercise the application from outside; they may reach into its code,
    // and response bodies are loosely typed on purpose.
    files: ['tests/**/*.ts', 'bench/**/*.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
