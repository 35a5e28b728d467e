// An example of a property's JSON for a request, from its type: `[{"menuItemId": 0, "quantity": 0}]` for a
// List<OrderLine>. Shown as the placeholder of a JSON input and used as its starting value.
import { underlyingType, type Metadata, type MetadataProperty } from '../../lib/metadata'
import { camel } from '../../lib/text'

const NUMBERS = new Set(['Byte', 'SByte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64', 'Decimal', 'Double', 'Single'])

function exampleOf(meta: Metadata, type: string, genericArgs: string[] | undefined, depth: number): unknown {
  if (NUMBERS.has(type)) return 0
  if (type === 'Boolean') return false
  if (type === 'String' || type === 'Guid' || type === 'Char') return ''
  if (type === 'DateTime' || type === 'DateTimeOffset') return new Date(0).toISOString()
  if (type === 'Nullable`1') return exampleOf(meta, genericArgs?.[0] ?? 'String', undefined, depth)
  if (type.endsWith('[]')) return [exampleOf(meta, type.slice(0, -2), undefined, depth)]
  if (type === 'List`1' || type === 'IEnumerable`1' || type === 'ICollection`1' || type === 'IList`1' || type === 'HashSet`1')
    return [exampleOf(meta, genericArgs?.[0] ?? 'String', undefined, depth)]
  if (type === 'Dictionary`2' || type === 'IDictionary`2') return {}
  const declared = meta.type(type)
  if (declared?.isEnum) return declared.enumNames?.[0] ?? ''
  if (!declared || depth > 2) return {}
  const example: Record<string, unknown> = {}
  for (const p of meta.properties(declared)) {
    const { name } = underlyingType(p)
    example[camel(p.name)] = exampleOf(meta, name, p.genericArgs, depth + 1)
  }
  return example
}

/** The example JSON of a property (compact: it is a placeholder). */
export function shapeOf(meta: Metadata, p: MetadataProperty): string {
  return JSON.stringify(exampleOf(meta, p.type, p.genericArgs, 0))
}
