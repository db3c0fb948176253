import { isQuotaError } from '@/db/quota'
import { i18n } from '@/i18n'

export { isQuotaError }

/**
 * A short reason for the screen: the error's name and the first line of its message (Dexie
 * appends its inner error's message on further lines, which would say the same thing twice).
 * A full disk is said in the learner's language (see StorageFullHelp for what to do about it).
 */
export function describeError(e: unknown): string {
  if (isQuotaError(e)) return i18n.global.t('storageFull.reason')
  if (e instanceof Error) {
    const first = e.message.split('\n')[0]?.trim()
    return first ? `${e.name}: ${first}` : e.name
  }
  return String(e)
}

/** Whether a reason from describeError() is the full-disk one (in either language). */
export function isStorageFullReason(reason: string | null | undefined): boolean {
  if (!reason) return false
  return i18n.global.availableLocales.some((locale) => reason === i18n.global.t('storageFull.reason', {}, { locale }))
}
