// The time range the log and the analytics page keep in their URL: a quick pick (`range=1h`, the last hour, which moves
// with every load), a custom range (`from` / `to`, UTC to the minute as a datetime-local input writes it, either end
// open), or, for the log, everything (`range=all`). Both pages read it here, so a link from one to the other keeps it.
import type { LocationQuery } from 'vue-router'

export interface QuickRange { key: string; label: string; short: string; ms: number }

export const QUICK_RANGES: QuickRange[] = [
  { key: '15m', label: 'Last 15 minutes', short: '15 min', ms: 15 * 60_000 },
  { key: '1h', label: 'Last hour', short: '1 hour', ms: 3_600_000 },
  { key: '24h', label: 'Last 24 hours', short: '24 hours', ms: 86_400_000 },
  { key: '7d', label: 'Last 7 days', short: '7 days', ms: 7 * 86_400_000 },
  { key: '30d', label: 'Last 30 days', short: '30 days', ms: 30 * 86_400_000 },
]

export type RangeChoice =
  | { kind: 'quick'; range: QuickRange }
  | { kind: 'custom'; from?: string | undefined; to?: string | undefined }
  | { kind: 'all' }

const INPUT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/

/** A `datetime-local` value (`2026-12-07T14:05`) read as UTC, as a Date; undefined when blank or not a date. */
export function dateOfInput(value: string | undefined): Date | undefined {
  if (!value || !INPUT.test(value)) return undefined
  const date = new Date(value + 'Z')
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** A Date as a `datetime-local` value in UTC, to the minute: `2026-12-07T14:05`. */
export function inputOfDate(date: Date): string { return date.toISOString().slice(0, 16) }

function single(value: LocationQuery[string] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
}

/** The range the URL's query names; `fallback` (a quick pick's key, or `all`) when it names none. */
export function readRange(query: LocationQuery, fallback: string): RangeChoice {
  const from = single(query.from)
  const to = single(query.to)
  if (dateOfInput(from) || dateOfInput(to)) {
    return { kind: 'custom', from: dateOfInput(from) ? from : undefined, to: dateOfInput(to) ? to : undefined }
  }
  const key = single(query.range) ?? fallback
  if (key === 'all') return { kind: 'all' }
  const quick = QUICK_RANGES.find(r => r.key === key) ?? QUICK_RANGES.find(r => r.key === fallback)
  return quick ? { kind: 'quick', range: quick } : { kind: 'all' }
}

/** The range's ends in the wire format (UTC, ISO 8601), now as `now` says for a quick pick; open ends undefined. */
export function rangeBounds(choice: RangeChoice, now = Date.now()): { from?: string | undefined; to?: string | undefined } {
  if (choice.kind === 'all') return {}
  if (choice.kind === 'quick') return { from: new Date(now - choice.range.ms).toISOString() }
  return { from: dateOfInput(choice.from)?.toISOString(), to: dateOfInput(choice.to)?.toISOString() }
}

/** What is wrong with a custom range (the page refuses it before any call), or undefined. */
export function rangeError(choice: RangeChoice): string | undefined {
  if (choice.kind !== 'custom') return undefined
  const from = dateOfInput(choice.from)
  const to = dateOfInput(choice.to)
  return from && to && to <= from ? 'Until must be later than from.' : undefined
}

/** The URL keys that name the range (for a link to the other page with the same one). */
export function rangeQuery(choice: RangeChoice): Record<string, string | undefined> {
  if (choice.kind === 'all') return { range: 'all', from: undefined, to: undefined }
  if (choice.kind === 'quick') return { range: choice.range.key, from: undefined, to: undefined }
  return { range: undefined, from: choice.from, to: choice.to }
}

/** `Last hour`, `From 2026-12-07 14:00 to 15:00 UTC`, `All kept calls`. */
export function rangeLabel(choice: RangeChoice): string {
  if (choice.kind === 'all') return 'Any time'
  if (choice.kind === 'quick') return choice.range.label
  const from = choice.from?.replace('T', ' ')
  const to = choice.to?.replace('T', ' ')
  return from && to ? `${from} to ${to} UTC` : from ? `From ${from} UTC` : `Until ${to} UTC`
}
