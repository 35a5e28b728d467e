import { shallowRef } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import { asApiError, type ApiError } from './lib/api'
import { loadMetadata } from './lib/metadata'
import { loadSession, mayEnter, session } from './lib/session'
import { featurePages } from './pages/registry'

// Every page is a URL under /admin-ui, so a reload or a shared link opens the same page with the same query.
export const router = createRouter({
  history: createWebHistory('/admin-ui/'),
  routes: [
    { path: '/signin', name: 'signin', component: () => import('./pages/SignIn.vue'), meta: { public: true } },
    { path: '/', name: 'dashboard', component: () => import('./pages/Dashboard.vue') },
    { path: '/data/:model', name: 'data', component: () => import('./pages/data/DataPage.vue'), props: true },
    ...Object.values(featurePages).flat(),
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFound.vue') },
  ],
})

// Signed-out visitors go to the sign-in page, which brings them back to where they were going.
/** Why the app could not start (the server unreachable, the metadata unreadable); App.vue shows it with a retry. */
export const startError = shallowRef<ApiError | null>(null)

router.beforeEach(async to => {
  let metadata
  try {
    metadata = await loadMetadata()
    if (!session.checked) await loadSession()
    startError.value = null
  } catch (error) {
    startError.value = asApiError(error)
    return true
  }
  if (to.meta.public) return true
  if (!session.user || !mayEnter(metadata)) return { name: 'signin', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  return true
})
