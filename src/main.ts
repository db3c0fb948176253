import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { prepareScreen, router } from './router'
import { i18n, initialLocale, setLocale } from './i18n'
import { registerServiceWorker } from './composables/usePwaUpdate'
import { afterFirstPaint } from './composables/afterFirstPaint'
import { onIntentToFollow } from './composables/intentToFollow'
import './styles/main.css'

// Only the learner's language is downloaded before the first screen.
await setLocale(initialLocale())

const app = createApp(App)
app.use(createPinia())
app.use(router)
app.use(i18n)
app.mount('#app')
// A link's screen starts loading when the learner heads for it, not when the click lands.
onIntentToFollow(prepareScreen)
// The service worker and its precaching can wait until the first screen is on show.
void afterFirstPaint().then(registerServiceWorker)
