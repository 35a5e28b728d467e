// The declarative validation rules of a request DTO's property ([ValidateNotEmpty], [ValidateMaximumLength(100)]...),
// read from the metadata and checked in the browser before a form is sent, with the server's own wording
// (src/BaaS/Validation/ValueRules.cs), so a field shows the same message whichever side caught it.
import { attributeArg, type MetadataAttribute, type MetadataProperty } from './metadata'

/** A value as a rule sees it: text, a number (with the text it was typed as), a boolean, a list, or null when empty. */
export type RuleValue = string | { number: number; text: string } | boolean | unknown[] | Record<string, unknown> | null

/** A check of one value: the message of the failure, or undefined when it passes. */
export type Rule = (value: RuleValue) => string | undefined

/** A number argument of a rule (the metadata lists constructor arguments always; a missing one reads as 0). */
function num(attr: MetadataAttribute, name: string): number {
  const text = attributeArg(attr, name)
  const n = text === undefined ? 0 : Number(text)
  return Number.isFinite(n) ? n : 0
}

/** A bound as .NET's invariant culture writes a double (`0`, `0.5`, `180`). */
function show(n: number): string { return String(n) }

function isNumber(v: RuleValue): v is { number: number; text: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'number' in v && typeof v.number === 'number'
}

function isEmpty(v: RuleValue): boolean {
  if (v === null) return true
  if (typeof v === 'string') return v.trim().length === 0
  if (Array.isArray(v)) return v.length === 0
  if (isNumber(v)) return v.number === 0
  if (typeof v === 'boolean') return !v
  return Object.keys(v).length === 0
}

function compare(wording: string, bound: number, ok: (value: number) => boolean, p: string): Rule {
  return v => !isNumber(v) || ok(v.number) ? undefined : `'${p}' ${wording} '${show(bound)}'.`
}

function text(check: (s: string) => string | undefined): Rule {
  return v => typeof v === 'string' ? check(v) : undefined
}

/** Luhn's checksum over 13 to 19 digits (spaces and dashes ignored), as the server checks a card number. */
function isCardNumber(s: string): boolean {
  const digits = s.replace(/[ -]/g, '')
  if (digits.length < 13 || digits.length > 19 || !/^[0-9]+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let n = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2
    sum += n
  }
  return sum % 10 === 0
}

function isEmail(s: string): boolean {
  const at = s.indexOf('@')
  return at > 0 && at === s.lastIndexOf('@') && at < s.length - 1 && !/\s/.test(s)
}

/** The decimals and integer digits of a number as it is sent (JSON drops trailing zeros: `12.50` is sent as `12.5`). */
function digitsOf(value: number): { scale: number; integerDigits: number } {
  const abs = Math.abs(value)
  const whole = Math.trunc(abs)
  // The shortest text that reads back as the number: `12.5`, `1e-7`, `1.5e-7`.
  const [mantissa = '', exponent] = String(abs).split('e')
  const decimals = (mantissa.split('.')[1] ?? '').length
  const scale = exponent === undefined ? decimals : Math.max(0, decimals - Number(exponent))
  return { scale, integerDigits: whole === 0 ? 0 : whole.toFixed(0).length }
}

function scalePrecision(p: string, scale: number, precision: number): Rule {
  return v => {
    if (!isNumber(v)) return undefined
    const d = digitsOf(v.number)
    return d.scale > scale || d.integerDigits > precision - scale
      ? `'${p}' must not be more than ${precision} digits in total, with allowance for ${scale} decimals. ${d.integerDigits + d.scale} digits and ${d.scale} decimals were found.`
      : undefined
  }
}

function pattern(p: string, source: string): Rule | undefined {
  let regex: RegExp
  try { regex = new RegExp(source) } catch { return undefined } // a .NET-only pattern: the server checks it
  return text(s => regex.test(s) ? undefined : `'${p}' is not in the correct format.`)
}

/** One attribute's check, or undefined for an attribute that is no rule (or one only the server can check). */
function ruleOf(attr: MetadataAttribute, p: string): Rule | undefined {
  switch (attr.name) {
    case 'ValidateNotNull': return v => v === null ? `'${p}' must not be empty.` : undefined
    case 'ValidateNotEmpty': return v => isEmpty(v) ? `'${p}' must not be empty.` : undefined
    case 'ValidateGreaterThan': { const b = num(attr, 'Value'); return compare('must be greater than', b, n => n > b, p) }
    case 'ValidateGreaterThanOrEqual': { const b = num(attr, 'Value'); return compare('must be greater than or equal to', b, n => n >= b, p) }
    case 'ValidateLessThan': { const b = num(attr, 'Value'); return compare('must be less than', b, n => n < b, p) }
    case 'ValidateLessThanOrEqual': { const b = num(attr, 'Value'); return compare('must be less than or equal to', b, n => n <= b, p) }
    case 'ValidateInclusiveBetween': {
      const from = num(attr, 'From'), to = num(attr, 'To')
      return v => !isNumber(v) || (v.number >= from && v.number <= to) ? undefined
        : `'${p}' must be between ${show(from)} and ${show(to)}. You entered ${v.text}.`
    }
    case 'ValidateLength': {
      const min = num(attr, 'Min'), max = num(attr, 'Max')
      return text(s => s.length < min || s.length > max ? `'${p}' must be between ${min} and ${max} characters. You entered ${s.length} characters.` : undefined)
    }
    case 'ValidateMaximumLength': {
      const max = num(attr, 'Max')
      return text(s => s.length > max ? `The length of '${p}' must be ${max} characters or fewer. You entered ${s.length} characters.` : undefined)
    }
    case 'ValidateMinimumLength': {
      const min = num(attr, 'Min')
      return text(s => s.length < min ? `The length of '${p}' must be at least ${min} characters. You entered ${s.length} characters.` : undefined)
    }
    case 'ValidateEmail': return text(s => isEmail(s) ? undefined : `'${p}' is not a valid email address.`)
    case 'ValidateCreditCard': return text(s => isCardNumber(s) ? undefined : `'${p}' is not a valid credit card number.`)
    case 'ValidateRegularExpression': return pattern(p, attributeArg(attr, 'Pattern') ?? '')
    case 'ValidateScalePrecision': return scalePrecision(p, num(attr, 'Scale'), num(attr, 'Precision'))
    case 'ValidateMaxItems': {
      const max = num(attr, 'Max')
      return v => Array.isArray(v) && v.length > max ? `'${p}' must have ${max.toLocaleString('en-US')} items or fewer.` : undefined
    }
    default: return undefined
  }
}

/** The property's rules in declaration order; each rule's `Message` (with `{PropertyName}`) replaces its own. */
export function rulesOf(property: MetadataProperty): Rule[] {
  const rules: Rule[] = []
  for (const attr of property.attributes ?? []) {
    const rule = ruleOf(attr, property.name)
    if (!rule) continue
    const message = attributeArg(attr, 'Message')?.replaceAll('{PropertyName}', property.name)
    rules.push(message === undefined ? rule : v => rule(v) === undefined ? undefined : message)
  }
  return rules
}

/** The first rule the value breaks (the server, too, reports one failure per property). */
export function firstFailure(rules: Rule[], value: RuleValue): string | undefined {
  for (const rule of rules) {
    const message = rule(value)
    if (message !== undefined) return message
  }
  return undefined
}

/** Whether the property must have a value (it carries ValidateNotNull or ValidateNotEmpty). */
export function isRequired(property: MetadataProperty): boolean {
  return (property.attributes ?? []).some(a => a.name === 'ValidateNotNull' || a.name === 'ValidateNotEmpty')
}
