/**
 * The app's one seeded generator and one string hash. Domain code never calls Math.random():
 * whatever must look random (a session's shuffles, the benchmark's data) is derived from a
 * seed, and whatever needs a stable fingerprint of a string (a seed from a question id, a short
 * id) hashes it here, so the same input always gives the same result.
 */

/** FNV-1a over the string's UTF-16 code units: a stable unsigned 32-bit hash. */
export function hashSeed(s: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    hash ^= s.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** Mulberry32: a small, fast generator of floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
