import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'bench/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/no-v-html': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    // Pure domain code: no clock, no randomness, no browser, no storage.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass `now` in; domain code has no clock.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded generator of domain/random.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in; domain code has no clock.' },
      ],
      // By path, not only by alias: a relative '../../db/api' is fenced as '@/db/api' is.
      'no-restricted-imports': [
        'error',
        { patterns: ['dexie', 'dexie/*', 'vue', 'pinia', '@/db', '@/db/*', '@/stores', '@/stores/*', '**/db/*', '**/stores/*', '**/components/*', '**/views/*'] },
      ],
    },
  },
  {
    // Components and views show state and emit intent: they may name the db's record types,
    // but never reach the database itself.
    files: ['src/components/**/*.vue', 'src/views/**/*.vue'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['dexie', 'dexie/*', '@/db', '@/db/*', '**/db/*'], allowTypeImports: true, message: 'Go through a store.' }] },
      ],
    },
  },
)
