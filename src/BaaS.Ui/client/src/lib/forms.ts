// A create or edit form drawn from a CRUD request DTO's metadata: which properties are inputs (the server fills the
// others), which input each one gets ([Input] overrides what its type implies), its rules, and how a typed value
// becomes a JSON value of the request.
import { attribute, attributeArg, underlyingType, type DataModel, type Metadata, type MetadataOperation, type MetadataProperty, type MetadataType } from './metadata'
import { firstFailure, isRequired, rulesOf, type Rule, type RuleValue } from './rules'
import { isFileProperty, uploadOf, type UploadInfo } from './files'
import { lookupOf, type LookupInfo } from './lookup'
import { humanize } from './text'

export type InputKind = 'text' | 'textarea' | 'number' | 'checkbox' | 'select' | 'date' | 'datetime-local' | 'time' | 'email'
  | 'url' | 'tel' | 'password' | 'color' | 'json' | 'tags' | 'lookup' | 'file'

/**
 * What a form keeps for a field while the user types: text for most inputs, a flag for a checkbox, a list for tags. A
 * file input's chosen files are kept beside the values (they never go into JSON): see lib/files.ts.
 */
export type FieldValue = string | boolean | string[]

export interface FormField {
  /** The DTO's property name (and the server's `fieldName` of its errors). */
  name: string
  /** The name in the JSON request. */
  key: string
  id: string
  label: string
  help?: string | undefined
  placeholder?: string | undefined
  kind: InputKind
  /** The property's type with Nullable unwrapped (`Int32`, `Decimal`, `DateTime`...). */
  type: string
  nullable: boolean
  required: boolean
  isKey: boolean
  options?: { value: string; label: string }[]
  suggestions?: string[]
  rows?: number
  step?: string
  rules: Rule[]
  lookup?: LookupInfo | undefined
  /** The value a new row starts with (a checkbox's [AutoDefault]). */
  initial?: FieldValue
  /** The request DTO's property the field edits. */
  property?: MetadataProperty
  /** A file input's location, limits and whether it takes several files. */
  upload?: UploadInfo | undefined
}

const INTEGERS = new Set(['Byte', 'SByte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64'])
const DECIMALS = new Set(['Decimal', 'Double', 'Single'])
const AUDIT_FIELDS = new Set(['CreatedDate', 'CreatedBy', 'ModifiedDate', 'ModifiedBy', 'DeletedDate', 'DeletedBy'])
const INPUT_TYPES = new Set<string>(['text', 'textarea', 'number', 'checkbox', 'select', 'date', 'datetime-local', 'time',
  'email', 'url', 'tel', 'password', 'color', 'json', 'tags'])

export const isInteger = (type: string) => INTEGERS.has(type)
export const isNumeric = (type: string) => INTEGERS.has(type) || DECIMALS.has(type)

/** The model's primary key: the property marked as such, else the [AutoIncrement] one, else `Id`. */
export function primaryKey(meta: Metadata, model: DataModel): MetadataProperty | undefined {
  const props = meta.properties(model.type)
  return props.find(p => p.isPrimaryKey) ?? props.find(p => attribute(p, 'AutoIncrement')) ?? props.find(p => p.name.toLowerCase() === 'id')
}

function inherits(meta: Metadata, type: MetadataType | undefined, name: string): boolean {
  for (let t = type, i = 0; t && i < 10; t = meta.type(t.inherits), i++) if (t.inherits?.name === name) return true
  return false
}

/** The model fields the DTO has the server fill ([AutoPopulate("OwnerId", Eval = "userAuthId")]). */
function populated(op: MetadataOperation): Set<string> {
  return new Set((op.request.attributes ?? []).filter(a => a.name === 'AutoPopulate')
    .map(a => (attributeArg(a, 'Field') ?? '').toLowerCase()))
}

function byName(props: MetadataProperty[], name: string): MetadataProperty | undefined {
  const lower = name.toLowerCase()
  return props.find(p => p.name.toLowerCase() === lower)
}

