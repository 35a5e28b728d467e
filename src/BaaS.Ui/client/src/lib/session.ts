// The signed-in user, from the platform's cookie session (the same ss-tok / ss-reftok cookies the API uses).
import { reactive } from 'vue'
import { ApiError, fetchJson } from './api'
import type { Metadata, MetadataOperation } from './metadata'

export interface SessionUser {
  userId: string; userName: string; displayName?: string; profileUrl?: string; roles: string[]; permissions: string[]
}

interface AuthenticateResponse {
  userId?: string; userName?: string; displayName?: string; profileUrl?: string; roles?: string[]; permissions?: string[]
}

export const session = reactive({ user: null as SessionUser | null, checked: false })

const ADMIN = 'Admin'

function toUser(response: AuthenticateResponse | undefined): SessionUser | null {
  if (!response?.userId) return null
  return {
    userId: response.userId, userName: response.userName ?? '', roles: response.roles ?? [], permissions: response.permissions ?? [],
    ...(response.displayName ? { displayName: response.displayName } : {}),
    ...(response.profileUrl ? { profileUrl: response.profileUrl } : {}),
  }
}

/** Asks the server who is signed in (AdminUiSession: GET /auth without the 401 for visitors); null when nobody is. */
export async function loadSession(): Promise<SessionUser | null> {
  try {
    session.user = toUser(await fetchJson<AuthenticateResponse>('/api/AdminUiSession'))
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error
    session.user = null
  } finally {
    session.checked = true
  }
  return session.user
}

/** Signs in with a password; the server sets the session cookies. */
export async function signIn(userName: string, password: string): Promise<SessionUser> {
  const response = await fetchJson<AuthenticateResponse>('/auth/credentials', {
    method: 'POST', body: { provider: 'credentials', userName, password, rememberMe: true },
  })
  session.user = toUser(response)
  if (!session.user) throw new ApiError(500, { errorCode: 'NoSession', message: 'Signed in, but the server sent no session.' })
  return session.user
}

/** Emails a one-time sign-in code (SendSignInCode): answers alike whether or not the address has an account. */
export async function sendSignInCode(email: string): Promise<void> {
  await fetchJson('/auth/send-code', { method: 'POST', body: { email } })
}

/** Signs in with the emailed code (SignInWithCode); the server sets the session cookies as for a password. */
export async function signInWithCode(email: string, code: string): Promise<SessionUser> {
  const response = await fetchJson<AuthenticateResponse>('/auth/code', { method: 'POST', body: { email, code, rememberMe: true } })
  session.user = toUser(response)
  if (!session.user) throw new ApiError(500, { errorCode: 'NoSession', message: 'Signed in, but the server sent no session.' })
  return session.user
}

/** Ends the session on the server (its cookies and refresh token) and here. */
export async function signOut(): Promise<void> {
  try { await fetchJson('/auth/logout', { method: 'POST', body: {} }) } finally { session.user = null }
}

export function hasRole(role: string, user = session.user): boolean {
  return !!user && (user.roles.includes(role) || user.roles.includes(ADMIN))
}

export function isAdmin(user = session.user): boolean { return !!user && user.roles.includes(ADMIN) }

/** Whether the signed-in user may call the operation, by its declared roles and permissions (Admin may call all). */
export function canCall(op: MetadataOperation | undefined, user = session.user): boolean {
  if (!op) return false
  if (!op.requiresAuth) return true
  if (!user) return false
  if (user.roles.includes(ADMIN)) return true
  return (op.requiredRoles ?? []).every(r => user.roles.includes(r)) &&
    (op.requiredPermissions ?? []).every(p => user.permissions.includes(p))
}

/** Whether the user may use the Admin UI at all (plugins.adminUi.roles, Admin always). */
export function mayEnter(metadata: Metadata, user = session.user): boolean {
  if (!user) return false
  const roles = metadata.app.plugins.adminUi?.roles ?? [ADMIN]
  return user.roles.includes(ADMIN) || roles.some(r => user.roles.includes(r))
}

/** Whether the user may see a page listed by a feature (its roles; empty means everyone let in). */
export function maySee(pageRoles: string[], user = session.user): boolean {
  if (!user) return false
  return pageRoles.length === 0 || user.roles.includes(ADMIN) || pageRoles.some(r => user.roles.includes(r))
}
