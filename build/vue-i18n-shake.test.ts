import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { vueI18nShake, withStaticVueLookup } from './vue-i18n-shake.ts'

const dist = join(dirname(createRequire(import.meta.url).resolve('vue-i18n/package.json')), 'dist')

describe('withStaticVueLookup', () => {
  it.each(['vue-i18n.mjs', 'vue-i18n.runtime.mjs'])('finds the computed lookup of Vue in the installed %s', (file) => {
    const code = readFileSync(join(dist, file), 'utf8')
    expect(code).toContain('if (key in Vue)')
    const fixed = withStaticVueLookup(code)
    expect(fixed).not.toBeNull()
    expect(fixed).not.toContain('key in Vue')
    expect(fixed).not.toMatch(/Vue\[/)
    expect(fixed).toContain('return Vue.getCurrentInstance();')
  })

  it('leaves a module without that lookup alone', () => {
    expect(withStaticVueLookup('export const x = 1')).toBeNull()
  })

  it('is right to assume Vue has no `currentInstance` export', async () => {
    const vue = await import('vue')
    expect('currentInstance' in vue).toBe(false)
  })
})

describe('vueI18nShake', () => {
  type Transform = (this: unknown, code: string, id: string) => { code: string } | undefined
  const context = {
    error(message: string): never {
      throw new Error(message)
    },
  }
  const run = (code: string, id: string) => {
    const plugin = vueI18nShake()
    const transform = plugin.transform as unknown as Transform
    return transform.call(context, code, id)
  }
  const file = '/x/node_modules/vue-i18n/dist/vue-i18n.runtime.mjs'

  it('patches the installed runtime build', () => {
    const code = readFileSync(join(dist, 'vue-i18n.runtime.mjs'), 'utf8')
    expect(run(code, file)?.code).toContain('return Vue.getCurrentInstance();')
  })

  it('fails the build when a module imports all of Vue without the expected lookup', () => {
    const changed = "import * as Vue from 'vue';\nfunction getCurrentInstance() { return Vue['current' + 'Instance'] }"
    expect(() => run(changed, file)).toThrow(/not the one build\/vue-i18n-shake\.ts expects/)
  })

  it('leaves a re-export stub and other packages alone', () => {
    expect(run("export * from '../dist/vue-i18n.runtime.mjs'", '/x/node_modules/vue-i18n/dist/vue-i18n.runtime.esm-bundler.js')).toBeUndefined()
    expect(run("import * as Vue from 'vue';", '/x/node_modules/other/dist/index.mjs')).toBeUndefined()
  })

  it('fails the build when vue-i18n was bundled but nothing was patched', () => {
    const plugin = vueI18nShake()
    const transform = plugin.transform as unknown as Transform
    const buildEnd = plugin.buildEnd as unknown as (this: unknown, error?: Error) => void
    transform.call(context, "export * from '../dist/vue-i18n.runtime.mjs'", '/x/node_modules/vue-i18n/dist/vue-i18n.runtime.esm-bundler.js')
    expect(() => buildEnd.call(context)).toThrow(/patched none/)
  })
})
