/**
 * A short reason for the screen: the error's name and the first line of its message (Dexie
 * appends its inner error's message on further lines, which would say the same thing twice).
 */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === 'QuotaExceededError') return 'storage is full'
    const first = e.message.split('\n')[0]?.trim()
    return first ? `${e.name}: ${first}` : e.name
  }
  return String(e)
}
