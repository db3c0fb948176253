// Every test gets a fresh, in-memory IndexedDB (fake-indexeddb), so database code runs for real.
import 'fake-indexeddb/auto'

// The app loads each language on demand (and the messages about refused files with the screens
// that show them); tests switch freely, so all of them are loaded up front.
import { i18n } from '@/i18n'
import zh from '@/i18n/zh'
import en from '@/i18n/en'
import zhProblems from '@/i18n/problems/zh'
import enProblems from '@/i18n/problems/en'

i18n.global.setLocaleMessage('zh', { ...zh, ...zhProblems })
i18n.global.setLocaleMessage('en', { ...en, ...enProblems })
