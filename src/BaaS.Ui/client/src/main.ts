import { createApp } from 'vue'
import App from './App.vue'
import { asApiError, onUnauthorized } from './lib/api'
import { session } from './lib/session'
import { notify } from './lib/toast'
import { router } from './router'
import './style.css'

const app = createApp(App)

// A bug that reaches here is shown on the page and logged (so the browser tests, which fail on console errors, see it).
app.config.errorHandler = (error, _instance, info) => {
  notify(asApiError(error).message, 'error', 10000)
  console.error(`Unhandled error (${info})`, error)
}
window.addEventListener('unhandledrejection', event => {
  notify(asApiError(event.reason).message, 'error', 10000)
})

// A 401 to any call means the session ended (signed out elsewhere, locked, expired): back to the sign-in page.
onUnauthorized(() => {
  if (!session.user) return
  session.user = null
  const current = router.currentRoute.value
  if (current.name !== 'signin') void router.push({ name: 'signin', query: { redirect: current.fullPath, expired: '1' } })
})

app.use(router)
void router.isReady().then(() => app.mount('#app'))
