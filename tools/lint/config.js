// The project's ESLint rules, kept beside the linter's own install (see package.json here: the
// linter parses with TypeScript 5's JS API; the project type-checks with TypeScript 7).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Content scripts are injected into every page: code under utils/content/ may import its own
 * folder's modules, and only types from anywhere else (type imports vanish from the bundle). */
const contentBoundary = {
  files: ['utils/content/**/*.ts', 'entrypoints/page-guard.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(?!\\./|\\.\\./utils/content/|wxt/utils/define-unlisted-script$|wxt/browser$)',
            allowTypeImports: true,
            message:
              'Content scripts bundle what they import: only modules in utils/content/ (and `import type` from elsewhere).',
          },
        ],
      },
    ],
  },
};

/** Test oracles and fixtures live under tests/: the extension, its pages and the tools never
 * import them, so a test helper cannot quietly become product code. */
const testsBoundary = {
  files: ['utils/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '(^|/)tests/',
            message: 'Product code does not import from tests/ (oracles and fixtures stay there).',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      '**/node_modules/**',
      'test-results/**',
      'data/**',
      'public/**',
      // Real pages' own scripts, kept byte for byte (tests/fixtures/html/real/README.md).
      'tests/fixtures/html/real/assets/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // TypeScript checks names; the browser, Node and worker globals are all in its lib.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // Sanitisers match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  testsBoundary,
  // Last, so that for content-script files its stricter list replaces the one above.
  contentBoundary,
);
