import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layer rule of DESIGN.md §5: which of our folders each layer may import. */
const layers = {
  core: [],
  db: ['core'],
  formats: ['core'],
  config: [],
  services: ['core', 'db', 'formats', 'config'],
  server: ['services', 'core', 'config'],
  cli: ['services', 'core', 'config', 'server'],
  web: ['core', 'server'],
};
const all = ['core', 'db', 'formats', 'config', 'services', 'server', 'cli', 'web'];
// web imports core and types only from server (type imports are erased); nothing else of ours.
const layerConfigs = Object.entries(layers).map(([layer, allowed]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: all
          .filter((l) => l !== layer && !allowed.includes(l))
          .map((l) => ({
            group: [`**/${l}/*`, `../${l}`, `../../${l}`],
            message: `src/${layer} may not import src/${l} (DESIGN.md §5)`,
          })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'coverage', 'reference', 'tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  ...layerConfigs,
);
