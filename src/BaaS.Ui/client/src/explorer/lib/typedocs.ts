// What the operation page says of a type: each property's type as a reader writes it (`List<OrderLine>`, `int?`),
// the types it refers to (to link and document them), and its validation rules in words.
import { attributeArg, underlyingType, type Metadata, type MetadataAttribute, type MetadataProperty, type MetadataType, type TypeName } from '../../lib/metadata'

const ALIASES: Record<string, string> = {
  String: 'string', Int32: 'int', Int64: 'long', Int16: 'short', Byte: 'byte', Boolean: 'bool', Decimal: 'decimal',
  Double: 'double', Single: 'float', Object: 'object', UInt32: 'uint', UInt64: 'ulong', Char: 'char',
}
/** Types a page does not document: the language's own. */
const SYSTEM = new Set(['String', 'Int32', 'Int64', 'Int16', 'Byte', 'SByte', 'UInt16', 'UInt32', 'UInt64', 'Boolean', 'Decimal',
  'Double', 'Single', 'Object', 'Char', 'Guid', 'DateTime', 'DateTimeOffset', 'DateOnly', 'TimeOnly', 'TimeSpan', 'Uri',
  'Nullable`1', 'List`1', 'IList`1', 'IEnumerable`1', 'ICollection`1', 'HashSet`1', 'Dictionary`2', 'IDictionary`2', 'KeyValuePair`2'])

/** A type's name as C# writes it: `List<OrderLine>`, `int?`, `Dictionary<string, string>`. */
export function typeLabel(name: string, genericArgs?: string[]): string {
  if (name === 'Nullable`1') return typeLabel(genericArgs?.[0] ?? 'Object') + '?'
  const base = ALIASES[name] ?? name.replace(/`\d+$/, '')
  return genericArgs?.length ? `${base}<${genericArgs.map(a => typeLabel(a)).join(', ')}>` : base
}

/** The property's type as C# writes it. */
export function propertyType(p: MetadataProperty): string { return typeLabel(p.type, p.genericArgs) }

/** The app's types a property's type names (its own, or its generic arguments'), for links. */
export function referencedTypes(meta: Metadata, name: string, genericArgs?: string[]): MetadataType[] {
  const names = [name.replace(/\[\]$/, ''), ...(genericArgs ?? [])]
  return names.filter(n => !SYSTEM.has(n)).map(n => meta.type(n)).filter((t): t is MetadataType => !!t)
}

/** The types a page documents: the request's and the response's, and every app type they reach (depth-first, once). */
export function typesReached(meta: Metadata, roots: (MetadataType | undefined)[]): MetadataType[] {
  const seen = new Set<string>()
  const out: MetadataType[] = []
  const visit = (t: MetadataType | undefined, depth: number) => {
    if (!t || seen.has(t.name) || depth > 6) return
    seen.add(t.name)
    out.push(t)
    for (const g of t.genericArgs ?? []) visit(meta.type(g), depth + 1)
    if (t.inherits) {
      visit(meta.type(t.inherits), depth + 1)
      for (const g of t.inherits.genericArgs ?? []) visit(meta.type(g), depth + 1)
    }
    for (const p of meta.properties(t)) for (const r of referencedTypes(meta, p.type, p.genericArgs)) visit(r, depth + 1)
  }
  roots.forEach(r => visit(r, 0))
  return out
}

/** The response type of an operation, with a generic one's arguments (`QueryResponse<Restaurant>`). */
export function responseLabel(op: { response?: TypeName | undefined; returnsVoid?: boolean | undefined }): string {
  if (!op.response) return op.returnsVoid ? 'nothing (204)' : 'object'
  return typeLabel(op.response.name, op.response.genericArgs)
}

function num(attr: MetadataAttribute, name: string): string { return attributeArg(attr, name) ?? '0' }

/** A validation attribute in words ("at most 200 characters"), or undefined for attributes that are no rule. */
export function ruleText(attr: MetadataAttribute): string | undefined {
  switch (attr.name) {
    case 'ValidateNotNull': return 'required'
    case 'ValidateNotEmpty': return 'not empty'
    case 'ValidateNull': return 'must be left out'
    case 'ValidateEmpty': return 'must be empty'
    case 'ValidateGreaterThan': return `> ${num(attr, 'Value')}`
    case 'ValidateGreaterThanOrEqual': return `≥ ${num(attr, 'Value')}`
    case 'ValidateLessThan': return `< ${num(attr, 'Value')}`
    case 'ValidateLessThanOrEqual': return `≤ ${num(attr, 'Value')}`
    case 'ValidateInclusiveBetween': return `${num(attr, 'From')} to ${num(attr, 'To')}`
    case 'ValidateExclusiveBetween': return `between ${num(attr, 'From')} and ${num(attr, 'To')} (exclusive)`
    case 'ValidateLength': return `${num(attr, 'Min')} to ${num(attr, 'Max')} characters`
    case 'ValidateMaximumLength': return `at most ${num(attr, 'Max')} characters`
    case 'ValidateMinimumLength': return `at least ${num(attr, 'Min')} characters`
    case 'ValidateEmail': return 'an email address'
    case 'ValidateCreditCard': return 'a card number'
    case 'ValidateRegularExpression': return `matches ${attributeArg(attr, 'Pattern') ?? ''}`
    case 'ValidateScalePrecision': return `${num(attr, 'Precision')} digits, ${num(attr, 'Scale')} decimals`
    case 'ValidateMaxItems': return `at most ${num(attr, 'Max')} items`
    case 'ValidateMinItems': return `at least ${num(attr, 'Min')} items`
    case 'ValidateEqual': return `= ${attributeArg(attr, 'Value') ?? ''}`
    case 'ValidateNotEqual': return `≠ ${attributeArg(attr, 'Value') ?? ''}`
    case 'Validate': return attributeArg(attr, 'Validator') ?? attributeArg(attr, 'Condition')
    default: return undefined
  }
}

/** The property's rules in words. */
export function rulesText(p: MetadataProperty): string[] {
  return (p.attributes ?? []).map(ruleText).filter((t): t is string => !!t)
}

/** Whether the property must be given (ValidateNotNull/NotEmpty, or [Required]). */
export function mustGive(p: MetadataProperty): boolean {
  return !!p.isRequired || (p.attributes ?? []).some(a => a.name === 'ValidateNotNull' || a.name === 'ValidateNotEmpty' || a.name === 'Required')
}

export { underlyingType }
