// The state of a folding JSON tree: which objects and arrays are open (by path), how many items of each long array are
// shown, and the walks that open a readable part of an answer at first or every level on "expand all". A node's children
// are drawn only while it is open, so a 1 MB answer costs what is on screen, not what it holds; every walk here stops
// at a budget of values for the same reason.
import { reactive } from 'vue'

/** An array shows this many items at first, then this many more per "show more". */
export const ARRAY_PAGE = 50
/** A string longer than this shows its start and a button for the rest. */
export const LONG_STRING = 2000
/** At most this many values are drawn by opening the answer at first. */
const FIRST_BUDGET = 300
/** At most this many values are drawn by "expand all". */
const EXPAND_BUDGET = 5000

export interface TreeState {
  /** The paths of the open objects and arrays. */
  open: Set<string>
  /** How many items of an array are shown, by its path (ARRAY_PAGE when not set). */
  shown: Map<string, number>
}

export type JsonObject = Record<string, unknown>

export function isContainer(value: unknown): value is JsonObject | unknown[] {
  return typeof value === 'object' && value !== null
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** The path of a child: `$.results[0].name`, `$["odd key"]`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`
}

/** How many items of the array at `path` are shown. */
export function shownCount(state: TreeState, path: string, length: number): number {
  return Math.min(length, state.shown.get(path) ?? ARRAY_PAGE)
}

/** The children of a container as drawn: an object's entries, or the shown items of an array. */
export function children(state: TreeState, path: string, value: JsonObject | unknown[]): [string | number, unknown][] {
  if (Array.isArray(value)) return value.slice(0, shownCount(state, path, value.length)).map((v, i) => [i, v])
  return Object.entries(value)
}

/** What a folded container says of itself: "3 properties", "120 items". */
export function summaryOf(value: JsonObject | unknown[]): string {
  const n = Array.isArray(value) ? value.length : Object.keys(value).length
  if (Array.isArray(value)) return n === 1 ? '1 item' : `${n} items`
  return n === 1 ? '1 property' : `${n} properties`
}

/**
 * Opens containers level by level from the root (which is always open) while the values they show stay within
 * `budget`; a level is opened whole or not at all, so the items of a list look alike. A small answer opens whole, a
 * large one its first levels.
 */
function openByLevels(state: TreeState, root: unknown, budget: number) {
  if (!isContainer(root)) return
  let level: [string, JsonObject | unknown[]][] = [['$', root]]
  let drawn = 1
  while (level.length > 0) {
    const next: [string, JsonObject | unknown[]][] = []
    let count = 0
    for (const [path, value] of level) {
      const kids = children(state, path, value)
      count += kids.length
      for (const [key, child] of kids) if (isContainer(child)) next.push([childPath(path, key), child])
    }
    if (drawn + count > budget && level[0]![0] !== '$') return
    drawn += count
    for (const [path] of level) state.open.add(path)
    level = next
  }
}

/** A new tree's state for `value`: as much of it open as reads at a glance. */
export function createTree(value: unknown): TreeState {
  const state = reactive<TreeState>({ open: new Set<string>(), shown: new Map<string, number>() })
  openByLevels(state, value, FIRST_BUDGET)
  return state
}

/** Opens every object and array (the shown items of long arrays), up to EXPAND_BUDGET values. */
export function expandAll(state: TreeState, value: unknown) {
  openByLevels(state, value, EXPAND_BUDGET)
}

/** Folds everything below the root. */
export function collapseAll(state: TreeState) {
  state.open.clear()
  state.open.add('$')
}

/** Shows ARRAY_PAGE more items of the array at `path`. */
export function showMore(state: TreeState, path: string, length: number) {
  state.shown.set(path, Math.min(length, shownCount(state, path, length) + ARRAY_PAGE))
}

/** A byte count for people: `512 B`, `14.2 KB`, `1.05 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`
}
