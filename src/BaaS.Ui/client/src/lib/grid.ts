// What the data grid keeps between visits (the columns each user chose per query) and which rows a write operation can
// reach (its [AutoFilter]s), so the grid offers Edit and Delete only where the server would accept them.
import { attributeArg, type MetadataOperation } from './metadata'
import type { Column } from './query'
import { canCall, type SessionUser } from './session'
import { camel } from './text'

const PREFIX = 'baas-admin-ui:columns'

function storageKey(userId: string, op: string) { return `${PREFIX}:${userId}:${op}` }

/** The columns a user chose for a query, or undefined when they never chose (or storage is unavailable). */
export function loadColumns(userId: string, op: string): string[] | undefined {
  try {
    const text = window.localStorage.getItem(storageKey(userId, op))
    const parsed: unknown = text ? JSON.parse(text) : undefined
    return Array.isArray(parsed) && parsed.every(n => typeof n === 'string') ? parsed as string[] : undefined
  } catch { return undefined }
}

/** Remembers the columns a user chose for a query; undefined forgets the choice (back to the defaults). */
export function saveColumns(userId: string, op: string, visible: string[] | undefined) {
  try {
    if (visible) window.localStorage.setItem(storageKey(userId, op), JSON.stringify(visible))
    else window.localStorage.removeItem(storageKey(userId, op))
  } catch { /* storage full or disabled: the choice lasts for this page only */ }
}

/**
 * Whether a write operation can reach a row, judged from its [AutoFilter]s: a filter on the caller (`Eval = "userAuthId"`
 * or `"userAuthName"`) needs the row to show that field with the caller's value (a row that does not show it cannot be
 * told apart, so the action is not offered); a constant filter needs a shown field to hold that value.
 */
export function mayWriteRow(op: MetadataOperation | undefined, row: Record<string, unknown>, columns: Column[], user: SessionUser | null): boolean {
  if (!op || !canCall(op)) return false
  for (const filter of op.request.attributes ?? []) {
    if (filter.name !== 'AutoFilter') continue
    const field = attributeArg(filter, 'Field')
    if (!field) continue
    const column = columns.find(c => c.name.toLowerCase() === field.toLowerCase())
    const value = column ? row[column.key] : undefined
    const evalName = attributeArg(filter, 'Eval')?.toLowerCase()
    if (evalName === 'userauthid' || evalName === 'userauthname') {
      const mine = evalName === 'userauthid' ? user?.userId : user?.userName
      if (!column || !mine || String(value ?? '').toLowerCase() !== mine.toLowerCase()) return false
      continue
    }
    const constant = attributeArg(filter, 'Value')
    const operand = attributeArg(filter, 'Operand')
    if (column && constant !== undefined && (!operand || operand.trim() === '=' || operand.trim() === '==') &&
        String(value ?? '').toLowerCase() !== constant.toLowerCase()) return false
  }
  return true
}

/** The request that names one row to a write operation: its key property (the one named as the grid's key, else Id). */
export function keyRequest(op: MetadataOperation, key: Column, value: unknown): Record<string, unknown> {
  const props = op.request.properties ?? []
  const prop = props.find(p => p.name.toLowerCase() === key.name.toLowerCase()) ?? props.find(p => p.name.toLowerCase() === 'id')
  return { [camel(prop?.name ?? key.name)]: value }
}

