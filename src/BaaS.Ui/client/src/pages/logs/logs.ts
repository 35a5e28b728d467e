// The request-log explorer's and the analytics page's view of the request logs' Admin APIs
// (src/BaaS.Interfaces/RequestLogs, docs/request-logs.md): the rows and answers as the JSON protocol sends them, the
// calls, and how statuses, durations and times are shown. Numbers are the server's: nothing here adds rows up.
import { send, type QueryResponse } from '../../lib/api'
import type { RouteLocationRaw } from 'vue-router'
import type { Metadata } from '../../lib/metadata'

/** A row of the log (RequestLog). The list leaves `requestBody` out; the detail (AdminGetRequestLog) has it. */
export interface RequestLogRow {
  id: number; timestamp: string; kind: string; operation: string; verb: string; path: string; statusCode: number
  durationMs: number; userId?: string; userName?: string; apiKeyId?: number; clientIp?: string; traceId?: string
  responseBytes?: number; batchIndex?: number; errorCode?: string; errorMessage?: string; requestBody?: string
}

export interface RequestStats {
  requests: number; errors: number; serverErrors: number; averageMs: number; p50Ms: number; p95Ms: number; p99Ms: number
}
export interface RequestStatsPoint extends RequestStats { start: string }
export interface RequestStatsGroup extends RequestStats { key: string; label?: string }
/** A row of a chart's table: a bucket, operation, user, key or status with its numbers, and where it leads. */
export interface StatsRow { key: string; name: string; stats: RequestStats; to?: RouteLocationRaw | undefined }
export type AnalyticsBucket = 'Minute' | 'Hour' | 'Day'
export const BUCKETS: AnalyticsBucket[] = ['Minute', 'Hour', 'Day']

export interface RequestAnalytics {
  from: string; to: string; bucket: AnalyticsBucket; totals: RequestStats; series: RequestStatsPoint[]
  operations: RequestStatsGroup[]; slowestOperations: RequestStatsGroup[]; users: RequestStatsGroup[]
  apiKeys: RequestStatsGroup[]; statuses: RequestStatsGroup[]
}

/** AdminQueryRequestLogs' filters (and AutoQuery's paging and order). */
export interface LogQuery {
  from?: string | undefined; to?: string | undefined; operation?: string | undefined; kind?: string | undefined
  statusCode?: number | undefined; minStatusCode?: number | undefined; maxStatusCode?: number | undefined
  userId?: string | undefined; userName?: string | undefined; apiKeyId?: number | undefined; clientIp?: string | undefined
  traceId?: string | undefined; search?: string | undefined; orderBy?: string | undefined; skip: number; take: number
}

export interface AnalyticsQuery {
  from?: string | undefined; to?: string | undefined; bucket?: AnalyticsBucket | undefined; operation?: string | undefined; take?: number
}

/** What plugins.requestLogs says (docs/request-logs.md): whether bodies are kept, and the APIs' names. */
export interface RequestLogsInfo {
  enabled: boolean; includeBodies: boolean; retentionDays: number
  operations: { query: string; get: string; analytics: string; stats: string }
}

export function requestLogsInfo(meta: Metadata): RequestLogsInfo | undefined {
  return meta.app.plugins.requestLogs as RequestLogsInfo | undefined
}

// The list shows every column but the body, which can be kilobytes a row: the detail loads it.
const LIST_FIELDS = 'id,timestamp,kind,operation,verb,path,statusCode,durationMs,userId,userName,apiKeyId,clientIp,traceId,' +
  'responseBytes,batchIndex,errorCode,errorMessage'

export function logsApi(info: RequestLogsInfo) {
  return {
    query: (query: LogQuery, signal?: AbortSignal) =>
      send<QueryResponse<RequestLogRow>>(info.operations.query, { ...query, include: 'total', fields: LIST_FIELDS }, 'GET', signal),
    get: (id: number, signal?: AbortSignal) =>
      send<{ result: RequestLogRow }>(info.operations.get, { id }, 'GET', signal).then(r => r.result),
    analytics: (query: AnalyticsQuery, signal?: AbortSignal) =>
      send<RequestAnalytics>(info.operations.analytics, { ...query }, 'GET', signal),
  }
}

