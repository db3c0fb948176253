import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, initialLocale, setLocale } from './i18n'
import { registerServiceWorker } from './composables/usePwaUpdate'
import { afterFirstPaint } from './composables/afterFirstPaint'
import './styles/main.css'

// Only the learner's language is downloaded before the first screen.
await setLocale(initialLocale())

const app = createApp(App)
app.use(createPinia())
app.use(router)
app.use(i18n)
app.mount('#app')
// The service worker and its precaching can wait until the first screen is on show.
void afterFirstPaint().then(registerServiceWorker)
