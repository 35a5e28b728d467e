// Lookups: a foreign key ([References(typeof(Restaurant))] on the model's property) is picked by searching the
// referenced model through a query DTO the user may call, on the model's display column.
import { attribute, attributeArg, type Metadata, type MetadataOperation, type MetadataProperty } from './metadata'
import { canCall } from './session'
import { camel } from './text'

export interface LookupInfo {
  /** The referenced model (`Restaurant`). */
  model: string
  /** The query DTO that searches it. */
  query: MetadataOperation
  /** The column shown for a row (`Name`), or the key when the model has no such column. */
  display: string
  /** The referenced model's key (`Id`). */
  key: string
  /** The request property (declared or an implicit convention) that filters on the display column, if any. */
  searchParam?: string | undefined
  /** The request property that asks for one row by its key (`Id`, or `Ids` as a list), if any. */
  idParam?: { name: string; list: boolean } | undefined
}

/** A referenced row as a lookup shows it: "3 · Thai Palace". */
export interface LookupOption { id: string; label: string }

const DISPLAY_NAMES = ['Name', 'Title', 'Label']

function find(props: MetadataProperty[], name: string): MetadataProperty | undefined {
  const lower = name.toLowerCase()
  return props.find(p => p.name.toLowerCase() === lower)
}

/** The type a query answers rows of: `QueryDb<From, Into>`'s Into, else its model. */
function resultProps(meta: Metadata, query: MetadataOperation): MetadataProperty[] {
  const args = [query.request.inherits, ...(query.request.implements ?? [])].find(t => t?.name === 'QueryDb`2' || t?.name === 'IQueryDb`2')?.genericArgRefs
  return meta.properties(meta.type(args?.[1] ?? query.dataModel))
}

/**
 * The lookup of a DTO property, when the model's property of the same name has [References(typeof(X))] and the user
 * may call a query of X: [Lookup(Query = ...)] names it, else the first one in the metadata.
 */
export function lookupOf(meta: Metadata, dtoProp: MetadataProperty, modelProp: MetadataProperty | undefined): LookupInfo | undefined {
  const target = attributeArg(attribute(modelProp, 'References'), 'Type') ?? attributeArg(attribute(dtoProp, 'References'), 'Type')
  if (!target) return undefined
  const model = meta.models().get(target)
  if (!model) return undefined
  const onProperty = attribute(dtoProp, 'Lookup') ?? attribute(modelProp, 'Lookup')
  const onModel = attribute(model.type, 'Lookup')
  const named = attributeArg(onProperty, 'Query') ?? attributeArg(onModel, 'Query')
  const query = (named ? model.queries.filter(q => q.request.name === named) : model.queries).find(q => canCall(q))
  if (!query) return undefined

  const rows = resultProps(meta, query)
  const modelProps = meta.properties(model.type)
  const key = modelProps.find(p => p.isPrimaryKey) ?? modelProps.find(p => attribute(p, 'AutoIncrement')) ?? find(modelProps, 'Id')
  const keyName = key?.name ?? 'Id'
  const wanted = attributeArg(onProperty, 'Display') ?? attributeArg(onModel, 'Display')
  const display = (wanted ? find(rows, wanted) : undefined)
    ?? DISPLAY_NAMES.map(n => rows.find(p => p.name === n && p.type === 'String')).find(p => p)
  const displayName = display?.name ?? keyName

  const declared = meta.properties(query.request)
  const implicit = meta.app.plugins.autoQuery?.implicitFilters ?? false
  let searchParam: string | undefined
  if (display) {
    searchParam = [`${display.name}Contains`, `${display.name}StartsWith`].map(n => find(declared, n)?.name).find(n => n)
      ?? (implicit ? `${display.name}Contains` : undefined)
  }
  const single = find(declared, keyName)
  const many = find(declared, keyName + 's')
  const idParam = single ? { name: single.name, list: false } : many ? { name: many.name, list: true }
    : implicit && find(rows, keyName) ? { name: keyName, list: false } : undefined
  return { model: target, query, display: displayName, key: keyName, searchParam, idParam }
}

/** A result row as an option: its key and its display column. */
export function toOption(info: LookupInfo, row: Record<string, unknown>): LookupOption {
  const value = (name: string) => Object.entries(row).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]
  const id = String(value(info.key) ?? '')
  const display = value(info.display)
  return { id, label: display === undefined || display === null || info.display === info.key ? id : `${id} · ${String(display)}` }
}

/** The request that searches the lookup's model for `text` (the first rows when empty). */
export function searchRequest(info: LookupInfo, text: string, take: number): Record<string, unknown> {
  const request: Record<string, unknown> = { take }
  if (text.trim() !== '' && info.searchParam) request[camel(info.searchParam)] = text.trim()
  return request
}

/** The request that reads one row by its key, or undefined when the query cannot ask for one. */
export function byIdRequest(info: LookupInfo, id: string): Record<string, unknown> | undefined {
  if (!info.idParam) return undefined
  return { [camel(info.idParam.name)]: info.idParam.list ? [id] : id, take: 1 }
}