function maxLength(p: MetadataProperty | undefined): number {
  if (!p) return 0
  const declared = attributeArg(attribute(p, 'StringLength'), 'MaximumLength') ?? attributeArg(attribute(p, 'ValidateMaximumLength'), 'Max')
  return declared === undefined ? 0 : Number(declared)
}

function kindOf(meta: Metadata, p: MetadataProperty, type: string, modelProp: MetadataProperty | undefined): InputKind {
  const declared = attributeArg(attribute(p, 'Input'), 'Type')?.toLowerCase()
  if (isFileProperty(p)) return 'file'
  if (declared && INPUT_TYPES.has(declared)) return declared as InputKind
  if (type === 'Boolean') return 'checkbox'
  if (meta.type(type)?.isEnum || p.isEnum) return 'select'
  if (isNumeric(type)) return 'number'
  if (type === 'DateTime' || type === 'DateTimeOffset') return 'datetime-local'
  if (type === 'DateOnly') return 'date'
  if (type === 'TimeOnly' || type === 'TimeSpan') return 'time'
  if ((type === 'List`1' || type.endsWith('[]')) && (p.genericArgs?.[0] === 'String' || type === 'String[]')) return 'tags'
  if (type === 'String') return Math.max(maxLength(p), maxLength(modelProp)) > 200 ? 'textarea' : 'text'
  if (type === 'Guid' || type === 'Char') return 'text'
  return 'json' // objects, dictionaries, other lists
}

/** The step of a number input: 1 for integers, the declared scale's for decimals (0.01), else any. */
function stepOf(p: MetadataProperty, type: string, modelProp: MetadataProperty | undefined): string {
  const declared = attributeArg(attribute(p, 'Input'), 'Step')
  if (declared) return declared
  if (isInteger(type)) return '1'
  const scale = attributeArg(attribute(p, 'ValidateScalePrecision'), 'Scale') ?? attributeArg(attribute(modelProp, 'DecimalLength'), 'Scale')
  return scale === undefined || Number(scale) <= 0 ? 'any' : (1 / 10 ** Number(scale)).toFixed(Number(scale))
}

/**
 * The inputs of a CRUD DTO for a model: the DTO's own properties (the only ones the server writes), minus those the
 * server fills (the model's [AutoPopulate]-ed fields, audit columns, an [AutoIncrement] key on create) and [Input(Hidden)]
 * ones, ordered by [Input(Order)] then as declared.
 */
export function formFields(meta: Metadata, model: DataModel, op: MetadataOperation, mode: 'create' | 'edit'): FormField[] {
  const modelProps = meta.properties(model.type)
  const key = primaryKey(meta, model)
  const filled = populated(op)
  const audited = inherits(meta, model.type, 'AuditBase')
  const fields: { field: FormField; order: number | undefined; index: number }[] = []
  meta.properties(op.request).forEach((p, index) => {
    const modelProp = byName(modelProps, p.name)
    const isKey = !!key && key.name.toLowerCase() === p.name.toLowerCase()
    if (filled.has(p.name.toLowerCase())) return
    if (audited && AUDIT_FIELDS.has(p.name)) return
    if (mode === 'create' && isKey && attribute(modelProp, 'AutoIncrement')) return
    if (!isKey && attributeArg(attribute(p, 'Input'), 'Hidden')?.toLowerCase() === 'true') return
    fields.push({ field: fieldOf(meta, p, modelProp, isKey), order: orderOf(p), index })
  })
  // Fields with an order first (lower first), then the others as declared; the key always leads.
  return fields.sort((a, b) => Number(b.field.isKey) - Number(a.field.isKey)
    || (a.order ?? Infinity) - (b.order ?? Infinity) || a.index - b.index).map(f => f.field)
}

function orderOf(p: MetadataProperty): number | undefined {
  const order = attributeArg(attribute(p, 'Input'), 'Order')
  return order === undefined ? undefined : Number(order)
}

