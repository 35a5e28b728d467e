// A call of an operation as the explorer makes it: where each value of the request goes (the route's path, the query
// string, the JSON body), as the DTO declares it, and what the server answered. The code snippets are written from the
// same ExplorerCall, so what they send is what the explorer sent.
import { ApiError, authHeaders, queryString, type HttpMethod, type Request, type ResponseStatus } from '../../lib/api'
import { formOf } from '../../lib/files'
import type { Metadata, MetadataOperation } from '../../lib/metadata'

/** A file chosen for a file property: sent as a part named `key` of a multipart/form-data body. */
export interface ExplorerFile { key: string; file: File }

export interface ExplorerCall {
  op: MetadataOperation
  method: HttpMethod
  /** The route used, as declared (`/orders/{Id}/status`), or `/api/{Name}`. */
  route: string
  /** The path with the route's values filled in (`/orders/5/status`). */
  path: string
  /** The query string's values, as sent (lists comma-separated, objects as JSON); GET and DELETE carry the request here. */
  query: [string, string][]
  /** The JSON body (POST, PUT, PATCH): the request minus the values the path took; undefined for GET and DELETE. */
  body: Request | undefined
  /** The whole request DTO (what a typed client is given). */
  request: Request
  /** The files chosen (POST, PUT, PATCH): with any, the body goes as multipart/form-data, its values as text parts. */
  files: ExplorerFile[]
}

/** What the server answered. */
export interface CallResult {
  status: number
  statusText: string
  ok: boolean
  /** Milliseconds from sending to the last byte. */
  ms: number
  headers: [string, string][]
  /** The body as text ('' when none). */
  text: string
  /** The body parsed, when it is JSON. */
  json?: unknown
  /** The ResponseStatus of a failure, with its field errors. */
  error?: ApiError
  /** The bytes of the body. */
  size: number
}

const VARIABLE = /\{([^{}*]+)\*?\}/g

/** The names in a route's `{...}` (`/orders/{Id}/status` → ['Id']). */
export function routeVariables(route: string): string[] {
  return [...route.matchAll(VARIABLE)].map(m => m[1]!)
}

function valueOf(request: Request, name: string): unknown {
  const lower = name.toLowerCase()
  return Object.entries(request).find(([k]) => k.toLowerCase() === lower)?.[1]
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
}

/** The routes an operation may be called by with its verb: its declared ones for that verb, then `/api/{Name}`. */
export function routesOf(meta: Metadata, op: MetadataOperation): string[] {
  const method = meta.method(op)
  const declared = (op.routes ?? []).filter(r => !r.verbs || r.verbs.toUpperCase().split(/[ ,]+/).includes(method)).map(r => r.path)
  return [...new Set([...declared, `${meta.app.app.apiBasePath || '/api'}/${op.request.name}`])]
}

/**
 * The route a call goes by: `preferred` when given and its values are all set, else the declared route with the most
 * variables all set (a more specific URL), else `/api/{Name}`.
 */
export function chooseRoute(meta: Metadata, op: MetadataOperation, request: Request, preferred?: string): string {
  const routes = routesOf(meta, op)
  const usable = (r: string) => routeVariables(r).every(v => isSet(valueOf(request, v)))
  if (preferred && routes.includes(preferred) && usable(preferred)) return preferred
  const declared = routes.slice(0, -1).filter(usable).sort((a, b) => routeVariables(b).length - routeVariables(a).length)
  return declared[0] ?? routes[routes.length - 1]!
}

/** Where each value of `request` (and each chosen file, by property key) goes when `op` is called by `route` (see chooseRoute). */
export function buildCall(meta: Metadata, op: MetadataOperation, request: Request, preferred?: string, files: Record<string, File[]> = {}): ExplorerCall {
  const method = meta.method(op)
  const route = chooseRoute(meta, op, request, preferred)
  const used = new Set<string>()
  const path = route.replace(VARIABLE, (_, name: string) => {
    used.add(name.toLowerCase())
    const value = valueOf(request, name)
    return encodeURIComponent(typeof value === 'object' ? JSON.stringify(value) : String(value))
  })
  const rest: Request = {}
  for (const [key, value] of Object.entries(request)) if (!used.has(key.toLowerCase()) && value !== undefined) rest[key] = value
  const inQuery = method === 'GET' || method === 'DELETE'
  const query = inQuery ? [...new URLSearchParams(queryString(rest).slice(1)).entries()] : []
  const chosen = inQuery ? [] : Object.entries(files).flatMap(([key, list]) => list.map(file => ({ key, file })))
  return { op, method, route, path, query, body: inQuery ? undefined : rest, request, files: chosen }
}

/** The body's files by their part name, for formOf. */
function filesByKey(call: ExplorerCall): Record<string, File[]> {
  const byKey: Record<string, File[]> = {}
  for (const { key, file } of call.files) (byKey[key] ??= []).push(file)
  return byKey
}

/** The call's URL, relative to the site (`/orders/5/status?x=1`). */
export function callUrl(call: ExplorerCall): string {
  const query = new URLSearchParams(call.query).toString()
  return call.path + (query ? '?' + query : '')
}

/** Sends the call with the explorer's credentials (the session cookies, or its bearer token or API key), as JSON or, with files, as a multipart form. */
export async function sendCall(call: ExplorerCall, signal?: AbortSignal): Promise<CallResult> {
  const started = performance.now()
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() }
  // With files the browser writes the multipart Content-Type (its boundary) itself.
  const form = call.body !== undefined && call.files.length > 0 ? formOf(call.body, filesByKey(call)) : undefined
  if (call.body !== undefined && !form) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(callUrl(call), {
      method: call.method, credentials: 'same-origin', headers, signal: signal ?? null,
      body: call.body === undefined ? null : form ?? JSON.stringify(call.body),
    })
  } catch (error) {
    const aborted = error instanceof DOMException && error.name === 'AbortError'
    const apiError = new ApiError(0, aborted
      ? { errorCode: 'Aborted', message: 'Cancelled.' }
      : { errorCode: 'NetworkError', message: 'The server cannot be reached: check the connection and try again.' })
    return { status: 0, statusText: apiError.errorCode, ok: false, ms: performance.now() - started, headers: [], text: '', error: apiError, size: 0 }
  }
  const text = await response.text()
  const ms = performance.now() - started
  const result: CallResult = {
    status: response.status, statusText: response.statusText, ok: response.ok, ms, text,
    headers: [...response.headers.entries()], size: new TextEncoder().encode(text).length,
  }
  if (text.length > 0 && (response.headers.get('Content-Type') ?? '').includes('json')) {
    try { result.json = JSON.parse(text) as unknown } catch { /* shown as text */ }
  }
  if (!response.ok) {
    const status = (result.json as { responseStatus?: ResponseStatus } | undefined)?.responseStatus
    result.error = new ApiError(response.status, status ?? { errorCode: response.statusText || 'Error', message: `The server answered ${response.status} ${response.statusText}.` })
  }
  return result
}
