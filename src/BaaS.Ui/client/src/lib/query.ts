// What a data grid can ask of an AutoQuery operation, read from the metadata: its row type and columns, the filters the
// DTO declares and, when the server reads undeclared keys (plugins.autoQuery.implicitFilters), the conventions of
// QueryConventions.cs over the row's fields. Also the grid's state as a URL query, so a reload or a shared link shows
// the same rows.
import type { LocationQuery } from 'vue-router'
import { attribute, attributeArg, underlyingType, type Metadata, type MetadataOperation, type MetadataProperty, type MetadataType } from './metadata'
import { camel } from './text'

/** How a column's values compare, which decides the filters it offers and how cells show. */
export type ValueKind = 'text' | 'number' | 'bool' | 'date' | 'time' | 'enum' | 'guid' | 'other'

export interface Column {
  name: string
  /** The JSON key of the value in a row. */
  key: string
  prop: MetadataProperty
  kind: ValueKind
  nullable: boolean
  /** The enum's names when the kind is enum. */
  options?: string[]
}

/** One filter the operation takes: a query-string key, the column it compares and how. */
export interface FilterDef {
  /** The query-string key, camelCase as the JSON protocol names it: `cuisineContains`. */
  key: string
  column: string
  /** The comparison's word for people: contains, =, >, ... */
  label: string
  op: FilterOp
  /** Declared on the DTO (else an implicit convention). */
  declared: boolean
}

export type FilterOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'contains' | 'startsWith' | 'endsWith' | 'in' | 'isNull' | 'isNotNull'

// QueryConventions.cs: suffixes longest first (GreaterThanOrEqualTo before GreaterThan), then the Min/Max prefixes.
const SUFFIXES: [string, FilterOp][] = [
  ['GreaterThanOrEqualTo', 'ge'], ['LessThanOrEqualTo', 'le'], ['GreaterThan', 'gt'], ['NotEqualTo', 'ne'],
  ['StartsWith', 'startsWith'], ['IsNotNull', 'isNotNull'], ['LessThan', 'lt'], ['EndsWith', 'endsWith'],
  ['Contains', 'contains'], ['IsNull', 'isNull'], ['After', 'gt'], ['Before', 'lt'], ['In', 'in'],
]
const PREFIXES: [string, FilterOp][] = [['Min', 'ge'], ['Max', 'le']]
// [QueryDbField(Operand = ...)]: the operands the server understands.
const OPERANDS: Record<string, FilterOp> = {
  '=': 'eq', '==': 'eq', '!=': 'ne', '<>': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', startswith: 'startsWith',
  endswith: 'endsWith', contains: 'contains', like: 'contains', in: 'in', isnull: 'isNull', isnotnull: 'isNotNull',
}
// The suffix the grid writes for an implicit filter of each comparison.
const IMPLICIT_SUFFIX: Partial<Record<FilterOp, string>> = {
  eq: '', ne: 'NotEqualTo', gt: 'GreaterThan', ge: 'GreaterThanOrEqualTo', lt: 'LessThan', le: 'LessThanOrEqualTo',
  contains: 'Contains', startsWith: 'StartsWith', endsWith: 'EndsWith', isNull: 'IsNull', isNotNull: 'IsNotNull',
}
const LABELS: Record<FilterOp, string> = {
  eq: '=', ne: '≠', gt: '>', ge: '≥', lt: '<', le: '≤', contains: 'contains', startsWith: 'starts with', endsWith: 'ends with',
  in: 'is one of', isNull: 'is empty', isNotNull: 'is not empty',
}
// What each kind of value can be compared with when the DTO does not declare it.
const IMPLICIT_OPS: Record<ValueKind, FilterOp[]> = {
  text: ['contains', 'startsWith', 'endsWith', 'eq', 'ne'],
  number: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  date: ['eq', 'gt', 'ge', 'lt', 'le'],
  time: ['eq', 'gt', 'lt'],
  bool: ['eq'],
  enum: ['eq', 'ne'],
  guid: ['eq'],
  other: [],
}

/** The keys every AutoQuery request takes, which are never filters. */
export const QUERY_PARAMS = ['skip', 'take', 'orderBy', 'orderByDesc', 'include', 'fields', 'format', 'meta']
/** The grid's own keys in the page's URL. */
const GRID_KEYS = new Set(['op', 'skip', 'take', 'orderby'])

const NUMBERS = new Set(['Int16', 'Int32', 'Int64', 'UInt16', 'UInt32', 'UInt64', 'Byte', 'SByte', 'Decimal', 'Double', 'Single'])
const DATES = new Set(['DateTime', 'DateTimeOffset', 'DateOnly'])
const TIMES = new Set(['TimeOnly', 'TimeSpan'])

export function valueKind(meta: Metadata, p: MetadataProperty): ValueKind {
  const { name } = underlyingType(p)
  if (name === 'String') return 'text'
  if (NUMBERS.has(name)) return 'number'
  if (name === 'Boolean') return 'bool'
  if (DATES.has(name)) return 'date'
  if (TIMES.has(name)) return 'time'
  if (name === 'Guid') return 'guid'
  if (p.isEnum || meta.type(name)?.isEnum) return 'enum'
  return 'other'
}

