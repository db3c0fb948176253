/**
 * A key written twice in one JSON object. JSON.parse keeps the last value without a word, so a
 * hand-edited file whose first `"answer"` was changed and whose second was not would be read
 * wrong in silence. Walks text that JSON.parse has already read (so it is valid JSON). Shared
 * by the set importer and the backup reader.
 */

/** The first key written twice in one object: where its second spelling starts and ends, and the key; or null. */
export function findDuplicateKey(text: string): { offset: number; end: number; key: string } | null {
  // One frame per open object (its keys so far, and whether a key comes next) or list (null).
  // A list, not a Set: an object holds a few keys, and a backup a million objects.
  const stack: ({ keys: string[]; expectKey: boolean } | null)[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      // To the closing quote: the next one not escaped (preceded by an even run of backslashes).
      const start = i
      let end = text.indexOf('"', i + 1)
      for (;;) {
        let slashes = 0
        while (text.charCodeAt(end - 1 - slashes) === 92) slashes++
        if (slashes % 2 === 0) break
        end = text.indexOf('"', end + 1)
      }
      i = end
      const top = stack.at(-1)
      if (top?.expectKey) {
        const raw = text.slice(start, i + 1)
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1)
        if (top.keys.includes(key)) return { offset: start, end: i + 1, key }
        top.keys.push(key)
        top.expectKey = false
      }
    } else if (c === 123) stack.push({ keys: [], expectKey: true })
    else if (c === 91) stack.push(null)
    else if (c === 125 || c === 93) stack.pop()
    else if (c === 44) {
      const top = stack.at(-1)
      if (top) top.expectKey = true
    }
  }
  return null
}
