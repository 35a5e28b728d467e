// The curl snippet of the call on screen: the request as bash runs it, signed in as the explorer is (a password or token
// read from the environment, see snippets.ts).
import { secretVariable, userNameOf, type ExplorerAuth } from './auth'
import { callUrl, type ExplorerCall } from './call'
import { shellQuote } from './literals'

/**
 * curl: the method, URL and JSON body the explorer sends, every word single-quoted for bash. With files, a multipart
 * form: each value a `--form-string` (taken as written, even when it starts with @), each file `-F key=@name`.
 */
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
  if (call.body !== undefined && call.files.length > 0) {
    for (const [key, value] of Object.entries(call.body)) {
      if (value === undefined || value === null) continue
      args.push(`--form-string ${shellQuote(`${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)}`)
    }
    for (const { key, file } of call.files) args.push(`-F ${shellQuote(`${key}=@${file.name}`)}`)
  } else if (call.body !== undefined) args.push(`-H 'Content-Type: application/json'`, `-d ${shellQuote(JSON.stringify(call.body))}`)
  lines.push([first, ...args].join(' \\\n    '))
  return lines.join('\n') + '\n'
}
