// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import EvidenceQuote from './EvidenceQuote.vue'

describe('EvidenceQuote', () => {
  it('sets each quote in quotation marks once, whether or not it brings its own', () => {
    const w = mount(EvidenceQuote, {
      props: { quotes: ['“千问恐慌”', '「开源」', '开源模型', '“平视”本身'], paragraphs: [3], sourceName: '港股研究社' },
      global: { plugins: [i18n] },
    })
    expect(w.findAll('blockquote p').map((p) => p.text())).toEqual(['“千问恐慌”', '「开源」', '“开源模型”', '““平视”本身”'])
  })
})