/** The input of one request property (`modelProp`: the data model's property of the same name, for its hints). */
export function fieldOf(meta: Metadata, p: MetadataProperty, modelProp: MetadataProperty | undefined, isKey: boolean, idPrefix = 'field-'): FormField {
  const input = attribute(p, 'Input')
  const { name: type, nullable } = underlyingType(p)
  const lookup = isKey ? undefined : lookupOf(meta, p, modelProp)
  const kind: InputKind = lookup ? 'lookup' : kindOf(meta, p, type, modelProp)
  const options = attributeArg(input, 'Options')?.split(',').map(o => o.trim()).filter(o => o.length > 0)
  const enumType = meta.type(type)
  const field: FormField = {
    name: p.name, key: p.name.charAt(0).toLowerCase() + p.name.slice(1), id: `${idPrefix}${p.name}`,
    label: attributeArg(input, 'Label') ?? humanize(p.name),
    help: attributeArg(input, 'Help') ?? p.description,
    placeholder: attributeArg(input, 'Placeholder') ?? attributeArg(attribute(p, 'AutoDefault'), 'Value'),
    kind, type, nullable, required: isRequired(p), isKey, rules: rulesOf(p), lookup, property: p,
  }
  if (kind === 'file') field.upload = uploadOf(meta, p)
  if (kind === 'select') {
    field.options = enumType?.isEnum
      ? (enumType.enumNames ?? []).map((n, i) => ({ value: n, label: enumType.enumDescriptions?.[i] || humanize(n) }))
      : (options ?? []).map(o => ({ value: o, label: o }))
  } else if (options) field.suggestions = options
  if (kind === 'number') field.step = stepOf(p, type, modelProp)
  if (kind === 'textarea' || kind === 'json') field.rows = Number(attributeArg(input, 'Rows') ?? (kind === 'json' ? 6 : 4))
  if (kind === 'checkbox') field.initial = attributeArg(attribute(p, 'AutoDefault'), 'Value')?.toLowerCase() === 'true'
  else if (kind === 'select' && !nullable) field.initial = field.options?.[0]?.value ?? ''
  return field
}

/**
 * The inputs of any operation's request DTO (the API Explorer's form): every property but [Input(Hidden)] ones, the
 * DTO's own before those it inherits (a query's filters before QueryBase's paging), each group ordered by
 * [Input(Order)] then as declared. With a data model, its properties lend their hints (lookups, lengths).
 */
export function operationFields(meta: Metadata, op: MetadataOperation, idPrefix = 'field-'): FormField[] {
  const modelProps = op.dataModel ? meta.properties(meta.type(op.dataModel)) : []
  const own = new Set((op.request.properties ?? []).map(p => p.name))
  return meta.properties(op.request)
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => attributeArg(attribute(p, 'Input'), 'Hidden')?.toLowerCase() !== 'true')
    .map(({ p, index }) => {
      const field = fieldOf(meta, p, byName(modelProps, p.name), false, idPrefix)
      // A list of numbers or a dictionary is short JSON: two lines are enough.
      if (field.kind === 'json' && !meta.type(p.genericArgs?.[p.genericArgs.length - 1] ?? '') && !attributeArg(attribute(p, 'Input'), 'Rows')) field.rows = 2
      return { field, inherited: !own.has(p.name), order: orderOf(p), index }
    })
    .sort((a, b) => Number(a.inherited) - Number(b.inherited) || (a.order ?? Infinity) - (b.order ?? Infinity) || a.index - b.index)
    .map(f => f.field)
}

/** A field's empty value. */
export function emptyValue(field: FormField): FieldValue {
  if (field.initial !== undefined) return Array.isArray(field.initial) ? [...field.initial] : field.initial
  return field.kind === 'checkbox' ? false : field.kind === 'tags' ? [] : ''
}

function pad(n: number) { return String(n).padStart(2, '0') }