/** The type of the rows a query answers: QueryResponse<X>'s X, else QueryDb<From, Into>'s Into, else QueryDb<T>'s T. */
export function rowType(meta: Metadata, op: MetadataOperation): MetadataType | undefined {
  const fromResponse = op.response?.genericArgRefs?.[0] ?? op.response?.genericArgs?.[0]
  if (fromResponse) return meta.type(fromResponse)
  const args = op.request.inherits?.genericArgRefs ?? op.request.inherits?.genericArgs
  return args && args.length > 0 ? meta.type(args[args.length - 1]) : undefined
}

/** Whether the type derives from the platform's AuditBase (its Created/Modified/Deleted columns). */
function derivesFromAuditBase(meta: Metadata, type: MetadataType | undefined): boolean {
  for (let t = type, depth = 0; t && depth < 10; t = meta.type(t.inherits), depth++) if (t.inherits?.name === 'AuditBase') return true
  return false
}

/** The row type's columns in declaration order, except that AuditBase's audit columns come after the model's own. */
export function columnsOf(meta: Metadata, type: MetadataType | undefined): Column[] {
  const audit = derivesFromAuditBase(meta, type) ? new Set((meta.type('AuditBase')?.properties ?? []).map(p => p.name)) : new Set<string>()
  const props = meta.properties(type)
  const ordered = [...props.filter(p => !audit.has(p.name)), ...props.filter(p => audit.has(p.name))]
  return ordered.map(prop => {
    const kind = valueKind(meta, prop)
    const enumType = kind === 'enum' ? meta.type(underlyingType(prop).name) : undefined
    return {
      name: prop.name, key: camel(prop.name), prop, kind, nullable: underlyingType(prop).nullable,
      ...(enumType?.enumNames ? { options: enumType.enumNames } : {}),
    }
  })
}

/** The primary key: the property marked so, else `Id`, else the first. */
export function primaryKey(columns: Column[]): Column | undefined {
  return columns.find(c => c.prop.isPrimaryKey) ?? columns.find(c => c.name.toLowerCase() === 'id') ?? columns[0]
}

function findColumn(columns: Column[], name: string): Column | undefined {
  const lower = name.toLowerCase()
  return columns.find(c => c.name.toLowerCase() === lower)
}

/** Reads a filter name as the server does (QueryConventions.TryParse): an exact field wins, then suffixes, then prefixes. */
export function parseFilterName(name: string, columns: Column[]): { column: Column; op: FilterOp } | undefined {
  const exact = findColumn(columns, name)
  if (exact) return { column: exact, op: 'eq' }
  for (const [suffix, op] of SUFFIXES) {
    if (name.length > suffix.length && name.toLowerCase().endsWith(suffix.toLowerCase())) {
      const column = findColumn(columns, name.slice(0, -suffix.length))
      if (column) return { column, op }
    }
  }
  for (const [prefix, op] of PREFIXES) {
    if (name.length > prefix.length && name.toLowerCase().startsWith(prefix.toLowerCase())) {
      const column = findColumn(columns, name.slice(prefix.length))
      if (column) return { column, op }
    }
  }
  return undefined
}

/** Every filter of the operation over its columns: the DTO's declared ones first, then (if the server allows) implicit ones. */
export function filtersOf(meta: Metadata, op: MetadataOperation, columns: Column[]): FilterDef[] {
  const filters: FilterDef[] = []
  const seen = new Set<string>()
  const add = (f: FilterDef) => { if (!seen.has(f.key.toLowerCase())) { seen.add(f.key.toLowerCase()); filters.push(f) } }
  const skip = new Set(QUERY_PARAMS.map(k => k.toLowerCase()))
  for (const prop of meta.properties(op.request)) {
    if (skip.has(prop.name.toLowerCase()) || attribute(prop, 'AutoIgnore')) continue
    const parsed = declaredFilter(prop, columns)
    if (parsed) add({ key: camel(prop.name), column: parsed.column.name, op: parsed.op, label: LABELS[parsed.op], declared: true })
  }
  if (meta.app.plugins.autoQuery?.implicitFilters) {
    for (const column of columns) {
      for (const fop of IMPLICIT_OPS[column.kind]) {
        add({ key: camel(column.name + IMPLICIT_SUFFIX[fop]), column: column.name, op: fop, label: LABELS[fop], declared: false })
      }
      if (column.nullable && column.kind !== 'other') {
        add({ key: camel(column.name + 'IsNull'), column: column.name, op: 'isNull', label: LABELS.isNull, declared: false })
      }
    }
  }
  return filters
}

