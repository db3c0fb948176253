/**
 * Vite plugin (build only): lets the bundler drop the parts of Vue the app does not use.
 *
 * vue-i18n reads `Vue[key]` with a computed key (`'currentInstance' in Vue`, kept for a future
 * Vue that exports `currentInstance`), so the bundler must keep every export of `vue`: the whole
 * runtime (Suspense, KeepAlive, Teleport, Transition, hydration, …). Vue 3.5 has no such export,
 * so the lookup always ends in `Vue.getCurrentInstance()`; this plugin says so directly.
 *
 * The official i18n plugin does not do this. Its assumption is checked, never taken on trust:
 * a vue-i18n module that imports all of Vue without the expected lookup, or a build that bundles
 * vue-i18n without patching it, fails with a message saying which.
 */
import type { Plugin } from 'vite'

const FILE = /\/node_modules\/vue-i18n\/dist\/vue-i18n[\w.-]*\.m?js$/
const NAMESPACE_IMPORT = /import \* as Vue from 'vue';/
const LOOKUP = /function getCurrentInstance\(\) \{\n\s*\/\/ NOTE\(kazupon\): avoid bundler warning\n\s*const key = 'currentInstance';\n\s*if \(key in Vue\) \{\n\s*return Vue\[key\];\n\s*\}\n\s*else \{\n\s*return Vue\.getCurrentInstance\(\);\n\s*\}\n\}/

/** The module with the computed lookup replaced, or null when it has none. */
export function withStaticVueLookup(code: string): string | null {
  if (!LOOKUP.test(code)) return null
  return code.replace(LOOKUP, 'function getCurrentInstance() {\n    return Vue.getCurrentInstance();\n}')
}

export function vueI18nShake(): Plugin {
  let patched = 0
  let seen: string | null = null
  return {
    name: 'vue-i18n-shake',
    apply: 'build',
    buildStart() {
      patched = 0
      seen = null
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id
      if (!FILE.test(file)) return undefined
      seen ??= file
      // A re-export stub (vue-i18n.runtime.esm-bundler.js) has nothing to patch.
      if (!NAMESPACE_IMPORT.test(code)) return undefined
      if ('currentInstance' in VUE_EXPORTS) {
        return this.error(`${id}: vue now exports \`currentInstance\`; remove build/vue-i18n-shake.ts`)
      }
      const fixed = withStaticVueLookup(code)
      if (fixed == null) {
        return this.error(
          `${id}: imports all of Vue but its lookup of Vue's current instance is not the one build/vue-i18n-shake.ts expects; ` +
            'update the pattern there (or remove the plugin and accept the whole Vue runtime in the bundle)',
        )
      }
      patched++
      return { code: fixed, map: null }
    },
    buildEnd(error) {
      if (!error && seen != null && patched === 0) {
        this.error(`vue-i18n was bundled (${seen}) but build/vue-i18n-shake.ts patched none of its modules: check its FILE pattern`)
      }
    },
  }
}

/** Vue's exports, read once when the config loads (Node resolves the same package the build bundles). */
const VUE_EXPORTS: Record<string, unknown> = await import('vue')

