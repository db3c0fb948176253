import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { questionBank } from './build/questions-plugin.ts'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { vueI18nShake } from './build/vue-i18n-shake.ts'

export default defineConfig({
  plugins: [
    vue(),
    questionBank(),
    // Build only: the interface strings (src/i18n/<locale>.ts, src/i18n/problems/<locale>.ts) are compiled to message ASTs, so
    // the bundle is vue-i18n's runtime without its message compiler (and without `eval`: the
    // strict CSP of index.html holds). Dev and unit tests keep the source strings and the full
    // vue-i18n, which accepts both.
    {
      ...VueI18nPlugin({
        include: [
          fileURLToPath(new URL('./src/i18n/[a-z][a-z].ts', import.meta.url)),
          fileURLToPath(new URL('./src/i18n/problems/[a-z][a-z].ts', import.meta.url)),
        ],
        runtimeOnly: true,
        dropMessageCompiler: true,
        compositionOnly: true,
        fullInstall: false,
        strictMessage: true,
      }),
      apply: 'build',
    },
    vueI18nShake(),
    VitePWA({
      // The learner decides when a new version takes over (never mid-quiz): see usePwaUpdate.
      registerType: 'prompt',
      injectRegister: false,
      // The icons are for the browser's install UI, not for any screen: see workbox below.
      includeManifestIcons: false,
      manifest: {
        name: '千问恐慌 · 学习 — Qwen Panic Study',
        short_name: '千问学习',
        description: '围绕《“千问恐慌”席卷硅谷，谁在颤抖？》的测验、错题本与间隔重复。Quizzes, a mistake notebook and spaced repetition for one article.',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f7f6f2',
        theme_color: '#1f5fbf',
        icons: [
          { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: '/maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the app can show is precached: the shell, every route's chunk, the
        // question bank (a JSON file). No runtime caching is needed. Not precached:
        // - the PNG icons: only the browser uses them (install, home screen), fetching them
        //   itself when the app is installed; no screen shows them.
        // - the in-memory database (fake-indexeddb), used only where IndexedDB is blocked; a
        //   browser that blocks IndexedDB blocks Cache Storage and service workers too, so a
        //   precached copy could never be used offline.
        // - the backup-import worker (its own copy of the database code, about 48 KB gzip, for a
        //   rare task): offline before its first use, the import runs on the page instead
        //   (backupJobWithFallback in src/db/backupJob.ts).
        // The web manifest is not globbed: the plugin adds it to the list itself.
        globPatterns: ['**/*.{js,css,html,svg,txt,json}'],
        globIgnores: ['**/node_modules/**', 'assets/fake-indexeddb-*.js', 'assets/backup.worker-*.js'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
      },
    }),
  ],
  define: {
    // Vue: every component uses <script setup>, so the Options API support is dead weight;
    // no devtools hooks or hydration diagnostics in production (nothing is hydrated).
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    // vue-i18n: Composition API only, no devtools hooks in production. No template uses the
    // <i18n-t>/<i18n-n>/<i18n-d> components or $t, so they are not installed. (The i18n plugin
    // sets the same flags in the build; these cover dev and tests.)
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // The package's "module" entry is its ES5 build; the ES2017 one is 40% smaller and the
      // build targets ES2022 anyway.
      { find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' },
      // Dexie's package entry wraps its ES5 UMD build; its ES2018 module build is the same
      // library, smaller, and loads faster (native classes and async functions).
      { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
    ],
  },
  build: {
    target: 'es2022',
    // One stylesheet for every screen (7 KB gzip), loaded with the page: a screen opened later
    // inserts no stylesheet of its own while it is drawn, and the precache holds one file, not
    // nineteen that each compress alone (12 KB gzip between them).
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // A stable name for the in-memory database fallback, so the precache list can leave it
        // out (see workbox.globIgnores and scripts/check-precache.mjs).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => id.includes('/node_modules/fake-indexeddb/'))
            ? 'assets/fake-indexeddb-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'build/**/*.test.ts', 'bench/**/*.test.ts'],
    setupFiles: ['./tests/setup.ts'],
  },
})
