// Client code for the call on screen, in TypeScript (@servicestack/client with /types/typescript), C# (BaaS.Client with
// the app's DTOs), Python (clients/python with /types/python) and curl: pure functions of the metadata, the call, how
// the explorer is signed in and the site's origin. Secrets are never written into a snippet: a password, token or API
// key is read from the environment (BAAS_PASSWORD, BAAS_TOKEN, BAAS_API_KEY). Chosen files are read from disk by their
// names: curl -F, a FormData sent with apiForm, UploadedFile.FromPath; the Python client sends JSON only.
import type { Metadata, MetadataProperty, MetadataType } from '../../lib/metadata'
import { secretVariable, userNameOf, type ExplorerAuth } from './auth'
import type { ExplorerCall } from './call'
import { curlSnippet } from './curl'
import { camelName, csString, pyString, pythonField, pythonMember, tsKey, tsString } from './literals'
import { clientName, layout, typedObject, typesUsed, uses, type TypedObject, type Value } from './values'

export { curlSnippet, secretVariable }

export type SnippetLanguage = 'typescript' | 'csharp' | 'python' | 'curl'

/** The languages in the order of their tabs, with their labels. */
export const SNIPPET_LANGUAGES: { id: SnippetLanguage; label: string }[] = [
  { id: 'typescript', label: 'TypeScript' }, { id: 'csharp', label: 'C#' }, { id: 'python', label: 'Python' }, { id: 'curl', label: 'curl' },
]

function request(meta: Metadata, call: ExplorerCall): TypedObject {
  return typedObject(meta, call.op.request, call.request)
}

/** The Authenticate DTO's type (for its namespace and name), when the app has it. */
function authenticateType(meta: Metadata): MetadataType | undefined {
  return meta.operation('Authenticate')?.request
}

/** The call's files by their file property (metadata order), as values a snippet writes. */
function fileProps(meta: Metadata, call: ExplorerCall): [MetadataProperty, Extract<Value, { kind: 'files' }>][] {
  return meta.properties(call.op.request).flatMap(p => {
    const names = call.files.filter(f => f.key.toLowerCase() === p.name.toLowerCase()).map(f => f.file.name)
    return names.length === 0 ? [] : [[p, { kind: 'files', names, multiple: p.type !== 'UploadedFile' }]]
  })
}

function leftOut(comment: string, typeName: string, unknown: string[]): string[] {
  return unknown.length > 0 ? [`${comment} Not properties of ${typeName}, so left out: ${unknown.join(', ')}`] : []
}

// ---- TypeScript --------------------------------------------------------------------------------------------------

function tsValue(value: Value, indent: string): string {
  const inner = indent + '    '
  switch (value.kind) {
    case 'scalar':
      if (value.type === 'boolean' || value.type === 'integer' || value.type === 'decimal' || value.type === 'double' || value.type === 'single') return String(value.value)
      return tsString(String(value.value))
    case 'enum': return value.members.map(m => `${clientName(value.type)}.${m}`).join(' | ')
    case 'list': return layout('[', value.items.map(v => tsValue(v, inner)), ']', indent)
    case 'map': return layout('{', value.entries.map(([k, v]) => `${tsKey(k)}: ${tsValue(v, inner)}`), '}', indent, ' ')
    case 'object':
      if (value.props.length === 0) return `new ${clientName(value.type)}()`
      return layout(`new ${clientName(value.type)}({`, value.props.map(([p, v]) => `${tsKey(camelName(p.name))}: ${tsValue(v, inner)}`), '})', indent, ' ')
    case 'json': return JSON.stringify(value.value) ?? 'undefined'
    case 'files': return 'undefined' // files go in a FormData (typeScriptSnippet)
  }
}

