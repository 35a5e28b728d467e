// The explorer's view of the metadata: every operation grouped by its first tag (the app's groups first, the
// platform's own after them), a search over names, descriptions and routes, and what each operation needs of its
// caller, with the reason the current caller may not call it.
import type { Metadata, MetadataOperation } from '../../lib/metadata'
import type { SessionUser } from '../../lib/session'

export interface OperationGroup { tag: string; icon?: string | undefined; description?: string | undefined; operations: MetadataOperation[] }

/** The groups the platform's own operations come in: listed after the app's. */
export const PLATFORM_TAGS = new Set(['Auth', 'Admin', 'Jobs'])
/** The group of operations with no tag. */
export const UNTAGGED = 'Other'

export function groupOf(op: MetadataOperation): string { return op.tags?.[0] ?? UNTAGGED }

/** Every operation by group: the app's tags in name order, then untagged ones, then the platform's; names in order. */
export function groupOperations(meta: Metadata, operations: MetadataOperation[] = meta.allOperations): OperationGroup[] {
  const groups = new Map<string, MetadataOperation[]>()
  for (const op of operations) groups.set(groupOf(op), [...(groups.get(groupOf(op)) ?? []), op])
  const rank = (tag: string) => PLATFORM_TAGS.has(tag) ? 2 : tag === UNTAGGED ? 1 : 0
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([tag, ops]) => ({
      tag, icon: meta.tag(tag)?.icon, description: meta.tag(tag)?.description,
      operations: ops.sort((a, b) => a.request.name.localeCompare(b.request.name)),
    }))
}

/**
 * Whether the operation matches a search: every word of it is found in the operation's name, a tag, a route or the
 * description (case ignored), so "order" finds PlaceOrder and QueryMyOrders, "orders post" finds POST /orders.
 */
export function matches(meta: Metadata, op: MetadataOperation, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(w => w.length > 0)
  if (words.length === 0) return true
  const text = [op.request.name, ...(op.tags ?? []), ...(op.routes ?? []).map(r => r.path), meta.method(op),
    op.request.description ?? '', op.response?.name ?? ''].join(' ').toLowerCase()
  return words.every(w => text.includes(w))
}

/** One thing an operation needs of its caller. */
export interface Requirement { kind: 'auth' | 'role' | 'permission' | 'apiKey' | 'scope'; label: string; title: string }

/** What the operation needs, as markers for the sidebar and the page. */
export function requirements(op: MetadataOperation): Requirement[] {
  const list: Requirement[] = []
  if (op.requiresApiKey) list.push({ kind: 'apiKey', label: 'API key', title: 'Callers need an API key' })
  else if (op.requiresAuth && !(op.requiredRoles?.length) && !(op.requiredPermissions?.length))
    list.push({ kind: 'auth', label: 'Signed in', title: 'Callers must be signed in' })
  for (const role of op.requiredRoles ?? []) list.push({ kind: 'role', label: role, title: `Callers need the ${role} role` })
  for (const p of op.requiredPermissions ?? []) list.push({ kind: 'permission', label: p, title: `Callers need the ${p} permission` })
  for (const s of op.requiredApiKeyScopes ?? []) list.push({ kind: 'scope', label: s, title: `An API key calling it needs the ${s} scope` })
  return list
}

const ADMIN = 'Admin'

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1]
}

/**
 * Why the caller may not call the operation, or undefined when they may as far as the metadata tells (the server
 * still decides: an owner's AutoFilter, an API key's scopes). `viaApiKey` when the explorer sends an API key.
 */
export function whyNot(op: MetadataOperation, user: SessionUser | null, viaApiKey = false): string | undefined {
  if (op.requiresApiKey && !viaApiKey && !user?.roles.includes(ADMIN)) {
    const scopes = op.requiredApiKeyScopes ?? []
    return `Needs an API key${scopes.length ? ` with the ${list(scopes)} scope${scopes.length > 1 ? 's' : ''}` : ''}: sign in with one.`
  }
  if (!op.requiresAuth && !op.requiresApiKey) return undefined
  if (!user) return 'Needs you signed in.'
  if (user.roles.includes(ADMIN)) return undefined
  const roles = (op.requiredRoles ?? []).filter(r => !user.roles.includes(r))
  if (roles.length > 0) {
    const has = user.roles.length ? `you have ${list(user.roles)}` : 'you have no role'
    return `Needs the ${list(roles)} role${roles.length > 1 ? 's' : ''}; ${has}.`
  }
  const permissions = (op.requiredPermissions ?? []).filter(p => !user.permissions.includes(p))
  if (permissions.length > 0) return `Needs the ${list(permissions)} permission${permissions.length > 1 ? 's' : ''}, which you do not have.`
  return undefined
}

/** The sidebar's markers: the requirements, with one key for an API key and its scopes together. */
export function markers(op: MetadataOperation): Requirement[] {
  const all = requirements(op)
  const keys = all.filter(r => r.kind === 'apiKey' || r.kind === 'scope')
  const key = keys.length === 0 ? [] : [{ ...keys[0]!, title: keys.map(k => k.title).join('; ') }]
  return [...all.filter(r => r.kind !== 'apiKey' && r.kind !== 'scope'), ...key]
}
