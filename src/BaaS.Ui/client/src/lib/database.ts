// The database admin APIs (BaaS.Ui's AdminQueryTables and AdminQueryTableRows): their DTOs and small helpers for the
// database pages. Admin only: pages check canCall() before calling.

export interface DatabaseColumn {
  name: string; dataType: string; isNullable: boolean; isPrimaryKey: boolean; default?: string; references?: string
  /** Withheld by the server (a password hash, a secret): shown as (hidden), never filtered or sorted on. */
  isHidden?: boolean
}
export interface DatabaseTable { name: string; schema: string; rowCount: number; rowCountIsEstimate: boolean; columns: DatabaseColumn[] }
export interface AdminQueryTablesResponse { dialect: string; results: DatabaseTable[] }
export type JsonValue = string | number | boolean | null
export interface AdminQueryTableRowsResponse {
  table: string; schema: string; offset: number; total: number; columns: DatabaseColumn[]; results: JsonValue[][]
}

export const TAKES = [10, 25, 50, 100] as const
export const DEFAULT_TAKE = 25

/** A query-string value as one string (vue-router gives string | null | array). */
export function queryText(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && first.length > 0 ? first : undefined
}

/** A query-string value as a whole number within bounds, else the fallback. */
export function queryInt(value: unknown, fallback: number, min: number, max: number): number {
  const text = queryText(value)
  if (text === undefined || !/^\d+$/.test(text)) return fallback
  const n = Number(text)
  return n < min || n > max ? fallback : n
}

/** How a cell is shown: null as NULL, the rest as text. */
export function cellText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'NULL'
  return typeof value === 'string' ? value : String(value)
}