/** TypeScript: @servicestack/client's JsonServiceClient.api() with the DTOs of /types/typescript (saved as dtos.ts). */
export function typeScriptSnippet(meta: Metadata, call: ExplorerCall, auth: ExplorerAuth, origin: string): string {
  const typed = request(meta, call)
  const authenticate = authenticateType(meta)
  const names = typesUsed(typed.value).map(clientName)
  if (auth.mode === 'credentials' && authenticate) names.push(clientName(authenticate))
  const files = call.files
  const lines = [
    ...(files.length > 0 ? [`import { readFile } from 'node:fs/promises'`] : []),
    `import { JsonServiceClient } from '@servicestack/client'`,
    `import { ${[...new Set(names)].sort().join(', ')} } from './dtos'`,
    '',
    `const client = new JsonServiceClient(${tsString(origin)})`,
    '',
    'async function main() {',
  ]
  const body: string[] = []
  if (auth.mode === 'credentials') {
    body.push(
      `// Sign in; the password comes from the environment (BAAS_PASSWORD).`,
      `const auth = await client.api(new Authenticate({ provider: 'credentials', userName: ${tsString(userNameOf(auth))}, password: process.env.BAAS_PASSWORD }))`,
      `if (!auth.succeeded) throw new Error(auth.errorMessage)`,
      `client.bearerToken = auth.response!.bearerToken!`,
    )
  } else if (auth.mode === 'bearer' || auth.mode === 'apikey') {
    body.push(`client.bearerToken = process.env.${secretVariable(auth)}!${auth.mode === 'apikey' ? ' // an API key is sent as a bearer token' : ''}`)
  }
  body.push(...leftOut('//', typed.value.type.name, typed.unknown))
  const dto = tsValue(typed.value, '    ')
  const voidCall = call.op.returnsVoid || !call.op.response
  if (files.length > 0) {
    body.push(`// The files go in a FormData; apiForm sends the DTO's values with it.`, 'const form = new FormData()')
    for (const { key, file } of files) {
      const type = file.type ? `, { type: ${tsString(file.type)} }` : ''
      body.push(`form.append(${tsString(key)}, new Blob([await readFile(${tsString(file.name)})]${type}), ${tsString(file.name)})`)
    }
  }
  const [sendVoid, sendOne] = files.length > 0 ? ['apiFormVoid', 'apiForm'] : ['apiVoid', 'api']
  const args = files.length > 0 ? `${dto}, form` : dto
  if (voidCall) {
    body.push(`const api = await client.${sendVoid}(${args})`, `if (api.succeeded) console.log('Done')`, 'else console.error(api.error)')
  } else {
    body.push(`const api = await client.${sendOne}(${args})`, 'if (api.succeeded) console.log(JSON.stringify(api.response, null, 2))', 'else console.error(api.error)')
  }
  lines.push(...body.map(l => '    ' + l), '}', '', 'main().catch(error => console.error(error))')
  return lines.join('\n') + '\n'
}

// ---- C# ----------------------------------------------------------------------------------------------------------

function csValue(value: Value, indent: string): string {
  const inner = indent + '    '
  switch (value.kind) {
    case 'scalar': {
      const text = String(value.value)
      switch (value.type) {
        case 'boolean': return text
        case 'integer': case 'double': return text
        case 'decimal': return text + 'm'
        case 'single': return text + 'f'
        case 'guid': return `Guid.Parse(${csString(text)})`
        case 'datetime': return `DateTime.Parse(${csString(text)})`
        case 'datetimeoffset': return `DateTimeOffset.Parse(${csString(text)})`
        case 'date': return `DateOnly.Parse(${csString(text)})`
        case 'time': return `TimeOnly.Parse(${csString(text)})`
        case 'timespan': return text.startsWith('P') || text.startsWith('-P') ? `System.Xml.XmlConvert.ToTimeSpan(${csString(text)})` : `TimeSpan.Parse(${csString(text)})`
        default: return csString(text)
      }
    }
    case 'enum': return value.members.map(m => `${clientName(value.type)}.${m}`).join(' | ')
    case 'list': return layout('[', value.items.map(v => csValue(v, inner)), ']', indent)
    case 'map':
      return layout('new() {', value.entries.map(([k, v]) => `[${csString(k)}] = ${csValue(v, inner)}`), '}', indent, ' ', `new()\n${indent}{`)
    case 'object': {
      const name = clientName(value.type)
      if (value.props.length === 0) return `new ${name}()`
      return layout(`new ${name} {`, value.props.map(([p, v]) => `${p.name} = ${csValue(v, inner)}`), '}', indent, ' ', `new ${name}\n${indent}{`)
    }
    case 'json': return `System.Text.Json.JsonDocument.Parse(${csString(JSON.stringify(value.value) ?? 'null')}).RootElement`
    case 'files': {
      const files = value.names.map(n => `UploadedFile.FromPath(${csString(n)})`)
      return value.multiple ? layout('[', files, ']', indent) : files[0] ?? 'null'
    }
  }
}

