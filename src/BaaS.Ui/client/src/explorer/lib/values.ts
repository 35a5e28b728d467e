// The request on screen as a typed tree, for the code snippets: each value with what the metadata says it is (a string,
// a decimal, an enum member, a list of OrderLine...), so each language can write it as its own literal
// (`12.5m` in C#, `Decimal("12.5")` in Python, `OrderStatus.Accepted` everywhere, `new OrderLine({ ... })` in TypeScript).
import type { Request } from '../../lib/api'
import type { Metadata, MetadataProperty, MetadataType, TypeName } from '../../lib/metadata'

/** A scalar's kind: how each language writes it. */
export type ScalarKind = 'string' | 'integer' | 'decimal' | 'double' | 'single' | 'boolean' | 'guid'
  | 'datetime' | 'datetimeoffset' | 'date' | 'time' | 'timespan'

export type Value =
  | { kind: 'scalar'; type: ScalarKind; value: string | number | boolean }
  /** An enum member: `members` are the identifiers to write (more than one for flags). */
  | { kind: 'enum'; type: MetadataType; members: string[] }
  | { kind: 'list'; items: Value[] }
  | { kind: 'map'; entries: [string, Value][] }
  /** A DTO: its properties (metadata names) with their values. */
  | { kind: 'object'; type: MetadataType; props: [MetadataProperty, Value][] }
  /** A value of no known type (an `object` property, a value the metadata does not describe): written as JSON data. */
  | { kind: 'json'; value: unknown }
  /** The files chosen for a file property, by their names (read from disk by the snippet). */
  | { kind: 'files'; names: string[]; multiple: boolean }

/** A request, or a nested DTO, with the keys its type does not declare (typed clients cannot send those). */
export interface TypedObject { value: Extract<Value, { kind: 'object' }>; unknown: string[] }

const INTEGERS = new Set(['Byte', 'SByte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64'])
const LISTS = new Set(['List`1', 'IList`1', 'ICollection`1', 'IEnumerable`1', 'IReadOnlyList`1', 'IReadOnlyCollection`1', 'HashSet`1', 'ISet`1'])
const MAPS = new Set(['Dictionary`2', 'IDictionary`2', 'IReadOnlyDictionary`2', 'SortedDictionary`2'])
const SCALARS: Record<string, ScalarKind> = {
  String: 'string', Char: 'string', Uri: 'string', Guid: 'guid', Boolean: 'boolean', Decimal: 'decimal', Double: 'double',
  Single: 'single', DateTime: 'datetime', DateTimeOffset: 'datetimeoffset', DateOnly: 'date', TimeOnly: 'time', TimeSpan: 'timespan',
}

/** A property's type as a reference the walk below follows. */
interface Ref { name: string; namespace?: string | undefined; args: Ref[] }

function refOf(name: string, namespace: string | undefined, args: string[] | undefined, argRefs: TypeName[] | undefined): Ref {
  const refs: TypeName[] = argRefs ?? (args ?? []).map(a => ({ name: a }))
  return { name, namespace, args: refs.map(r => refOf(r.name, r.namespace, r.genericArgs, r.genericArgRefs)) }
}

/** The value of a key, matched case-insensitively (the JSON protocol reads names that way). */
export function valueOf(request: Request, name: string): [string, unknown] | undefined {
  const lower = name.toLowerCase()
  return Object.entries(request).find(([k]) => k.toLowerCase() === lower)
}

function isNumber(text: string) { return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text.trim()) }

function inferred(value: unknown): Value {
  if (Array.isArray(value)) return { kind: 'list', items: value.map(inferred) }
  if (typeof value === 'string') return { kind: 'scalar', type: 'string', value }
  if (typeof value === 'boolean') return { kind: 'scalar', type: 'boolean', value }
  if (typeof value === 'number') return { kind: 'scalar', type: Number.isInteger(value) ? 'integer' : 'double', value }
  return { kind: 'json', value }
}

function enumValue(type: MetadataType, value: unknown): Value {
  const names = type.enumNames ?? []
  const identifiers = type.enumMemberNames ?? names
  const index = (v: string) => {
    const byName = names.findIndex(n => n.toLowerCase() === v.trim().toLowerCase())
    if (byName >= 0) return byName
    const byIdentifier = identifiers.findIndex(n => n.toLowerCase() === v.trim().toLowerCase())
    return byIdentifier >= 0 ? byIdentifier : (type.enumValues ?? []).indexOf(v.trim())
  }
  const parts = typeof value === 'number' ? [String(value)] : typeof value === 'string' ? value.split(',') : []
  const found = parts.map(index)
  if (parts.length === 0 || found.some(i => i < 0)) return inferred(value)
  return { kind: 'enum', type, members: found.map(i => identifiers[i]!) }
}

