import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { hashSeed, mulberry32 } from './random'

describe('hashSeed', () => {
  it('is FNV-1a: stable known values', () => {
    expect(hashSeed('')).toBe(0x811c9dc5)
    expect(hashSeed('a')).toBe(0xe40c292c)
    expect(hashSeed('foobar')).toBe(0xbf9cf968)
  })
  it('is an unsigned 32-bit integer and differs for nearby strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const h = hashSeed(s)
        expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true)
        expect(hashSeed(s)).toBe(h)
      }),
    )
    expect(hashSeed('q-1')).not.toBe(hashSeed('q-2'))
  })
})

describe('mulberry32', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const first = [a(), a(), a()]
    expect([b(), b(), b()]).toEqual(first)
    expect(first[0]).toBeCloseTo(0.6011037519201636, 15)
  })
  it('gives floats in [0, 1) that are spread out', () => {
    const next = mulberry32(7)
    const values = Array.from({ length: 10_000 }, next)
    expect(values.every((x) => x >= 0 && x < 1)).toBe(true)
    const mean = values.reduce((sum, x) => sum + x, 0) / values.length
    expect(mean).toBeGreaterThan(0.48)
    expect(mean).toBeLessThan(0.52)
    expect(new Set(values).size).toBeGreaterThan(9_990)
  })
  it('differs between seeds', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)())
  })
})
