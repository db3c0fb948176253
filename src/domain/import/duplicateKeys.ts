/**
 * A key written twice in one JSON object. JSON.parse keeps the last value without a word, so a
 * hand-edited file whose first `"answer"` was changed and whose second was not would be read
 * wrong in silence. Walks text that JSON.parse has already read (so it is valid JSON).
 */

/** The offset and the key of the first key written twice in one object, or null. */
export function findDuplicateKey(text: string): { offset: number; key: string } | null {
  // One frame per open object (its keys so far, and whether a key comes next) or list (null).
  const stack: ({ keys: Set<string>; expectKey: boolean } | null)[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      const start = i
      let escaped = false
      i++
      while (text.charCodeAt(i) !== 34) {
        if (text.charCodeAt(i) === 92) {
          escaped = true
          i++
        }
        i++
      }
      const top = stack.at(-1)
      if (top?.expectKey) {
        const raw = text.slice(start, i + 1)
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1)
        if (top.keys.has(key)) return { offset: start, key }
        top.keys.add(key)
        top.expectKey = false
      }
    } else if (c === 123) stack.push({ keys: new Set(), expectKey: true })
    else if (c === 91) stack.push(null)
    else if (c === 125 || c === 93) stack.pop()
    else if (c === 44) {
      const top = stack.at(-1)
      if (top) top.expectKey = true
    }
  }
  return null
}