/** C#: BaaS.Client's JsonApiClient with the app's own DTOs (or /types/csharp), as top-level statements. */
export function csharpSnippet(meta: Metadata, call: ExplorerCall, auth: ExplorerAuth, origin: string): string {
  const typed = request(meta, call)
  const files = fileProps(meta, call)
  // The files are properties of the DTO: the client sends it as multipart/form-data.
  if (files.length > 0) typed.value.props.push(...files)
  const authenticate = authenticateType(meta)
  const namespaces = new Set(files.length > 0 ? ['BaaS', 'BaaS.Client'] : ['BaaS.Client'])
  for (const t of typesUsed(typed.value)) if (t.namespace) namespaces.add(t.namespace)
  if (auth.mode === 'credentials' && authenticate?.namespace) namespaces.add(authenticate.namespace)
  const voidCall = call.op.returnsVoid || !call.op.response
  if (!voidCall) namespaces.add('System.Text.Json')
  const system = [...namespaces].filter(n => n === 'System' || n.startsWith('System.')).sort()
  const rest = [...namespaces].filter(n => !system.includes(n)).sort()
  const lines = [...system, ...rest].map(n => `using ${n};`)
  lines.push('', `using var client = new JsonApiClient(${csString(origin)});`)
  if (auth.mode === 'credentials') {
    lines.push(
      '',
      '// Sign in; the password comes from the environment (BAAS_PASSWORD).',
      `var auth = await client.SendAsync(new Authenticate`,
      '{',
      '    Provider = "credentials",',
      `    UserName = ${csString(userNameOf(auth))},`,
      '    Password = Environment.GetEnvironmentVariable("BAAS_PASSWORD"),',
      '});',
      'client.BearerToken = auth.BearerToken;',
    )
  } else if (auth.mode === 'bearer' || auth.mode === 'apikey') {
    lines.push(`client.BearerToken = Environment.GetEnvironmentVariable("${secretVariable(auth)}");${auth.mode === 'apikey' ? ' // an API key is sent as a bearer token' : ''}`)
  }
  lines.push('', ...leftOut('//', typed.value.type.name, typed.unknown))
  const dto = csValue(typed.value, '')
  if (voidCall) lines.push(`await client.SendAsync(${dto});`, 'Console.WriteLine("Done");')
  else lines.push(`var response = await client.SendAsync(${dto});`, 'Console.WriteLine(JsonSerializer.Serialize(response, client.JsonOptions));')
  return lines.join('\n') + '\n'
}

// ---- Python ------------------------------------------------------------------------------------------------------

