import { createApp } from 'vue'
import { asApiError } from '../lib/api'
import { notify } from '../lib/toast'
import '../style.css'
import ExplorerApp from './ExplorerApp.vue'
import { router } from './router'

const app = createApp(ExplorerApp)

// A bug that reaches here is shown on the page and logged (so the browser tests, which fail on console errors, see it).
app.config.errorHandler = (error, _instance, info) => {
  notify(asApiError(error).message, 'error', 10000)
  console.error(`Unhandled error (${info})`, error)
}
window.addEventListener('unhandledrejection', event => {
  notify(asApiError(event.reason).message, 'error', 10000)
})

app.use(router)
void router.isReady().then(() => app.mount('#app'))
