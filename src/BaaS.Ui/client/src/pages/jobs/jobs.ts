// The jobs dashboard's view of BaaS.Jobs' Admin APIs (src/BaaS.Interfaces/Jobs): the DTOs as the JSON protocol sends
// them, the calls, and how a job's dates, durations and JSON are shown.
import { send, type QueryResponse } from '../../lib/api'

export const JOB_STATES = ['Queued', 'Started', 'Completed', 'Failed', 'Cancelled'] as const
export type JobState = typeof JOB_STATES[number]

export interface JobSummary {
  id: number; refId: string; kind: 'Command' | 'Api'; command: string; state: JobState; tag?: string; worker?: string
  priority: number; dependsOn?: number; parentId?: number; scheduleName?: string; attempts: number; retryLimit: number
  createdAt: string; runAfter: string; startedAt?: string; completedAt?: string; durationMs?: number; progress?: number
  status?: string; errorCode?: string; errorMessage?: string; node?: string; userName?: string
}

export interface JobAttempt {
  attempt: number; node?: string; startedAt?: string; endedAt: string; outcome: string; errorCode?: string; error?: string
}

export interface JobInfo extends JobSummary {
  arg?: string; result?: string; log?: string; errorStack?: string; callback?: string; timeoutMs: number
  leaseExpiresAt?: string; cancelRequested: boolean; userId?: string; archiveMonth?: string; attemptLog: JobAttempt[]
}

export interface JobStats {
  queued: number; running: number; failed: number; completed: number; cancelled: number
  completedLastMinute: number; failedLastMinute: number; runningByNode: Record<string, number>
  perMinute: { minute: string; completed: number; failed: number; cancelled: number }[]; archiveMonths: string[]
}

export interface JobProgress {
  id: number; state: JobState; progress?: number; status?: string; log?: string; logLength: number; errorMessage?: string
}

export interface JobSchedule {
  name: string; command: string; schedule: string; arg?: string; paused: boolean; nextRunAt?: string; lastRunAt?: string
  lastJobId?: number; createdAt: string; updatedAt: string
}

export interface JobFilter {
  state?: JobState | undefined; command?: string | undefined; tag?: string | undefined; worker?: string | undefined
  month?: string | undefined; search?: string | undefined; createdAfter?: string | undefined; createdBefore?: string | undefined
  skip: number; take: number
}

export const jobsApi = {
  stats: (signal?: AbortSignal) => send<JobStats>('AdminGetJobStats', { minutes: 60 }, 'GET', signal),
  query: (filter: JobFilter, signal?: AbortSignal) =>
    send<QueryResponse<JobSummary>>('AdminQueryJobs', { ...filter }, 'GET', signal),
  get: (request: { id?: number; refId?: string }, signal?: AbortSignal) =>
    send<{ job: JobInfo }>('AdminGetJob', request, 'GET', signal).then(r => r.job),
  progress: (id: number, logStart: number, signal?: AbortSignal) =>
    send<JobProgress>('AdminGetJobProgress', { id, logStart }, 'GET', signal),
  requeue: (id: number) => send<{ job: JobInfo }>('AdminRequeueJob', { id }).then(r => r.job),
  cancel: (id: number) => send<{ job: JobInfo }>('AdminCancelJob', { id }).then(r => r.job),
  requeueFailed: (command?: string) =>
    send<{ requeued: number }>('AdminRequeueFailedJobs', command ? { command } : {}).then(r => r.requeued),
  schedules: (signal?: AbortSignal) =>
    send<{ results: JobSchedule[] }>('AdminQueryJobSchedules', {}, 'GET', signal).then(r => r.results),
  pauseSchedule: (name: string) => send<{ schedule: JobSchedule }>('AdminPauseJobSchedule', { name }).then(r => r.schedule),
  resumeSchedule: (name: string) => send<{ schedule: JobSchedule }>('AdminResumeJobSchedule', { name }).then(r => r.schedule),
  runSchedule: (name: string) => send<{ jobId: number; refId: string }>('AdminRunJobSchedule', { name }),
  deleteSchedule: (name: string) => send<unknown>('AdminDeleteJobSchedule', { name }),
}

/** How each state is called on the page ("Started" is what the API says; people say running). */
export const STATE_LABELS: Record<JobState, string> = {
  Queued: 'Queued', Started: 'Running', Completed: 'Completed', Failed: 'Failed', Cancelled: 'Cancelled',
}

/** Badge colours by state (Tailwind classes, so the CSP's style-src 'self' holds). */
export const STATE_CLASSES: Record<JobState, string> = {
  Queued: 'bg-sky-100 text-sky-800', Started: 'bg-indigo-100 text-indigo-800', Completed: 'bg-emerald-100 text-emerald-800',
  Failed: 'bg-red-100 text-red-800', Cancelled: 'bg-slate-200 text-slate-700',
}

export function isJobState(value: unknown): value is JobState {
  return typeof value === 'string' && (JOB_STATES as readonly string[]).includes(value)
}

/** A wire date as a Date: ISO-8601; a time without a zone is UTC (the jobs store keeps UTC). */
export function parseDate(value: string | undefined | null): Date | undefined {
  if (!value) return undefined
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : value + 'Z'
  const date = new Date(zoned)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** `2026-12-07 02:15:00` (UTC, as schedules are evaluated), or an empty string. */
export function formatDate(value: string | undefined | null): string {
  const date = parseDate(value)
  return date ? date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '') : ''
}

/** `in 3 min`, `12 s ago`: how far a date is from now. */
export function relative(value: string | undefined | null, now = Date.now()): string {
  const date = parseDate(value)
  if (!date) return ''
  const seconds = Math.round((date.getTime() - now) / 1000)
  const abs = Math.abs(seconds)
  const text = abs < 60 ? `${abs} s` : abs < 3600 ? `${Math.round(abs / 60)} min` : abs < 86400 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86400)} d`
  return seconds >= 0 ? `in ${text}` : `${text} ago`
}

/** A `datetime-local` input's value (`2026-12-07T02:15`), read as UTC, in the wire format; undefined when blank or not a date. */
export function utcFromInput(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(value)) return undefined
  const date = new Date(value + 'Z')
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** `850 ms`, `2.4 s`, `3 min 5 s`. */
export function formatDuration(ms: number | undefined | null): string {
  if (ms === undefined || ms === null) return ''
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`
}

/** JSON text indented for reading; text that is not JSON as it is. */
export function prettyJson(text: string | undefined | null): string {
  if (text === undefined || text === null || text === '') return ''
  try { return JSON.stringify(JSON.parse(text), null, 2) } catch { return text }
}
