// Calls the platform's JSON API (ServiceStack's protocol) with the browser's session cookies. Every failure becomes an
// ApiError carrying the server's ResponseStatus, so pages show the message where it belongs: a field's error on the
// field, the rest in an error summary. Nothing here throws anything but ApiError.

export interface ResponseError { errorCode: string; fieldName?: string; message: string }
export interface ResponseStatus { errorCode?: string; message?: string; errors?: ResponseError[] }
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type Request = Record<string, unknown>

export class ApiError extends Error {
  readonly status: number
  readonly errorCode: string
  readonly errors: ResponseError[]

  constructor(status: number, responseStatus: ResponseStatus) {
    super(responseStatus.message || responseStatus.errorCode || `The server answered ${status}.`)
    this.name = 'ApiError'
    this.status = status
    this.errorCode = responseStatus.errorCode ?? 'Error'
    this.errors = responseStatus.errors ?? []
  }

  /** The error of one field (case-insensitive), if the server named it. */
  fieldError(name: string): string | undefined {
    const lower = name.toLowerCase()
    return this.errors.find(e => e.fieldName?.toLowerCase() === lower)?.message
  }

  /** The message for the page: the summary, unless every error belongs to a field in `shownFields`. */
  summary(shownFields: string[] = []): string | undefined {
    const shown = new Set(shownFields.map(f => f.toLowerCase()))
    if (this.errors.length > 0 && this.errors.every(e => e.fieldName && shown.has(e.fieldName.toLowerCase()))) return undefined
    return this.message
  }
}

/** Turns anything thrown into an ApiError (a bug in a page must still show as an error, never as a blank page). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ApiError(0, { errorCode: 'ClientError', message })
}

let authorization: string | undefined
/**
 * An `Authorization` header for every call (the API Explorer signed in with a bearer token or an API key); undefined to
 * go back to the session cookies alone.
 */
export function setAuthorization(value: string | undefined) { authorization = value }
/** The headers every call carries besides its own. */
export function authHeaders(): Record<string, string> { return authorization ? { Authorization: authorization } : {} }

let unauthorizedHandler: ((error: ApiError) => void) | undefined
/** Called when the server answers 401 to a call the page made: the session has ended. */
export function onUnauthorized(handler: (error: ApiError) => void) { unauthorizedHandler = handler }

/** A query string from a request: nulls and empty strings left out, lists comma-separated, dates as ISO 8601. */
export function queryString(request: Request): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) { if (value.length > 0) params.append(key, value.map(v => String(v)).join(',')) }
    else if (value instanceof Date) params.append(key, value.toISOString())
    else if (typeof value === 'object') params.append(key, JSON.stringify(value))
    else params.append(key, String(value))
  }
  const text = params.toString()
  return text.length > 0 ? '?' + text : ''
}

/** The URL of an operation, e.g. for a CSV download: `/api/QueryRestaurants?format=csv&...`. */
export function apiUrl(operation: string, request: Request = {}): string {
  return `/api/${encodeURIComponent(operation)}${queryString(request)}`
}

async function readError(response: Response): Promise<ApiError> {
  let status: ResponseStatus = { errorCode: response.statusText || 'Error', message: `The server answered ${response.status} ${response.statusText}.` }
  try {
    const body = await response.json() as { responseStatus?: ResponseStatus } | null
    if (body?.responseStatus) status = body.responseStatus
  } catch { /* not JSON: keep the status line */ }
  if (response.status === 503) status.message = (status.message ?? '') + ' Try again in a moment.'
  return new ApiError(response.status, status)
}

/**
 * Sends a request to a URL of this site and reads its JSON answer. A FormData body goes as multipart/form-data (the
 * browser writes its boundary), anything else as JSON.
 */
export async function fetchJson<T>(url: string, init: { method?: HttpMethod; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response
  const form = init.body instanceof FormData ? init.body : undefined
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined || form ? { Accept: 'application/json', ...authHeaders() } : { Accept: 'application/json', 'Content-Type': 'application/json', ...authHeaders() },
      body: init.body === undefined ? null : form ?? JSON.stringify(init.body),
      signal: init.signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw new ApiError(0, { errorCode: 'Aborted', message: 'Cancelled.' })
    throw new ApiError(0, { errorCode: 'NetworkError', message: 'The server cannot be reached: check the connection and try again.' })
  }
  if (!response.ok) {
    const error = await readError(response)
    if (response.status === 401 && unauthorizedHandler) unauthorizedHandler(error)
    throw error
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  if (text.length === 0) return undefined as T
  try { return JSON.parse(text) as T } catch {
    throw new ApiError(response.status, { errorCode: 'InvalidResponse', message: 'The server answered with something that is not JSON.' })
  }
}

/** Calls an operation by its request DTO's name with its verb: GET and DELETE in the query string, others as JSON. */
export function send<T>(operation: string, request: Request = {}, method: HttpMethod = 'POST', signal?: AbortSignal): Promise<T> {
  const inQuery = method === 'GET' || method === 'DELETE'
  const url = inQuery ? apiUrl(operation, request) : apiUrl(operation)
  return fetchJson<T>(url, inQuery ? { method, ...(signal ? { signal } : {}) } : { method, body: request, ...(signal ? { signal } : {}) })
}

/** Calls an operation with a multipart form (a request with files, see lib/files.ts) by its verb. */
export function sendForm<T>(operation: string, form: FormData, method: HttpMethod = 'POST'): Promise<T> {
  return fetchJson<T>(apiUrl(operation), { method, body: form })
}

/** AutoQuery's answer. */
export interface QueryResponse<T> { offset: number; total?: number; results: T[]; meta?: Record<string, string> }
/** CRUD's answer. */
export interface IdResponse { id: string }