/** A value of a row (as the JSON API answered it) as the field's input shows it. */
export function fromRow(field: FormField, row: Record<string, unknown> | undefined, meta: Metadata): FieldValue {
  if (!row) return emptyValue(field)
  const lower = field.name.toLowerCase()
  const entry = Object.entries(row).find(([k]) => k.toLowerCase() === lower)
  const value = entry?.[1]
  if (value === undefined || value === null) return field.kind === 'checkbox' ? false : field.kind === 'tags' ? [] : ''
  switch (field.kind) {
    case 'checkbox': return value === true || String(value).toLowerCase() === 'true'
    case 'tags': return Array.isArray(value) ? value.map(v => String(v)) : String(value).split(',')
    case 'json': return JSON.stringify(value, null, 2)
    case 'datetime-local': {
      const date = new Date(String(value))
      if (Number.isNaN(date.getTime())) return String(value)
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
    }
    case 'date': return String(value).slice(0, 10)
    case 'time': return String(value).slice(0, 8)
    case 'select': {
      const enumType = meta.type(field.type)
      if (typeof value === 'number' && enumType?.enumValues) {
        const i = enumType.enumValues.indexOf(String(value))
        return enumType.enumNames?.[i] ?? String(value)
      }
      return String(value)
    }
    default: return typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
}

/** The field's value as its rules see it (an empty non-nullable number is its default, 0, as on the server). */
export function ruleValue(field: FormField, value: FieldValue): RuleValue {
  if (typeof value === 'boolean' || Array.isArray(value)) return value
  const text = value.trim()
  if (field.kind === 'number' || (field.kind === 'lookup' && isNumeric(field.type))) {
    if (text === '') return field.nullable ? null : { number: 0, text: '0' }
    return { number: Number(text), text }
  }
  if (field.kind === 'json') {
    if (text === '') return null
    try { return JSON.parse(text) as RuleValue } catch { return null }
  }
  if (field.type === 'String') return value === '' && field.nullable ? null : value
  return text === '' ? null : value
}

/** The browser's own check of a field: its type first (a number, JSON), then the DTO's rules. */
export function validate(field: FormField, value: FieldValue): string | undefined {
  if (field.kind === 'file') return undefined // its files are checked as chosen (checkFiles)
  if (typeof value === 'string' && value.trim() !== '') {
    if ((field.kind === 'number' || (field.kind === 'lookup' && isNumeric(field.type))) && !Number.isFinite(Number(value.trim())))
      return `'${field.name}' must be a number.`
    if (field.kind === 'number' && isInteger(field.type) && !Number.isInteger(Number(value.trim())))
      return `'${field.name}' must be a whole number.`
    if (field.kind === 'json') { try { JSON.parse(value) } catch { return `'${field.name}' is not valid JSON.` } }
  }
  return firstFailure(field.rules, ruleValue(field, value))
}

/** The field's value in the JSON request; undefined when it is empty (not sent: the server's default applies). */
export function toRequest(field: FormField, value: FieldValue): unknown {
  if (field.kind === 'file') return undefined // files go in a multipart form, never in JSON
  if (typeof value === 'boolean') return value
  if (Array.isArray(value)) return value.length === 0 ? undefined : value
  const text = value.trim()
  // Blank text is sent as typed (its rules decide); an empty input is not sent.
  if (text === '') return field.type === 'String' && value !== '' ? value : undefined
  switch (field.kind) {
    case 'number': return Number(text)
    case 'lookup': return isNumeric(field.type) ? Number(text) : text
    case 'json': return JSON.parse(text) as unknown
    case 'datetime-local': {
      const date = new Date(text)
      return Number.isNaN(date.getTime()) ? text : date.toISOString()
    }
    case 'time': return text.length === 5 ? text + ':00' : text
    case 'checkbox': return text === 'true'
    default: return field.type === 'String' ? value : text
  }
}

/** Whether two field values are the same (to send only what changed in a patch). */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i])
  return a === b
}
