/**
 * Vite plugin (build only): lets the bundler drop the parts of Vue the app does not use.
 *
 * vue-i18n reads `Vue[key]` with a computed key (`'currentInstance' in Vue`, kept for a future
 * Vue that exports `currentInstance`), so the bundler must keep every export of `vue`: the whole
 * runtime (Suspense, KeepAlive, Teleport, Transition, hydration, …), about 55 KB. Vue 3.5 has no
 * such export, so the lookup always ends in `Vue.getCurrentInstance()`; this plugin says so
 * directly. If a vue-i18n update changes that function, the build warns and stays correct, only
 * larger.
 */
import type { Plugin } from 'vite'

const FILE = /\/node_modules\/vue-i18n\/dist\/vue-i18n[\w.-]*\.m?js$/
const LOOKUP = /function getCurrentInstance\(\) \{\n\s*\/\/ NOTE\(kazupon\): avoid bundler warning\n\s*const key = 'currentInstance';\n\s*if \(key in Vue\) \{\n\s*return Vue\[key\];\n\s*\}\n\s*else \{\n\s*return Vue\.getCurrentInstance\(\);\n\s*\}\n\}/

/** The module with the computed lookup replaced, or null when it has none. */
export function withStaticVueLookup(code: string): string | null {
  if (!LOOKUP.test(code)) return null
  return code.replace(LOOKUP, 'function getCurrentInstance() {\n    return Vue.getCurrentInstance();\n}')
}

export function vueI18nShake(): Plugin {
  return {
    name: 'vue-i18n-shake',
    apply: 'build',
    transform(code, id) {
      if (!FILE.test(id.split('?')[0] ?? id)) return undefined
      const fixed = withStaticVueLookup(code)
      if (fixed == null) {
        this.warn(`${id}: its lookup of Vue's current instance changed; the whole Vue runtime stays in the bundle`)
        return undefined
      }
      return { code: fixed, map: null }
    },
  }
}

export default vueI18nShake
