// The form's values in the address bar, so a copied link reopens the same call: each property of the request as a
// query parameter of its JSON name, text as typed, anything else (numbers, flags, lists, objects) as its JSON.
// The explorer's own settings start with an underscore (`_route`, `_lang`), which no C# property name can.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { Request } from '../../lib/api'
import { underlyingType, type Metadata, type MetadataOperation } from '../../lib/metadata'
import { camel } from '../../lib/text'

const TEXT = new Set(['String', 'Guid', 'Char', 'DateTime', 'DateTimeOffset', 'DateOnly', 'TimeOnly', 'TimeSpan', 'Uri'])

/** The request as query parameters. */
export function toQuery(request: Request): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined || value === null) continue
    query[key] = typeof value === 'string' ? value : JSON.stringify(value)
  }
  return query
}

/** The request a link carries: parameters that name a property of the DTO (case ignored), read by its type. */
export function fromQuery(meta: Metadata, op: MetadataOperation, query: LocationQuery): Request {
  const request: Request = {}
  const props = meta.properties(op.request)
  for (const [key, raw] of Object.entries(query)) {
    if (key.startsWith('_')) continue
    const text = Array.isArray(raw) ? raw[raw.length - 1] : raw
    if (typeof text !== 'string') continue
    const p = props.find(x => x.name.toLowerCase() === key.toLowerCase())
    if (!p) continue
    const type = underlyingType(p).name
    if (TEXT.has(type) || meta.type(type)?.isEnum) { request[camel(p.name)] = text; continue }
    try { request[camel(p.name)] = JSON.parse(text) as unknown } catch { request[camel(p.name)] = text }
  }
  return request
}

/** The explorer's own settings in a link (`_route`, `_lang`...). */
export function settingsOf(query: LocationQuery): Record<string, string> {
  const settings: Record<string, string> = {}
  for (const [key, raw] of Object.entries(query)) {
    const text = Array.isArray(raw) ? raw[raw.length - 1] : raw
    if (key.startsWith('_') && typeof text === 'string') settings[key] = text
  }
  return settings
}
