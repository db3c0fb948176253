import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, initialLocale, rememberLocale } from './i18n'
import { registerServiceWorker } from './composables/usePwaUpdate'
import './styles/main.css'

const locale = initialLocale()
i18n.global.locale.value = locale
rememberLocale(locale)

const app = createApp(App)
app.use(createPinia())
app.use(router)
app.use(i18n)
app.mount('#app')
void registerServiceWorker()