/** The orders the log offers, as the URL's `sort` names them, with AutoQuery's orderBy (newest first is the API's own). */
export const SORTS = {
  newest: { label: 'Newest first', orderBy: undefined },
  oldest: { label: 'Oldest first', orderBy: 'Timestamp,Id' },
  slowest: { label: 'Slowest first', orderBy: '-DurationMs,-Id' },
  user: { label: 'By user', orderBy: 'UserName,-Timestamp,-Id' },
  status: { label: 'By status', orderBy: '-StatusCode,-Timestamp,-Id' },
} as const
export type LogSort = keyof typeof SORTS
export function isSort(value: unknown): value is LogSort { return typeof value === 'string' && Object.hasOwn(SORTS, value) }

/** What the log's filter boxes hold (the URL's values as typed). */
export interface LogFilterValues {
  op: string; status: string; errors: boolean; kind: string; user: string; apiKey: string; ip: string; trace: string; q: string
  sort: LogSort
}

export const KINDS = ['Http', 'Batch', 'BatchItem', 'Gateway'] as const

/**
 * The status filter as typed (`404`, `4xx`) and "errors only" as the API's filters, or what is wrong with it. A class
 * is a range (4xx: 400 to 499); errors only raises the lower bound to 400.
 */
export function statusFilter(status: string | undefined, errorsOnly: boolean):
  { statusCode?: number; minStatusCode?: number; maxStatusCode?: number } | { error: string } {
  const min = errorsOnly ? 400 : undefined
  if (!status) return min ? { minStatusCode: min } : {}
  const cls = /^([1-5])xx$/i.exec(status)
  if (cls) {
    const low = Number(cls[1]) * 100
    return { minStatusCode: Math.max(low, min ?? 0), maxStatusCode: low + 99 }
  }
  if (/^[1-5]\d\d$/.test(status)) return min ? { statusCode: Number(status), minStatusCode: min } : { statusCode: Number(status) }
  return { error: 'A status is a code (404) or a class (2xx, 4xx, 5xx).' }
}

/** Badge colours by status (Tailwind classes, so the CSP's style-src 'self' holds). */
export function statusClasses(code: number): string {
  if (code >= 500) return 'bg-red-100 text-red-800'
  if (code === 499) return 'bg-slate-200 text-slate-700'
  if (code >= 400) return 'bg-amber-100 text-amber-800'
  if (code >= 300) return 'bg-sky-100 text-sky-800'
  return 'bg-emerald-100 text-emerald-800'
}

/** Chart colours by status: the badges' hue for the class, a shade per status within it (a canvas takes colours, not classes). */
export function statusColour(code: number): string {
  const shades = code >= 500 ? ['#dc2626', '#f87171', '#991b1b']
    : code === 499 ? ['#94a3b8']
      : code >= 400 ? ['#f59e0b', '#fbbf24', '#d97706', '#fcd34d', '#b45309']
        : code >= 300 ? ['#0ea5e9', '#38bdf8', '#0369a1']
          : ['#10b981', '#34d399', '#047857']
  return shades[code % shades.length]!
}

/** A wire date as a Date: ISO 8601; a time without a zone is UTC (the log keeps UTC). */
export function parseDate(value: string | undefined | null): Date | undefined {
  if (!value) return undefined
  const date = new Date(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : value + 'Z')
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** `2026-12-07 14:09:00.152` (UTC), or an empty string. */
export function formatTime(value: string | undefined | null, withMs = true): string {
  const date = parseDate(value)
  if (!date) return ''
  const text = date.toISOString().replace('T', ' ').replace('Z', '')
  return withMs ? text : text.replace(/\.\d+$/, '')
}

/** `0.42 ms`, `12.3 ms`, `850 ms`, `2.41 s`. */
export function formatMs(ms: number | undefined | null): string {
  if (ms === undefined || ms === null) return ''
  if (ms < 1) return `${ms.toFixed(2)} ms`
  if (ms < 100) return `${ms.toFixed(1)} ms`
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(2)} s`
}

/** `512 B`, `3.4 KB`, `1.2 MB`. */
export function formatBytes(bytes: number | undefined | null): string {
  if (bytes === undefined || bytes === null) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

const integer = new Intl.NumberFormat('en-US')
/** `12,345`. */
export function formatCount(n: number): string { return integer.format(n) }

/** JSON text indented for reading; text that is not JSON (a body cut at its limit) as it is. */
export function prettyJson(text: string | undefined | null): string {
  if (!text) return ''
  try { return JSON.stringify(JSON.parse(text), null, 2) } catch { return text }
}
