// Keeps a page's data fresh while it is open: the one place that decides how. With `events`, the page listens to the
// server's notices (server events) and loads when one says something changed, polling only now and then as a safety
// net; without them, or while the stream is down or refused, it polls every few seconds. Only while the browser tab is
// visible. Never two loads at once: a refresh asked for during a load runs right after it. Stops when the component
// unmounts (the load in flight is aborted, the stream closed).
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { subscribe, type EventsSubscription, type ServerEventMessage } from '../../lib/events'

export interface Refresher {
  /** Loads now (or right after the load in flight) and resolves when that load finished. */
  refresh: () => Promise<void>
  /** True while a load has run for more than a moment (rows stay on the page meanwhile), so a quick poll shows nothing. */
  loading: Ref<boolean>
  /** True while the server's notices arrive (the page then polls only every `events.pollMs`). */
  live: Ref<boolean>
}

export interface RefreshEvents {
  /** The channels to listen on (null/empty: no events, poll). */
  channels: () => string[] | null | undefined
  /** Whether a message means this page should load again (default: any message). */
  wants?: (message: ServerEventMessage) => boolean
  /** The safety-net poll while live. Default: 30 s. */
  pollMs?: number
}

export function useRefresh(load: (signal: AbortSignal) => Promise<void>, intervalMs = 2500, events?: RefreshEvents): Refresher {
  const loading = ref(false)
  const live = ref(false)
  let stream: EventsSubscription | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  let again = false
  let stopped = false
  const controller = new AbortController()

  function schedule() {
    clearTimeout(timer)
    timer = undefined
    if (stopped || document.visibilityState !== 'visible') return
    timer = setTimeout(() => { void refresh() }, live.value ? events?.pollMs ?? 30000 : intervalMs)
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

  function listen() {
    const channels = events?.channels()
    if (!channels || channels.length === 0) return
    stream = subscribe({
      channels,
      onMessage: message => {
        if (document.visibilityState === 'visible' && (events?.wants?.(message) ?? true)) void refresh()
      },
      onLive: value => {
        live.value = value
        // Gone live: what changed before the stream opened is loaded now. Lost: back to the fast poll from now on, not a
        // load at once (a stream also ends when the session does, and a load then would only be refused).
        if (value) void refresh()
        else if (!running) schedule()
      },
    })
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    void refresh()
    listen()
  })
  onBeforeUnmount(() => {
    stopped = true
    stream?.close()
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisibility)
    controller.abort()
  })
  return { refresh, loading, live }
}
