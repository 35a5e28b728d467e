// The state of a page's or dialog's one action (save, lock, create): busy while it runs, and its error as an ApiError
// for ErrorSummary and the fields it names. A failure never escapes as an uncaught promise.
import { ref } from 'vue'
import { asApiError, type ApiError } from './api'

export function useAction() {
  const busy = ref(false)
  const error = ref<ApiError | null>(null)

  /** Runs the action: clears the last error, is busy until it settles, and keeps its error (then answers undefined). */
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    error.value = null
    try {
      return await action()
    } catch (e) {
      error.value = asApiError(e)
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, error, run }
}
