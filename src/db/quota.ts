/**
 * Whether an error means the browser's storage for this site is full. IndexedDB reports it as
 * a QuotaExceededError, which Dexie wraps: in an AbortError of the transaction (`inner`), in a
 * BulkError (`failures`), or only in the message ("AbortError: QuotaExceededError").
 */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (depth > 4 || typeof e !== 'object' || e === null) return false
  const err = e as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown }
  if (err.name === 'QuotaExceededError') return true
  if (typeof err.message === 'string' && /QuotaExceeded/i.test(err.message)) return true
  if (isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1)) return true
  return Array.isArray(err.failures) && err.failures.some((f) => isQuotaError(f, depth + 1))
}