function pyJson(value: unknown, indent: string): string {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return pyString(value)
  if (Array.isArray(value)) return layout('[', value.map(v => pyJson(v, indent + '    ')), ']', indent)
  return layout('{', Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyString(k)}: ${pyJson(v, indent + '    ')}`), '}', indent)
}

function pyValue(value: Value, indent: string): string {
  const inner = indent + '    '
  switch (value.kind) {
    case 'scalar': {
      const text = String(value.value)
      switch (value.type) {
        case 'boolean': return value.value ? 'True' : 'False'
        case 'integer': case 'double': case 'single': return text
        case 'decimal': return `Decimal(${pyString(text)})`
        // fromisoformat reads a UTC 'Z' from Python 3.11 only: +00:00 is the same instant for every version.
        case 'datetime': case 'datetimeoffset': return `datetime.fromisoformat(${pyString(text.replace(/Z$/, '+00:00'))})`
        case 'date': return `date.fromisoformat(${pyString(text)})`
        case 'time': return `time.fromisoformat(${pyString(text)})`
        default: return pyString(text)
      }
    }
    case 'enum': return value.members.map(m => `${clientName(value.type)}.${pythonMember(m)}`).join(' | ')
    case 'list': return layout('[', value.items.map(v => pyValue(v, inner)), ']', indent)
    case 'map': return layout('{', value.entries.map(([k, v]) => `${pyString(k)}: ${pyValue(v, inner)}`), '}', indent)
    case 'object': return layout(`${clientName(value.type)}(`, value.props.map(([p, v]) => `${pythonField(p.name)}=${pyValue(v, inner)}`), ')', indent)
    case 'json': return pyJson(value.value, indent)
    case 'files': return 'None' // the Python client sends JSON only (pythonSnippet)
  }
}

/** Python: clients/python's JsonServiceClient with the dataclasses of /types/python (saved as dtos.py). */
export function pythonSnippet(meta: Metadata, call: ExplorerCall, auth: ExplorerAuth, origin: string): string {
  const typed = request(meta, call)
  const authenticate = authenticateType(meta)
  const names = typesUsed(typed.value).map(clientName)
  if (auth.mode === 'credentials' && authenticate) names.push(clientName(authenticate))
  const lines: string[] = []
  if (auth.mode !== 'none') lines.push('import os')
  const dates = (['datetime', 'date', 'time'] as const).filter(d => uses(typed.value, d === 'datetime' ? ['datetime', 'datetimeoffset'] : [d]))
  if (dates.length > 0) lines.push(`from datetime import ${dates.join(', ')}`)
  if (uses(typed.value, ['decimal'])) lines.push('from decimal import Decimal')
  if (lines.length > 0) lines.push('')
  lines.push('from baas_client import JsonServiceClient', `from dtos import ${[...new Set(names)].sort().join(', ')}`, '')
  lines.push(`client = JsonServiceClient(${pyString(origin)})`)
  if (auth.mode === 'credentials') {
    lines.push(
      '# Sign in; the password comes from the environment (BAAS_PASSWORD).',
      `auth = client.send(Authenticate(provider="credentials", user_name=${pyString(userNameOf(auth))}, password=os.environ["BAAS_PASSWORD"]))`,
      'client.bearer_token = auth.bearer_token',
    )
  } else if (auth.mode === 'bearer' || auth.mode === 'apikey') {
    lines.push(`client.bearer_token = os.environ["${secretVariable(auth)}"]${auth.mode === 'apikey' ? '  # an API key is sent as a bearer token' : ''}`)
  }
  lines.push('', ...leftOut('#', typed.value.type.name, typed.unknown))
  const files = fileProps(meta, call).map(([p]) => pythonField(p.name))
  if (files.length > 0) lines.push(`# The Python client sends JSON, so not the files (${files.join(', ')}): send those with curl, C# or TypeScript.`)
  const dto = pyValue(typed.value, '')
  if (call.op.returnsVoid || !call.op.response) lines.push(`client.send(${dto})`, 'print("Done")')
  else lines.push(`response = client.send(${dto})`, 'print(response)')
  return lines.join('\n') + '\n'
}

/** Every snippet of the call. */
export function snippets(meta: Metadata, call: ExplorerCall, auth: ExplorerAuth, origin: string): Record<SnippetLanguage, string> {
  return {
    typescript: typeScriptSnippet(meta, call, auth, origin),
    csharp: csharpSnippet(meta, call, auth, origin),
    python: pythonSnippet(meta, call, auth, origin),
    curl: curlSnippet(call, auth, origin),
  }
}
