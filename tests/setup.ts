// Every test gets a fresh, in-memory IndexedDB (fake-indexeddb), so database code runs for real.
import 'fake-indexeddb/auto'

// The app loads each language on demand; tests switch freely, so both are loaded up front.
import { i18n } from '@/i18n'
import zh from '@/i18n/zh'
import en from '@/i18n/en'

i18n.global.setLocaleMessage('zh', zh)
i18n.global.setLocaleMessage('en', en)
