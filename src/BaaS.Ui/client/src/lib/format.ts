// How a grid cell shows a value: by the column's [Format(ColumnFormat.X)] when it has one, else by the value's type.
// Everything returns text or a checked URL: cells are drawn by Vue's text interpolation and attribute binding, never as
// HTML.
import { attribute, attributeArg } from './metadata'
import type { Column } from './query'

export type ColumnFormat = 'Default' | 'Currency' | 'Number' | 'Percent' | 'Date' | 'DateTime' | 'Relative' | 'Link' | 'Email' |
  'Image' | 'Bytes' | 'Hidden'

/** What a cell draws: text (with its full value for the tooltip when cut), a link, an image, a yes/no mark. */
export type Cell =
  | { kind: 'text'; text: string; title?: string; align?: 'right' }
  | { kind: 'link'; text: string; href: string; title?: string }
  | { kind: 'image'; src: string; title: string; href?: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'empty' }

/** Text longer than this is cut in the cell, whole in its tooltip. */
export const MAX_CELL_TEXT = 60

export function columnFormat(column: Column): ColumnFormat {
  return (attributeArg(attribute(column.prop, 'Format'), 'Format') as ColumnFormat | undefined) ?? 'Default'
}

/** The column's heading: [Format(Label = ...)], else undefined (the caller humanizes the name). */
export function columnLabel(column: Column): string | undefined {
  return attributeArg(attribute(column.prop, 'Format'), 'Label')
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 20 })
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

function cut(text: string, align?: 'right'): Cell {
  if (text.length <= MAX_CELL_TEXT) return { kind: 'text', text, ...(align ? { align } : {}) }
  return { kind: 'text', text: text.slice(0, MAX_CELL_TEXT - 1) + '…', title: text }
}

function asNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  return Number.isFinite(n) ? n : undefined
}

function asDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? undefined : d
}

/** How long ago (or until) a time is, in the largest unit that fits: "3 hours ago". */
export function relative(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000)
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]]
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit)
  return relativeFormat.format(seconds, 'second')
}

/** 1234567 → "1.2 MB". */
export function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']
  let value = n
  let i = 0
  while (Math.abs(value) >= 1024 && i < units.length - 1) { value /= 1024; i++ }
  return (i === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0)) + ' ' + units[i]
}

/** An http(s) URL that is absolute, or a path on this site; anything else (javascript:, data:) is refused. */
export function safeUrl(value: string, httpsOnly: boolean): string | undefined {
  try {
    const url = new URL(value, window.location.origin)
    if (url.origin === window.location.origin) return url.href
    if (url.protocol === 'https:' || (!httpsOnly && url.protocol === 'http:')) return url.href
  } catch { /* not a URL */ }
  return undefined
}

/** The cell of a value in a column. */
export function formatCell(column: Column, value: unknown): Cell {
  if (value === null || value === undefined || value === '') return { kind: 'empty' }
  const format = columnFormat(column)
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  switch (format) {
    case 'Currency': {
      const n = asNumber(value)
      if (n === undefined) return cut(text)
      const currency = attributeArg(attribute(column.prop, 'Format'), 'Currency') ?? 'USD'
      try { return { kind: 'text', text: new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(n), align: 'right' } }
      catch { return { kind: 'text', text: numberFormat.format(n) + ' ' + currency, align: 'right' } }
    }
    case 'Number': { const n = asNumber(value); return n === undefined ? cut(text) : { kind: 'text', text: numberFormat.format(n), align: 'right' } }
    case 'Percent': {
      const n = asNumber(value)
      return n === undefined ? cut(text) : { kind: 'text', text: new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 }).format(n), align: 'right' }
    }
    case 'Bytes': { const n = asNumber(value); return n === undefined ? cut(text) : { kind: 'text', text: bytes(n), align: 'right', title: text } }
    case 'Date': { const d = asDate(value); return d ? { kind: 'text', text: dateFormat.format(d), title: text } : cut(text) }
    case 'DateTime': { const d = asDate(value); return d ? { kind: 'text', text: dateTimeFormat.format(d), title: text } : cut(text) }
    case 'Relative': { const d = asDate(value); return d ? { kind: 'text', text: relative(d), title: dateTimeFormat.format(d) } : cut(text) }
    case 'Link': {
      const href = safeUrl(text, false)
      return href ? { kind: 'link', text: text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT - 1) + '…' : text, href, title: text } : cut(text)
    }
    case 'Email': return /^[^\s@]+@[^\s@]+$/.test(text) ? { kind: 'link', text, href: 'mailto:' + text } : cut(text)
    case 'Image': { const src = safeUrl(text, true); return src ? { kind: 'image', src, title: text } : cut(text) }
    default: break
  }
  switch (column.kind) {
    case 'bool': return { kind: 'bool', value: value === true || value === 'true' }
    case 'number': return { kind: 'text', text, align: 'right' }
    case 'date': {
      const d = asDate(value)
      // A date-only value (2026-11-22) has no time to show; a DateTime shows in the viewer's time zone.
      if (!d) return cut(text)
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { kind: 'text', text: dateFormat.format(d), title: text } : { kind: 'text', text: dateTimeFormat.format(d), title: text }
    }
    default: return cut(text)
  }
}

/**
 * The cell of a column holding file URLs (plugins.files.columns): for images, the thumbnail (`thumbnail`, the value of
 * the column of the smallest variant, until it is made the image itself) linked to the whole image; for other files, a
 * link named after the file.
 */
export function fileCell(value: unknown, thumbnail: unknown, images: boolean): Cell {
  if (typeof value !== 'string' || value === '') return { kind: 'empty' }
  const href = safeUrl(value, true)
  if (!href) return cut(value)
  if (!images) return { kind: 'link', text: value.slice(value.lastIndexOf('/') + 1), href, title: value }
  const src = typeof thumbnail === 'string' && thumbnail !== '' ? safeUrl(thumbnail, true) : undefined
  return { kind: 'image', src: src ?? href, href, title: value }
}

/** Whether a column starts hidden ([Format(ColumnFormat.Hidden)]): shown only when chosen. */
export function hiddenByDefault(column: Column): boolean { return columnFormat(column) === 'Hidden' }
