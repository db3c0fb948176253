import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { questionBank } from './build/questions-plugin'
import { i18nPrecompile } from './build/i18n-precompile'

export default defineConfig({
  plugins: [
    vue(),
    questionBank(),
    i18nPrecompile(),
    VitePWA({
      // The learner decides when a new version takes over (never mid-quiz): see usePwaUpdate.
      registerType: 'prompt',
      injectRegister: false,
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
        // question bank (bundled into the JS), icons. No runtime caching is needed.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,txt}'],
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
    // <i18n-t>/<i18n-n>/<i18n-d> components or $t, so they are not installed.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'build/**/*.test.ts'],
    setupFiles: ['./tests/setup.ts'],
  },
})
