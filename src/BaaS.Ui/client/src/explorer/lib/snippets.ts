// Client code for the call on screen, in TypeScript (@servicestack/client with /types/typescript), C# (BaaS.Client with
// the app's DTOs), Python (clients/python with /types/python) and curl: pure functions of the metadata, the call, how
// the explorer is signed in and the site's origin. Secrets are never written into a snippet: a password, token or API
// key is read from the environment (BAAS_PASSWORD, BAAS_TOKEN, BAAS_API_KEY).
import type { Metadata, MetadataType } from '../../lib/metadata'
import type { ExplorerAuth } from './auth'
import { callUrl, type ExplorerCall } from './call'
import { camelName, csString, pyString, pythonField, pythonMember, shellQuote, tsKey, tsString } from './literals'
import { clientName, layout, typedObject, typesUsed, uses, type TypedObject, type Value } from './values'

export type SnippetLanguage = 'typescript' | 'csharp' | 'python' | 'curl'

/** The languages in the order of their tabs, with their labels. */
export const SNIPPET_LANGUAGES: { id: SnippetLanguage; label: string }[] = [
  { id: 'typescript', label: 'TypeScript' }, { id: 'csharp', label: 'C#' }, { id: 'python', label: 'Python' }, { id: 'curl', label: 'curl' },
]

/** The environment variable a snippet reads the secret of this sign-in from. */
export function secretVariable(auth: ExplorerAuth): string | undefined {
  return { none: undefined, credentials: 'BAAS_PASSWORD', bearer: 'BAAS_TOKEN', apikey: 'BAAS_API_KEY' }[auth.mode]
}

/** The name a credentials sign-in uses (the signed-in user's), or a placeholder to replace. */
const userNameOf = (auth: ExplorerAuth) => auth.userName ?? 'your-user-name'

function request(meta: Metadata, call: ExplorerCall): TypedObject {
  return typedObject(meta, call.op.request, call.request)
}

/** The Authenticate DTO's type (for its namespace and name), when the app has it. */
function authenticateType(meta: Metadata): MetadataType | undefined {
  return meta.operation('Authenticate')?.request
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
  }
}

/** TypeScript: @servicestack/client's JsonServiceClient.api() with the DTOs of /types/typescript (saved as dtos.ts). */
export function typeScriptSnippet(meta: Metadata, call: ExplorerCall, auth: ExplorerAuth, origin: string): string {
  const typed = request(meta, call)
  const authenticate = authenticateType(meta)
  const names = typesUsed(typed.value).map(clientName)
  if (auth.mode === 'credentials' && authenticate) names.push(clientName(authenticate))
  const lines = [
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
  if (call.op.returnsVoid || !call.op.response) {
    body.push(`const api = await client.apiVoid(${dto})`, `if (api.succeeded) console.log('Done')`, 'else console.error(api.error)')
  } else {
    body.push(`const api = await client.api(${dto})`, 'if (api.succeeded) console.log(JSON.stringify(api.response, null, 2))', 'else console.error(api.error)')
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
  }
}

/** C#: BaaS.Client's JsonApiClient with the app's own DTOs (or /types/csharp), as top-level statements. */
export function csharpSnippet(meta: Metadata, call: ExplorerCall, auth: ExplorerAuth, origin: string): string {
  const typed = request(meta, call)
  const authenticate = authenticateType(meta)
  const namespaces = new Set(['BaaS.Client'])
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
  const dto = pyValue(typed.value, '')
  if (call.op.returnsVoid || !call.op.response) lines.push(`client.send(${dto})`, 'print("Done")')
  else lines.push(`response = client.send(${dto})`, 'print(response)')
  return lines.join('\n') + '\n'
}

// ---- curl --------------------------------------------------------------------------------------------------------

/** curl: the method, URL and JSON body the explorer sends, every word single-quoted for bash. */
export function curlSnippet(call: ExplorerCall, auth: ExplorerAuth, origin: string): string {
  const lines: string[] = []
  const args: string[] = []
  if (auth.mode === 'credentials') {
    lines.push(
      '# Sign in; the password comes from the environment (BAAS_PASSWORD), the session cookies go to a cookie jar.',
      'jar=$(mktemp)',
      `curl -sS --fail -o /dev/null -c "$jar" ${shellQuote(origin + '/auth/credentials')} \\`,
      `    --data-urlencode ${shellQuote('userName=' + userNameOf(auth))} --data-urlencode "password=$BAAS_PASSWORD" &&`,
    )
    args.push('-b "$jar"')
  } else if (auth.mode === 'bearer' || auth.mode === 'apikey') {
    args.push(`-H "Authorization: Bearer $${secretVariable(auth)}"`)
  }
  const first = ['curl -sS', ...(call.method === 'GET' ? [] : [`-X ${call.method}`]), shellQuote(origin + callUrl(call))].join(' ')
  if (call.body !== undefined) args.push(`-H 'Content-Type: application/json'`, `-d ${shellQuote(JSON.stringify(call.body))}`)
  lines.push([first, ...args].join(' \\\n    '))
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
