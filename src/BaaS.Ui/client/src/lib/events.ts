// A server-events subscription for a page (the platform's /event-stream, ServiceStack's protocol) on the browser's own
// EventSource, signed in by the session cookies: it keeps the subscription alive with the heartbeats the server asks
// for, hands each message of a selector to the page, says whether it is live, and ends the subscription on the
// server when the page closes it. A refused stream (401/403) or a lost one leaves `live` false: the page falls back to
// polling, and the browser (or `retryMs` later, after a refusal) tries again. Closing the EventSource ends the
// subscription on the server (it sees the connection go), so nothing is sent to unregister.

export interface ServerEventMessage { channel?: string | undefined; selector: string; json: string; body: unknown }

export interface EventsSubscription {
  /** True between the server's cmd.onConnect and the stream's loss. */
  readonly live: boolean
  /** Ends the subscription (the server sees the stream go). */
  close(): void
}

export interface EventsOptions {
  channels: string[]
  /** Called for every message that is not the protocol's own (cmd.onConnect, cmd.onHeartbeat...). */
  onMessage: (message: ServerEventMessage) => void
  /** Called when `live` changes. */
  onLive?: (live: boolean) => void
  /** How long to wait before opening again a stream the server refused or closed for good. */
  retryMs?: number
}

const PROTOCOL = new Set(['cmd.onConnect', 'cmd.onHeartbeat', 'cmd.onJoin', 'cmd.onLeave', 'cmd.onUpdate', 'cmd.onReconnect'])

/** `[channel@]selector json` as the server writes it in `data:`. */
export function parseFrame(data: string): ServerEventMessage {
  const space = data.indexOf(' ')
  const head = space < 0 ? data : data.slice(0, space)
  const json = space < 0 ? '' : data.slice(space + 1)
  const at = head.indexOf('@')
  const channel = at < 0 ? undefined : head.slice(0, at)
  const selector = at < 0 ? head : head.slice(at + 1)
  let body: unknown = json
  try { body = json === '' ? undefined : JSON.parse(json) } catch { /* not JSON: the text as it is */ }
  return { channel, selector, json, body }
}

export function subscribe(options: EventsOptions): EventsSubscription {
  let source: EventSource | undefined
  let heartbeat: ReturnType<typeof setInterval> | undefined
  let retry: ReturnType<typeof setTimeout> | undefined
  let live = false
  let closed = false

  function setLive(value: boolean) {
    if (live === value) return
    live = value
    options.onLive?.(value)
  }

  function stopHeartbeat() {
    clearInterval(heartbeat)
    heartbeat = undefined
  }

  function open() {
    if (closed) return
    const url = '/event-stream?channels=' + encodeURIComponent(options.channels.join(','))
    const es = new EventSource(url, { withCredentials: true })
    source = es
    es.onmessage = (e: MessageEvent<string>) => {
      const message = parseFrame(e.data)
      if (message.selector === 'cmd.onConnect') {
        const info = message.body as { heartbeatUrl?: string; heartbeatIntervalMs?: number }
        stopHeartbeat()
        if (info.heartbeatUrl) {
          const beatUrl = info.heartbeatUrl
          heartbeat = setInterval(() => {
            // A heartbeat the server no longer knows (404) means the subscription ended: the stream closes with it.
            fetch(beatUrl, { method: 'POST', credentials: 'same-origin' }).catch(() => { /* the stream's error handler decides */ })
          }, Math.max(1000, info.heartbeatIntervalMs ?? 10000))
        }
        setLive(true)
        return
      }
      if (PROTOCOL.has(message.selector)) return
      options.onMessage(message)
    }
    es.onerror = () => {
      setLive(false)
      stopHeartbeat()
      // CONNECTING: the browser reconnects by itself (and resumes with Last-Event-ID). CLOSED: it gave up (the server
      // refused the stream, or it was not an event stream): try again later ourselves.
      if (es.readyState === EventSource.CLOSED && !closed) {
        source = undefined
        clearTimeout(retry)
        retry = setTimeout(open, options.retryMs ?? 30000)
      }
    }
  }

  open()
  return {
    get live() { return live },
    close() {
      if (closed) return
      closed = true
      clearTimeout(retry)
      stopHeartbeat()
      source?.close()
      source = undefined
      setLive(false)
    },
  }
}
