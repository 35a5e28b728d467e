import { shallowRef } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import { asApiError, type ApiError } from '../lib/api'
import { loadMetadata } from '../lib/metadata'
import { session } from '../lib/session'
import { restoreAuth } from './lib/auth'

// Every page is a URL under /ui: /ui/{Operation} with the form's values in the query, so a link reproduces the call.
export const router = createRouter({
  history: createWebHistory('/ui/'),
  routes: [
    { path: '/', name: 'home', component: () => import('./ExplorerHome.vue') },
    { path: '/:name', name: 'operation', component: () => import('./OperationPage.vue'), props: true },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./ExplorerNotFound.vue') },
  ],
})

/** Why the explorer could not start (the server unreachable, the metadata unreadable); the app shows it with a retry. */
export const startError = shallowRef<ApiError | null>(null)

router.beforeEach(async () => {
  try {
    await loadMetadata()
    if (!session.checked) await restoreAuth()
    startError.value = null
  } catch (error) {
    startError.value = asApiError(error)
  }
  return true
})
