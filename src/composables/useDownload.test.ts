// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadBlob } from './useDownload'

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('downloadBlob', () => {
  it('clicks a temporary download link for an object URL and revokes the URL later', () => {
    vi.useFakeTimers()
    const blob = new Blob(['{}'], { type: 'application/json' })
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test')
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const seen: { href: string; download: string; inDocument: boolean }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      seen.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) })
    })

    downloadBlob(blob, 'backup.json')

    expect(URL.createObjectURL).toHaveBeenCalledWith(blob)
    expect(seen).toEqual([{ href: 'blob:test', download: 'backup.json', inDocument: true }])
    expect(document.querySelector('a[download]')).toBeNull()
    expect(revoke).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(revoke).toHaveBeenCalledWith('blob:test')
  })
})
