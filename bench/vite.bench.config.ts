/**
 * Builds the benchmark's own page (bench/page) into dist/__bench/, next to the app's build, so
 * vite preview serves both from one origin and they share the app's IndexedDB. Reuses the app's
 * '@' alias and the question-bank plugin; no PWA, no service worker.
 */
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import { questionBank } from '../build/questions-plugin.ts'

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url))

export default defineConfig({
  root: root('bench/page'),
  base: '/__bench/',
  plugins: [questionBank({ dir: root('questions') })],
  resolve: {
    alias: { '@': root('src') },
  },
  build: {
    target: 'es2022',
    outDir: root('dist/__bench'),
    emptyOutDir: true,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
})
