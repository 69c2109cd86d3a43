import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'

/**
 * Boundaries between the parts of the app (ARCHITECTURE.md, "What the linter keeps"). Static
 * `import`/`export … from` only; the patterns are matched against the import path as written.
 */
const SERVER_IMPORTS_ONLY_SHARED = {
  regex: '(^|/)src/(?!shared/)',
  message: 'The server imports only src/shared/** from the app: move what both sides need there.',
}
const APP_NEVER_IMPORTS_SERVER = {
  regex: '(^|/)server/',
  message: 'The app never imports server code: what both sides need lives in src/shared.',
}
/** src/shared runs on the phone and on the server: no framework, no browser or Node API, nothing outside src/shared. */
const SHARED_STAYS_SHARED = {
  regex: '^(vue|vue-i18n|pinia|dexie|fastify|kysely|@fastify/.*|node:.*)$',
  message: 'src/shared is imported by the phone and the server: keep frameworks and platform APIs out.',
}
const leavesShared = (depth) => ({
  regex: `^(\\.\\./){${depth + 1},}`,
  message: 'src/shared imports only from src/shared.',
})
const VIEW_NEVER_IMPORTS_DB = {
  regex: '(^|/)db/|^dexie$',
  allowTypeImports: true,
  message: 'Views read IndexedDB through stores: import a store, not src/db (types of rows are fine).',
}
const VIEW_NEVER_FETCHES = 'Views never fetch: a store or a typed API module of the feature does.'

/** The server asks its clock (server/clock.ts) for the time, so tests can set the date. */
const SERVER_ASKS_ITS_CLOCK = ['NewExpression[callee.name="Date"][arguments.length=0]', 'CallExpression[callee.object.name="Date"][callee.property.name="now"]'].map(
  (selector) => ({ selector, message: 'The server takes the time from its clock: app.now(), or a `now` parameter (server/clock.ts).' }),
)

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        console: 'readonly',
        process: 'readonly',
        fetch: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        HTMLElement: 'readonly',
        speechSynthesis: 'readonly',
        SpeechSynthesisVoice: 'readonly',
      },
    },
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SERVER_IMPORTS_ONLY_SHARED] }] },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...SERVER_ASKS_ITS_CLOCK] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [APP_NEVER_IMPORTS_SERVER] }] },
  },
  // One block per folder depth: from src/shared/a.ts "../" leaves src/shared, from src/shared/x/a.ts "../../" does.
  ...[0, 1, 2].map((depth) => ({
    files: [`src/shared/${'*/'.repeat(depth)}*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [APP_NEVER_IMPORTS_SERVER, SHARED_STAYS_SHARED, leavesShared(depth)] }] },
  })),
  {
    files: ['src/**/*.vue'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [APP_NEVER_IMPORTS_SERVER, VIEW_NEVER_IMPORTS_DB] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: VIEW_NEVER_FETCHES }],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'fetch', message: VIEW_NEVER_FETCHES },
        { object: 'globalThis', property: 'fetch', message: VIEW_NEVER_FETCHES },
      ],
    },
  },
)