function typed(meta: Metadata, ref: Ref, value: unknown, depth: number): Value {
  if (depth > 20) return { kind: 'json', value }
  if (ref.name === 'Nullable`1' && ref.args[0]) return typed(meta, ref.args[0], value, depth)
  if (ref.name.endsWith('[]')) return typed(meta, { name: 'List`1', args: [{ name: ref.name.slice(0, -2), namespace: ref.namespace, args: [] }] }, value, depth)
  if (LISTS.has(ref.name) && ref.args[0] && Array.isArray(value)) return { kind: 'list', items: value.map(v => typed(meta, ref.args[0]!, v, depth + 1)) }
  if (MAPS.has(ref.name) && ref.args[1] && typeof value === 'object' && value !== null && !Array.isArray(value))
    return { kind: 'map', entries: Object.entries(value).map(([k, v]) => [k, typed(meta, ref.args[1]!, v, depth + 1)]) }
  if (INTEGERS.has(ref.name)) {
    if (typeof value === 'number' || (typeof value === 'string' && isNumber(value))) return { kind: 'scalar', type: 'integer', value }
    return inferred(value)
  }
  const scalar = SCALARS[ref.name]
  if (scalar) {
    if (scalar === 'boolean') return typeof value === 'boolean' ? { kind: 'scalar', type: scalar, value } : inferred(value)
    if (scalar === 'decimal' || scalar === 'double' || scalar === 'single')
      return typeof value === 'number' || (typeof value === 'string' && isNumber(value)) ? { kind: 'scalar', type: scalar, value } : inferred(value)
    return typeof value === 'string' ? { kind: 'scalar', type: scalar, value } : inferred(value)
  }
  const type = meta.type({ name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) })
  if (type?.isEnum) return enumValue(type, value)
  if (type && !type.isGenericTypeDef && ref.args.length === 0 && typeof value === 'object' && value !== null && !Array.isArray(value))
    return typedObject(meta, type, value as Request, depth + 1).value
  return inferred(value)
}

/** The request (or a DTO inside it) as a typed tree: its type's properties in declared order, nulls left out. */
export function typedObject(meta: Metadata, type: MetadataType, request: Request, depth = 0): TypedObject {
  const props: [MetadataProperty, Value][] = []
  const seen = new Set<string>()
  // The type's own properties first (what the call is about), then the inherited ones (paging and such).
  const all = meta.properties(type)
  const own = new Set((type.properties ?? []).map(p => p.name))
  for (const p of [...all.filter(p => own.has(p.name)), ...all.filter(p => !own.has(p.name))]) {
    const entry = valueOf(request, p.name)
    if (!entry) continue
    seen.add(entry[0])
    if (entry[1] === undefined || entry[1] === null) continue
    props.push([p, typed(meta, refOf(p.type, p.namespace, p.genericArgs, p.genericArgRefs), entry[1], depth)])
  }
  const unknown = Object.keys(request).filter(k => !seen.has(k) && request[k] !== undefined)
  return { value: { kind: 'object', type, props }, unknown }
}

/** Every DTO and enum type a value names (the request first), for imports. */
export function typesUsed(value: Value, into: MetadataType[] = []): MetadataType[] {
  const add = (t: MetadataType) => { if (!into.includes(t)) into.push(t) }
  switch (value.kind) {
    case 'enum': add(value.type); break
    case 'object': add(value.type); for (const [, v] of value.props) typesUsed(v, into); break
    case 'list': for (const v of value.items) typesUsed(v, into); break
    case 'map': for (const [, v] of value.entries) typesUsed(v, into); break
  }
  return into
}

/** Whether a value holds a scalar of this kind anywhere (a decimal, say, which needs an import in Python). */
export function uses(value: Value, kinds: ScalarKind[]): boolean {
  switch (value.kind) {
    case 'scalar': return kinds.includes(value.type)
    case 'object': return value.props.some(([, v]) => uses(v, kinds))
    case 'list': return value.items.some(v => uses(v, kinds))
    case 'map': return value.entries.some(([, v]) => uses(v, kinds))
    default: return false
  }
}

/** A type's name in the generated clients: without the generic arity (`QueryResponse`1` is `QueryResponse`). */
export function clientName(type: MetadataType): string { return type.name.replace(/`\d+$/, '') }

/**
 * Lays items out on one line when short, else one per line with a trailing comma (`open`/`close` are the brackets;
 * `openMultiline` is the opening when laid out over lines, as C#'s brace on a line of its own).
 */
export function layout(open: string, items: string[], close: string, indent: string, pad = '', openMultiline = open): string {
  if (items.length === 0) return open + close
  const line = open + pad + items.join(', ') + pad + close
  if (line.length + indent.length <= 100 && !items.some(i => i.includes('\n'))) return line
  const inner = indent + '    '
  return openMultiline + '\n' + items.map(i => inner + i).join(',\n') + ',\n' + indent + close
}
