// How the explorer calls the API: as the browser's cookie session (signed in with a password or OAuth, the same
// session as the Admin UI), with a bearer token pasted in, or with an API key; or as nobody. A token or key is kept for
// this tab only (sessionStorage) and sent as `Authorization: Bearer`; the snippets read it from an environment variable,
// never from the page.
import { reactive } from 'vue'
import { setAuthorization } from '../../lib/api'
import { loadSession, session, signIn, signOut } from '../../lib/session'

export type AuthMode = 'none' | 'credentials' | 'bearer' | 'apikey'

/** What the code snippets need to know of how the explorer is signed in. */
export interface ExplorerAuth { mode: AuthMode; userName?: string | undefined }

/** The environment variable a snippet reads the secret of this sign-in from. */
export function secretVariable(auth: ExplorerAuth): string | undefined {
  return { none: undefined, credentials: 'BAAS_PASSWORD', bearer: 'BAAS_TOKEN', apikey: 'BAAS_API_KEY' }[auth.mode]
}

/** The name a credentials sign-in uses (the signed-in user's), or a placeholder to replace. */
export const userNameOf = (auth: ExplorerAuth) => auth.userName ?? 'your-user-name'

const STORAGE = 'baas-ui-explorer-auth'

export const explorerAuth = reactive({ mode: 'none' as AuthMode, refused: false })

interface Stored { mode: 'bearer' | 'apikey'; token: string }

function stored(): Stored | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE) ?? 'null') as Stored | null
    return value && (value.mode === 'bearer' || value.mode === 'apikey') && typeof value.token === 'string' ? value : undefined
  } catch { return undefined }
}

/** Who the explorer calls as, after a reload: the stored token or key, else the cookie session, else nobody. */
export async function restoreAuth(): Promise<void> {
  const token = stored()
  setAuthorization(token ? 'Bearer ' + token.token : undefined)
  await loadSession()
  if (token && !session.user) {
    // Expired or revoked since: forget it (with a note), and fall back to the cookie session, if any.
    sessionStorage.removeItem(STORAGE)
    setAuthorization(undefined)
    await loadSession()
    explorerAuth.refused = true
    explorerAuth.mode = session.user ? 'credentials' : 'none'
    return
  }
  explorerAuth.refused = false
  explorerAuth.mode = session.user ? (token?.mode ?? 'credentials') : 'none'
}

/** Signs in with a password: the cookie session, as in the Admin UI. */
export async function signInWithPassword(userName: string, password: string): Promise<void> {
  sessionStorage.removeItem(STORAGE)
  setAuthorization(undefined)
  await signIn(userName, password)
  explorerAuth.mode = 'credentials'
  explorerAuth.refused = false
}

/**
 * Uses a bearer token (an access token) or an API key for every call; the server says whose it is. Throws when it
 * answers that nobody is signed in with it (an expired, revoked or mistyped one), and keeps nothing then.
 */
export async function useToken(mode: 'bearer' | 'apikey', token: string): Promise<void> {
  const value = token.trim().replace(/^Bearer\s+/i, '')
  setAuthorization('Bearer ' + value)
  await loadSession()
  if (!session.user) {
    setAuthorization(undefined)
    await loadSession()
    explorerAuth.mode = session.user ? 'credentials' : 'none'
    throw new Error(mode === 'apikey' ? 'The server did not accept this API key.' : 'The server did not accept this token.')
  }
  sessionStorage.setItem(STORAGE, JSON.stringify({ mode, token: value } satisfies Stored))
  explorerAuth.mode = mode
  explorerAuth.refused = false
}

/** Stops calling as anyone: forgets the token or key, or ends the cookie session. */
export async function signOutOfExplorer(): Promise<void> {
  if (explorerAuth.mode === 'bearer' || explorerAuth.mode === 'apikey') {
    sessionStorage.removeItem(STORAGE)
    setAuthorization(undefined)
    await loadSession()
    explorerAuth.mode = session.user ? 'credentials' : 'none'
  } else {
    await signOut()
    explorerAuth.mode = 'none'
  }
  explorerAuth.refused = false
}

/** The snippets' view of the sign-in. */
export function currentAuth(): ExplorerAuth {
  return { mode: explorerAuth.mode, userName: session.user?.userName }
}
