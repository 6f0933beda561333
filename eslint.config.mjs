// Type-aware lint for every project; `npm run lint` must report zero warnings.
import tseslint from 'typescript-eslint';
import boundaries from './tools/lint/room-boundaries.cjs';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'apps/web/src/gql/**',
      '.nx/**',
      '**/*.cjs',
      '**/*.mjs',
      '**/*.js',
      '**/*.mts',
      'apps/web/codegen.ts',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './apps/api/tsconfig.json',
          './apps/web/tsconfig.spec.json',
          './apps/web-e2e/tsconfig.json',
          './libs/shared/domain/tsconfig.json',
          './tools/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Which room may import which: the arrows of ARCHITECTURE.md, read from there (tools/lint/room-boundaries.cjs).
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts'],
    plugins: { parvis: boundaries },
    rules: { 'parvis/room-boundaries': 'error' },
  },
  {
    // Tests talk to GraphQL responses whose shape each assertion states; `any` there is the point.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
