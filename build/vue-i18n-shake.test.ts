import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withStaticVueLookup } from './vue-i18n-shake'

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
