// The auth feature's admin contracts (AdminUser, ApiKeyInfo...) as the users, keys and roles pages use them, and what
// the metadata says the app declares (plugins.auth: roles, permissions, API-key scopes).
import type { Metadata } from './metadata'

/** A user as administrators see it (BaaS.AdminUser). */
export interface AdminUser {
  id: string; userName: string; email?: string; emailConfirmed: boolean; displayName?: string; profileUrl?: string
  roles: string[]; permissions: string[]; logins: string[]; hasPassword: boolean; lockedUntil?: string
  accessFailedCount: number; createdAt: string; lastLoginAt?: string
}
export interface AdminUserResponse { result: AdminUser }

/** An API key as it is listed (BaaS.ApiKeyInfo): never the key itself. */
export interface ApiKeyInfo {
  id: number; name: string; keyHint: string; scopes: string[]; userId?: string; userName?: string
  createdAt: string; expiresAt?: string; lastUsedAt?: string; revokedAt?: string
}
/** A new key: `key` is shown once. */
export interface CreateApiKeyResponse { key: string; result: ApiKeyInfo }

const ADMIN = 'Admin'

/** What the app declares: its roles (Admin always among them), permissions and the scopes keys may hold. */
export function authInfo(metadata: Metadata): { roles: string[]; permissions: string[]; scopes: string[] } {
  const auth = metadata.app.plugins.auth
  const roles = [...(auth?.roles ?? [])]
  if (!roles.some(r => r.toLowerCase() === ADMIN.toLowerCase())) roles.push(ADMIN)
  return { roles, permissions: [...(auth?.permissions ?? [])], scopes: [...(auth?.apiKeyScopes ?? [])] }
}

/** A wire date (ISO 8601; one without a zone is UTC, as the server stores it) as a Date. */
export function parseWireDate(text: string | undefined | null): Date | undefined {
  if (!text) return undefined
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : text + 'Z'
  const date = new Date(zoned)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** A wire date for people, in their time zone; `fallback` when there is none. */
export function when(text: string | undefined | null, fallback = '—'): string {
  const date = parseWireDate(text)
  return date ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : fallback
}

/** The value of an `<input type="datetime-local">` (local time) as UTC ISO 8601, or undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** A Date as an `<input type="datetime-local">` value (local time, minutes). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** One string query parameter of the route, or `fallback`. */
export function queryText(value: unknown, fallback = ''): string {
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : fallback
  return typeof value === 'string' ? value : fallback
}

/** One non-negative integer query parameter of the route, or `fallback`. */
export function queryInt(value: unknown, fallback: number): number {
  const n = Number.parseInt(queryText(value), 10)
  return Number.isFinite(n) && n >= 0 ? n : fallback
}

/** The items of `next` missing from `current`, and those of `current` missing from `next` (case-insensitive). */
export function diff(current: string[], next: string[]): { add: string[]; remove: string[] } {
  const has = (list: string[], v: string) => list.some(x => x.toLowerCase() === v.toLowerCase())
  return { add: next.filter(v => !has(current, v)), remove: current.filter(v => !has(next, v)) }
}
