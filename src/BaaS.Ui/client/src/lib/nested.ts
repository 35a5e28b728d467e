// A request property whose type is one of the app's DTOs (`Address`) or a list of them (`List<OrderLine>`), edited as
// sub-forms instead of JSON: the element type's properties drawn as fields (fieldOf), one set per list item. The value
// stays the JSON text a 'json' field keeps, so forms.ts's validate() and toRequest() read it unchanged: it is parsed to
// draw the rows and written again on every edit.
import { fieldOf, fromRow, toRequest, type FieldValue, type FormField } from './forms'
import type { Metadata, MetadataProperty, MetadataType, TypeName } from './metadata'

/** What a nested property holds: one DTO, or a list of them. */
export interface NestedShape { list: boolean; type: MetadataType }

const LISTS = new Set(['List`1', 'IList`1', 'ICollection`1', 'IEnumerable`1', 'IReadOnlyList`1', 'IReadOnlyCollection`1', 'HashSet`1'])
const SYSTEM = new Set(['Object', 'String', 'Guid', 'DateTime', 'DateTimeOffset', 'DateOnly', 'TimeOnly', 'TimeSpan', 'Decimal'])

/** A DTO of the app's own with properties to draw (not an enum, an interface or a system type). */
function dto(meta: Metadata, ref: TypeName | string | undefined): MetadataType | undefined {
  const name = typeof ref === 'string' ? ref : ref?.name
  if (!name || SYSTEM.has(name)) return undefined
  const type = meta.type(ref)
  if (!type || type.isEnum || type.isInterface || type.isGenericTypeDef) return undefined
  return meta.properties(type).length > 0 ? type : undefined
}

/** The shape of a property edited as sub-forms, or undefined when it is not a DTO nor a list of DTOs. */
export function nestedShape(meta: Metadata, p: MetadataProperty | undefined): NestedShape | undefined {
  if (!p) return undefined
  if (LISTS.has(p.type)) {
    const element = dto(meta, p.genericArgRefs?.[0] ?? p.genericArgs?.[0])
    return element ? { list: true, type: element } : undefined
  }
  if (p.type.endsWith('[]')) {
    const element = dto(meta, p.type.slice(0, -2))
    return element ? { list: true, type: element } : undefined
  }
  const type = dto(meta, p.namespace ? { name: p.type, namespace: p.namespace } : p.type)
  return type ? { list: false, type } : undefined
}

/**
 * The fields of one item of a nested DTO. Their ids are unique on the page (`field-Items-0-MenuItemId`) and their names
 * say where they are (`Items[0].MenuItemId`, as the server names a nested field); an enum offers "—" (not sent) first.
 */
export function nestedFields(meta: Metadata, type: MetadataType, idPrefix: string, namePrefix: string): FormField[] {
  return meta.properties(type).map(p => {
    const field = fieldOf(meta, p, undefined, false, idPrefix)
    field.name = namePrefix + p.name
    if (field.kind === 'select') { field.nullable = true; delete field.initial }
    return field
  })
}

/** The values the fields of an item show for a JSON object (property names read case-insensitively). */
export function itemValues(meta: Metadata, fields: FormField[], item: Record<string, unknown>): FieldValue[] {
  // fromRow looks a property up by field.name, which here carries the path: look up by the JSON key instead.
  return fields.map(f => fromRow({ ...f, name: f.key }, item, meta))
}

/**
 * The JSON object the values of an item make: empty fields are left out (the server's defaults apply), as are an
 * unticked box whose default is false and values the browser cannot read (the field shows why).
 */
export function itemOf(fields: FormField[], values: FieldValue[]): Record<string, unknown> {
  const item: Record<string, unknown> = {}
  fields.forEach((f, i) => {
    const value = values[i]
    if (value === undefined || (value === false && f.initial !== true)) return
    try {
      const v = toRequest(f, value)
      if (v !== undefined && !(typeof v === 'number' && !Number.isFinite(v))) item[f.key] = v
    } catch { /* invalid JSON in a deeper field: its own check names it */ }
  })
  return item
}

/** The items a nested field's JSON text holds, or why they cannot be drawn as sub-forms. */
export function parseNested(text: string, list: boolean): { items: Record<string, unknown>[] } | { problem: string } {
  if (text.trim() === '') return { items: [] }
  let value: unknown
  try { value = JSON.parse(text) } catch { return { problem: 'The JSON is not valid: fix it to edit the value as fields.' } }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (value === null) return { items: [] }
  if (!list) return isObject(value) ? { items: [value] } : { problem: 'The value must be a JSON object { ... } to edit it as fields.' }
  if (!Array.isArray(value)) return { problem: 'The value must be a JSON list [ ... ] to edit it as rows.' }
  return value.every(isObject) ? { items: value } : { problem: 'Every item of the list must be a JSON object { ... } to edit them as rows.' }
}

/** The JSON text of a nested field's items ('' for none: the property is not sent). */
export function nestedText(items: Record<string, unknown>[], list: boolean): string {
  if (list) return items.length === 0 ? '' : JSON.stringify(items, null, 2)
  const item = items[0]
  return !item || Object.keys(item).length === 0 ? '' : JSON.stringify(item, null, 2)
}
