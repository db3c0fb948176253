import { createI18n } from 'vue-i18n'
import type en from './en'

export type Locale = 'zh' | 'en'
export type Messages = typeof en
export const LOCALES: readonly Locale[] = ['zh', 'en']
const STORAGE_KEY = 'qwen-study.locale'

/** The remembered choice, else the browser's first language we speak, else Chinese. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'zh' || saved === 'en') return saved
  } catch {
    // Storage blocked: fall through to the browser's preference.
  }
  const langs = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]
  for (const l of langs) {
    if (l?.toLowerCase().startsWith('zh')) return 'zh'
    if (l?.toLowerCase().startsWith('en')) return 'en'
  }
  return 'zh'
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en'
}

export const i18n = createI18n({
  legacy: false,
  locale: 'zh',
  fallbackLocale: 'zh',
  messages: {} as Record<Locale, Messages>,
  datetimeFormats: {
    zh: {
      short: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
      long: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' },
      day: { year: 'numeric', month: 'numeric', day: 'numeric' },
    },
    en: {
      short: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
      long: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' },
      day: { year: 'numeric', month: 'short', day: 'numeric' },
    },
  },
})

const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  zh: () => import('./zh'),
  en: () => import('./en'),
}

type ProblemMessages = typeof import('./problems/en').default
const problemLoaders: Record<Locale, () => Promise<{ default: ProblemMessages }>> = {
  zh: () => import('./problems/zh'),
  en: () => import('./problems/en'),
}
/** Whether a screen that explains refused files has been opened: a language switch then brings its messages too. */
let problemsWanted = false
const problemsMerged = new Set<Locale>()

async function mergeProblems(locale: Locale): Promise<void> {
  if (problemsMerged.has(locale)) return
  i18n.global.mergeLocaleMessage(locale, (await problemLoaders[locale]()).default)
  problemsMerged.add(locale)
}

/**
 * Loads the messages that explain a refused import or backup file, in the current language. They
 * are their own chunk (precached like the rest), so the first screen and the first answer do not
 * download them; the import and settings routes load them before they show.
 */
export async function loadProblemMessages(): Promise<void> {
  problemsWanted = true
  await mergeProblems(i18n.global.locale.value as Locale)
}

/**
 * Switches the interface language, loading its strings first (each language is its own small
 * chunk, so the first download carries only one; both are precached for offline use).
 */
export async function setLocale(locale: Locale): Promise<void> {
  if (!i18n.global.availableLocales.includes(locale)) {
    const messages = (await loaders[locale]()).default
    i18n.global.setLocaleMessage(locale, messages)
  }
  if (problemsWanted) await mergeProblems(locale)
  i18n.global.locale.value = locale
  rememberLocale(locale)
}
