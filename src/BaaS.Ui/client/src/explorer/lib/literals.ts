// How each snippet language writes a name or a string: escaped so that any text (quotes, backslashes, new lines) stays
// the same value, and names as each generator of /types/{language} writes them.

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0')

/** A TypeScript string: `'it\'s'`. */
export function tsString(text: string): string {
  const escapes: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' }
  return "'" + text.replace(/[\\'\n\r\t\u0000-\u001f\u2028\u2029]/g, c => escapes[c] ?? '\\u' + hex(c, 4)) + "'"
}

/** A C# string: `"say \"hi\""`; C#'s new-line characters (U+0085, U+2028, U+2029 too) escaped. */
export function csString(text: string): string {
  const escapes: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' }
  return '"' + text.replace(/[\\"\n\r\t\u0000-\u001f\u0085\u2028\u2029]/g, c => escapes[c] ?? '\\u' + hex(c, 4)) + '"'
}

/** A Python string: `"say \"hi\""`. */
export function pyString(text: string): string {
  const escapes: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' }
  return '"' + text.replace(/[\\"\n\r\t\u0000-\u001f\u007f]/g, c => escapes[c] ?? '\\x' + hex(c, 2)) + '"'
}

/** A bash word in single quotes, where nothing is expanded: `'it'\''s'` (a quote closes, is escaped, reopens). */
export function shellQuote(text: string): string {
  return "'" + text.replace(/'/g, "'\\''") + "'"
}

/**
 * A property's JSON (and TypeScript) name as System.Text.Json's camelCase policy makes it, which the TypeScript
 * generator uses: `RestaurantId` is `restaurantId`, `URLValue` `urlValue`, `ID` `id`.
 */
export function camelName(name: string): string {
  if (name.length === 0 || !isUpper(name[0]!)) return name
  const chars = [...name]
  for (let i = 0; i < chars.length; i++) {
    if (i === 1 && !isUpper(chars[i]!)) break
    const next = chars[i + 1]
    if (i > 0 && next !== undefined && !isUpper(next)) {
      if (next === ' ') chars[i] = chars[i]!.toLowerCase()
      break
    }
    chars[i] = chars[i]!.toLowerCase()
  }
  return chars.join('')
}

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase()
const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase()
const isDigit = (ch: string) => /^\d$/.test(ch)

/** An object key in TypeScript: bare when it is an identifier, else quoted. */
export function tsKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : tsString(name)
}

const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type',
])
const PY_SHADOWING = new Set(['int', 'float', 'bool', 'str', 'bytes', 'list', 'dict', 'object', 'datetime', 'decimal', 'enum', 'typing', 'dataclass', 'field', 'self'])

/**
 * A field's name in /types/python: `CuisineContains` is `cuisine_contains`, `HTMLBody` `html_body`, `From` `from_`
 * (the generator's rule: a keyword, or a name its annotations use, takes a trailing `_`).
 */
export function pythonField(name: string): string {
  let snake = ''
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!
    const prev = name[i - 1]
    const next = name[i + 1]
    if (isUpper(c) && prev !== undefined && prev !== '_' && (isLower(prev) || isDigit(prev) || (next !== undefined && isLower(next)))) snake += '_'
    snake += c.toLowerCase()
  }
  return PY_KEYWORDS.has(snake) || PY_SHADOWING.has(snake) ? snake + '_' : snake
}

/** An enum member in /types/python (`name`, `value` and keywords take a trailing `_`). */
export function pythonMember(name: string): string {
  return PY_KEYWORDS.has(name) || name === 'name' || name === 'value' || name === 'mro' ? name + '_' : name
}
