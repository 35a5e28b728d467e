// Keeps a page's data fresh while it is open: the one place that decides how (today a poll every few seconds while the
// browser tab is visible; server events can replace it here without touching the pages). Never two loads at once: a
// refresh asked for during a load runs right after it. Stops when the component unmounts (the load in flight is aborted).
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export interface Refresher {
  /** Loads now (or right after the load in flight) and resolves when that load finished. */
  refresh: () => Promise<void>
  /** True while a load has run for more than a moment (rows stay on the page meanwhile), so a quick poll shows nothing. */
  loading: Ref<boolean>
}

export function useRefresh(load: (signal: AbortSignal) => Promise<void>, intervalMs = 2500): Refresher {
  const loading = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  let again = false
  let stopped = false
  const controller = new AbortController()

  function schedule() {
    clearTimeout(timer)
    timer = undefined
    if (stopped || document.visibilityState !== 'visible') return
    timer = setTimeout(() => { void refresh() }, intervalMs)
  }

  async function run(): Promise<void> {
    const slow = setTimeout(() => { loading.value = true }, 400)
    try {
      do {
        again = false
        // The page shows its own errors (load catches them); a bug must not stop the refresh.
        try { await load(controller.signal) } catch { /* shown by the page */ }
      } while (again && !stopped)
    } finally {
      clearTimeout(slow)
      loading.value = false
      running = undefined
      schedule()
    }
  }

  function refresh(): Promise<void> {
    if (stopped) return Promise.resolve()
    clearTimeout(timer)
    if (running) { again = true; return running }
    running = run()
    return running
  }

  function onVisibility() {
    if (document.visibilityState === 'visible') void refresh()
    else { clearTimeout(timer); timer = undefined }
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    void refresh()
  })
  onBeforeUnmount(() => {
    stopped = true
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisibility)
    controller.abort()
  })
  return { refresh, loading }
}