function declaredFilter(prop: MetadataProperty, columns: Column[]): { column: Column; op: FilterOp } | undefined {
  const field = attribute(prop, 'QueryDbField')
  if (field) {
    if (attributeArg(field, 'Template')) return undefined // a template's comparison is not one the grid can name
    const fieldName = attributeArg(field, 'Field') ?? prop.name
    const column = findColumn(columns, fieldName.includes('.') ? fieldName.slice(fieldName.lastIndexOf('.') + 1) : fieldName)
      ?? parseFilterName(prop.name, columns)?.column
    const operand = attributeArg(field, 'Operand')
    const op = operand ? OPERANDS[operand.trim().toLowerCase()] : parseFilterName(prop.name, columns)?.op ?? 'eq'
    return column && op ? { column, op } : undefined
  }
  const mapped = attributeArg(attribute(prop, 'AutoMap'), 'Field') ?? attributeArg(attribute(prop, 'AutoMap'), 'To')
  if (mapped) {
    const column = findColumn(columns, mapped)
    return column ? { column, op: 'eq' } : undefined
  }
  if (prop.name.toLowerCase() === 'ids') {
    const pk = primaryKey(columns)
    return pk ? { column: pk, op: 'in' } : undefined
  }
  return parseFilterName(prop.name, columns)
}

/**
 * The search box's filter: a text filter the DTO declares (contains first) on the model's display column ([Lookup("...")]
 * on the model, else a column called Name or Title), else the first text filter it declares, else the implicit
 * `{Column}Contains` of the display column or of the first text column.
 */
export function searchFilter(filters: FilterDef[], columns: Column[], display?: string): FilterDef | undefined {
  const text = columns.filter(c => c.kind === 'text').map(c => c.name)
  const shown = [display, 'Name', 'Title'].map(n => n && text.find(t => t.toLowerCase() === n.toLowerCase())).find(n => n)
  const rank = (f: FilterDef) => ['contains', 'startsWith', 'eq', 'endsWith'].indexOf(f.op)
  const declared = filters.filter(f => f.declared && text.includes(f.column) && rank(f) >= 0)
  const best = (list: FilterDef[]) => [...list].sort((a, b) => rank(a) - rank(b))[0]
  return best(declared.filter(f => f.column === shown)) ?? best(declared)
    ?? filters.find(f => !f.declared && f.op === 'contains' && f.column === shown)
    ?? filters.find(f => !f.declared && f.op === 'contains' && text.includes(f.column))
}

/** The grid's state: which query, which page, which order, which filters (key → value as typed). */
export interface GridState {
  op: string | undefined
  skip: number
  take: number
  orderBy: string | undefined
  filters: Record<string, string>
}

export const PAGE_SIZES = [10, 25, 50, 100]
export const DEFAULT_TAKE = 25

function single(value: LocationQuery[string] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : undefined
}

function whole(text: string | undefined, fallback: number): number {
  const n = text === undefined ? NaN : Number(text)
  return Number.isInteger(n) && n >= 0 ? n : fallback
}

/** The grid's state from the page's URL query; every key that is not the grid's own is a filter. */
export function readState(query: LocationQuery): GridState {
  const filters: Record<string, string> = {}
  for (const [key, value] of Object.entries(query)) {
    if (GRID_KEYS.has(key.toLowerCase())) continue
    const v = single(value)
    if (v !== undefined && v !== '') filters[key] = v
  }
  const take = whole(single(query.take), DEFAULT_TAKE)
  return {
    op: single(query.op) || undefined,
    skip: whole(single(query.skip), 0),
    take: take > 0 ? take : DEFAULT_TAKE,
    orderBy: single(query.orderBy) || undefined,
    filters,
  }
}

/** The page's URL query for a state (defaults left out, so links stay short). */
export function writeState(state: GridState): Record<string, string> {
  const query: Record<string, string> = {}
  if (state.op) query.op = state.op
  if (state.skip > 0) query.skip = String(state.skip)
  if (state.take !== DEFAULT_TAKE) query.take = String(state.take)
  if (state.orderBy) query.orderBy = state.orderBy
  for (const [key, value] of Object.entries(state.filters)) if (value !== '') query[key] = value
  return query
}

/** The AutoQuery request of a state: its filters, order and page, with the total counted. */
export function requestOf(state: GridState, maxLimit: number): Record<string, string | number> {
  return {
    ...state.filters,
    ...(state.orderBy ? { orderBy: state.orderBy } : {}),
    skip: state.skip,
    take: Math.min(state.take, maxLimit),
    include: 'total',
  }
}

/** The CSV export of a state: the same filters and order, every matching row from the first, up to maxLimit. */
export function exportRequestOf(state: GridState, maxLimit: number): Record<string, string | number> {
  return { ...state.filters, ...(state.orderBy ? { orderBy: state.orderBy } : {}), take: maxLimit, format: 'csv' }
}

/** The next ordering when a column's header is clicked: ascending, then descending, then none. */
export function nextOrder(current: string | undefined, column: string): string | undefined {
  const now = sortOf(current, column)
  if (now === undefined) return column
  if (now === 'asc') return '-' + column
  return undefined
}

/** How the ordering sorts a column: by its first term only (what the grid's headers set). */
export function sortOf(orderBy: string | undefined, column: string): 'asc' | 'desc' | undefined {
  const first = orderBy?.split(',')[0]?.trim()
  if (!first) return undefined
  const desc = first.startsWith('-')
  return (desc ? first.slice(1) : first).toLowerCase() === column.toLowerCase() ? (desc ? 'desc' : 'asc') : undefined
}
