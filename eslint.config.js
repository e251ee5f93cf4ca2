// Lint rules for the whole repository: `npm run lint` (eslint, then prettier --check).
// Formatting is prettier's alone (eslint-config-prettier turns off the rules that would disagree with it);
// eslint checks what prettier cannot: types used honestly, the rules of hooks, the import boundaries of
// STYLE.md point 3 (screens render; AWS, tools and files live outside them; `cli/` and `screens/` are two
// front ends that share `present/` and never import each other) and the size of a file.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// esquery's regular expressions cannot contain a slash, so `\x2F` stands for one.
const dynamicImport = (source) => `ImportExpression[source.value=/${source}/]`;

const CLI = {
  group: { regex: '^\\.\\.?/(.*/)?cli(/|\\.js$)' },
  dynamic: dynamicImport('^\\.\\.?\\x2F(.*\\x2F)?cli(\\x2F|\\.js$)'),
  message: 'The screens do not import the CLI: what both front ends need lives in src/present/.',
};
const SCREENS = {
  group: { regex: '^\\.\\.?/(.*/)?screens/' },
  dynamic: dynamicImport('^\\.\\.?\\x2F(.*\\x2F)?screens\\x2F'),
  message: 'The CLI does not import the screens: what both front ends need lives in src/present/.',
};
const OUTSIDE_WORLD = {
  group: { regex: '^(@aws-sdk/|execa$|(node:)?fs(/|$))' },
  dynamic: dynamicImport('^(@aws-sdk\\x2F|execa$|(node:)?fs(\\x2F|$))'),
  message: 'Screens render (STYLE.md point 3): AWS calls, external tools and files belong in src/aws/, src/kube/ and src/sandbox/.',
};
const SESSION = {
  group: { regex: '^\\.\\.?/(.*/)?session\\.js$' },
  message: 'Only the screens’ services (and run.tsx) open the session; screens receive services through one context.',
};
const INK_TEXT = {
  name: 'ink',
  importNames: ['Text'],
  message: 'Text is drawn through components/T.tsx, which applies the theme.',
};

/** One `no-restricted-imports` + `no-restricted-syntax` pair, since a later config object replaces a rule's options. */
function boundaries(files, ignores, rules, paths = []) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { paths, patterns: rules.map((r) => ({ ...r.group, message: r.message })) }],
      'no-restricted-syntax': ['error', ...rules.filter((r) => r.dynamic).map((r) => ({ selector: r.dynamic, message: r.message }))],
    },
  };
}

const SCREEN_FILES = ['src/screens/**/*.{ts,tsx}'];
const SERVICES = ['src/screens/services/**', 'src/screens/run.tsx'];
const THEMED_TEXT = ['src/screens/components/T.tsx'];

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', '.bench/**', '.build/**', 'coverage/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
    },
  },
  // The rules of hooks where React is: the screens and their tests (test helpers such as `useMoto` are not hooks).
  {
    files: ['src/screens/**/*.{ts,tsx}', 'test/*/screens/**/*.{ts,tsx}', 'test/fixtures/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // Size: a file past 300 lines is asking to be split by concept. Lessons are data, and long by nature.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lessons/**'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/screens/App.tsx'],
    rules: { 'max-lines': ['error', { max: 120, skipBlankLines: true, skipComments: true }] },
  },

  // Boundaries (STYLE.md point 3 and 4). Type-only imports count too: a type the two front ends share lives in src/present/.
  boundaries(SCREEN_FILES, [...SERVICES, ...THEMED_TEXT], [CLI, OUTSIDE_WORLD, SESSION], [INK_TEXT]),
  boundaries(SERVICES, [], [CLI, OUTSIDE_WORLD], [INK_TEXT]),
  boundaries(THEMED_TEXT, [], [CLI, OUTSIDE_WORLD, SESSION]),
  boundaries(['src/cli/**/*.ts'], [], [SCREENS]),

  // The sandbox's Kubernetes API stores and reshapes whatever objects kubectl sends (any kind, any field), and
  // moto answers with whatever JSON the call returns: these files read them as `any`, as JSON.parse's result is.
  {
    files: ['src/sandbox/kube-*.ts', 'src/sandbox/eks-view.ts', 'src/sandbox/moto-client.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Tests read JSON answers and requests whose shape the assertion itself checks, so they may type them `any`;
  // a focused `.only` left behind would silently skip the rest of the file.
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-properties': [
        'error',
        ...['it', 'test', 'describe'].map((object) => ({
          object,
          property: 'only',
          message: 'Run one test with `vitest run <file> -t <name>` instead.',
        })),
      ],
    },
  },
  prettier,
);
