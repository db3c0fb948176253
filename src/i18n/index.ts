import { createI18n } from 'vue-i18n'
import en from './en'
import zh from './zh'

export type Locale = 'zh' | 'en'
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
  fallbackLocale: 'en',
  messages: { zh, en },
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
