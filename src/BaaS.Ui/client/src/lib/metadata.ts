// The app's one metadata document (/metadata/app.json): operations, types, attributes, routes, required roles and
// what each feature says of itself in `plugins`. Every page is drawn from it; nothing here knows an app by name.
import { shallowRef } from 'vue'
import { fetchJson, type HttpMethod } from './api'

export interface TypeName { name: string; namespace?: string; genericArgs?: string[]; genericArgRefs?: TypeName[] }
export interface MetadataAttribute { name: string; args?: MetadataProperty[] }
export interface MetadataProperty {
  name: string; type: string; namespace?: string; genericArgs?: string[]; genericArgRefs?: TypeName[]
  isValueType?: boolean; isEnum?: boolean; isPrimaryKey?: boolean; isRequired?: boolean; description?: string
  value?: string; paramType?: string; attributes?: MetadataAttribute[]
}
export interface MetadataType {
  name: string; namespace?: string; genericArgs?: string[]; inherits?: TypeName; implements?: TypeName[]
  description?: string; notes?: string; isEnum?: boolean; isEnumInt?: boolean; isFlags?: boolean; isInterface?: boolean
  isAbstract?: boolean; isGenericTypeDef?: boolean; properties?: MetadataProperty[]; attributes?: MetadataAttribute[]
  enumNames?: string[]; enumMemberNames?: string[]; enumValues?: string[]; enumDescriptions?: string[]
}
export interface MetadataRoute { path: string; verbs?: string; summary?: string; notes?: string }
export interface MetadataOperation {
  request: MetadataType; response?: TypeName; actions?: string[]; method?: string; returnsVoid?: boolean
  routes?: MetadataRoute[]; dataModel?: TypeName; tags?: string[]; requiresAuth?: boolean
  requiredRoles?: string[]; requiredPermissions?: string[]; requiresApiKey?: boolean; requiredApiKeyScopes?: string[]
}
export interface MetadataTag { name: string; description?: string; icon?: string }
export interface AdminUiPageInfo { id: string; label: string; icon?: string; group: string; roles: string[]; url?: string }
export interface AppMetadata {
  app: { serviceName: string; version: string; apiBasePath: string; formats?: string[] }
  api: { namespaces: string[]; types: MetadataType[]; operations: MetadataOperation[]; tags?: MetadataTag[] }
  plugins: {
    adminUi?: { path: string; roles: string[]; pages: AdminUiPageInfo[] }
    auth?: { providers: { name: string; type: string; label: string; navItem?: string; url?: string }[]; allowRegistration: boolean; roles: string[]; permissions: string[]; apiKeyScopes: string[]; apiKeyUserScopes: string[] }
    autoQuery?: { maxLimit: number; includeTotal: boolean; implicitFilters: boolean; auditLog: boolean; operations: number }
    jobs?: { commands: string[]; schedules: string[]; runsWorker: boolean; eventsChannel?: string | null }
    [feature: string]: unknown
  }
}

export type CrudKind = 'query' | 'create' | 'update' | 'patch' | 'delete'

/** The loaded metadata with the look-ups pages need. */
export class Metadata {
  readonly app: AppMetadata
  private readonly types = new Map<string, MetadataType>()
  private readonly operations = new Map<string, MetadataOperation>()

  constructor(app: AppMetadata) {
    this.app = app
    for (const type of app.api.types) {
      this.types.set(key(type.name, type.namespace), type)
      if (!this.types.has(type.name)) this.types.set(type.name, type)
    }
    for (const op of app.api.operations) {
      this.operations.set(op.request.name, op)
      if (!this.types.has(op.request.name)) this.types.set(op.request.name, op.request)
    }
  }

  get serviceName() { return this.app.app.serviceName }
  get allOperations() { return this.app.api.operations }

  operation(name: string): MetadataOperation | undefined { return this.operations.get(name) }

  /** A type by its reference (name and namespace), or by name alone. */
  type(ref: TypeName | string | undefined): MetadataType | undefined {
    if (!ref) return undefined
    if (typeof ref === 'string') return this.types.get(ref)
    return this.types.get(key(ref.name, ref.namespace)) ?? this.types.get(ref.name)
  }

  /** A type's properties with those of its base types (base first, as C# declares them). */
  properties(type: MetadataType | undefined): MetadataProperty[] {
    const chain: MetadataType[] = []
    for (let t = type; t && chain.length < 10; t = this.type(t.inherits)) chain.unshift(t)
    const seen = new Set<string>()
    const all: MetadataProperty[] = []
    for (const t of chain) for (const p of t.properties ?? []) {
      if (seen.has(p.name)) { all[all.findIndex(a => a.name === p.name)] = p; continue }
      seen.add(p.name); all.push(p)
    }
    return all
  }

  /** The operation's HTTP verb: its declared one, else POST. */
  method(op: MetadataOperation): HttpMethod {
    const verb = (op.method ?? '').toUpperCase()
    return (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(verb) ? verb : 'POST') as HttpMethod
  }

  /** What an AutoQuery operation does, from the interface it implements or the class it inherits. */
  crudKind(op: MetadataOperation): CrudKind | undefined {
    const names = [op.request.inherits?.name, ...(op.request.implements ?? []).map(i => i.name)]
    if (names.some(n => n === 'QueryDb`1' || n === 'QueryDb`2' || n === 'IQueryDb`1' || n === 'IQueryDb`2')) return 'query'
    if (names.includes('ICreateDb`1')) return 'create'
    if (names.includes('IUpdateDb`1')) return 'update'
    if (names.includes('IPatchDb`1')) return 'patch'
    if (names.includes('IDeleteDb`1')) return 'delete'
    return undefined
  }

  /** The AutoQuery operations of each data model, by the model's name. */
  models(): Map<string, DataModel> {
    const models = new Map<string, DataModel>()
    for (const op of this.allOperations) {
      const kind = this.crudKind(op)
      if (!kind || !op.dataModel) continue
      const name = op.dataModel.name
      let model = models.get(name)
      if (!model) {
        model = { name, type: this.type(op.dataModel), queries: [], creates: [], updates: [], patches: [], deletes: [], tags: [] }
        models.set(name, model)
      }
      const list = { query: model.queries, create: model.creates, update: model.updates, patch: model.patches, delete: model.deletes }[kind]
      list.push(op)
      for (const tag of op.tags ?? []) if (!model.tags.includes(tag)) model.tags.push(tag)
    }
    return models
  }

  tag(name: string): MetadataTag | undefined { return this.app.api.tags?.find(t => t.name === name) }
}

/** A data model with the AutoQuery operations that read and write it. */
export interface DataModel {
  name: string
  type: MetadataType | undefined
  queries: MetadataOperation[]
  creates: MetadataOperation[]
  updates: MetadataOperation[]
  patches: MetadataOperation[]
  deletes: MetadataOperation[]
  tags: string[]
}

function key(name: string, ns: string | undefined) { return ns ? `${ns}.${name}` : name }

/** An attribute by name (`Input`, `Format`, `ValidateNotEmpty`...) on a property or type. */
export function attribute(target: { attributes?: MetadataAttribute[] } | undefined, name: string): MetadataAttribute | undefined {
  return target?.attributes?.find(a => a.name === name)
}

/** An attribute's argument as text, or undefined when it was not given. */
export function attributeArg(attr: MetadataAttribute | undefined, name: string): string | undefined {
  return attr?.args?.find(a => a.name.toLowerCase() === name.toLowerCase())?.value
}

/** The property's type with Nullable<T> unwrapped: `Int32`, `String`, `DateTime`, `List`1`... */
export function underlyingType(p: MetadataProperty): { name: string; nullable: boolean } {
  if (p.type === 'Nullable`1') return { name: p.genericArgs?.[0] ?? 'String', nullable: true }
  return { name: p.type, nullable: !p.isValueType }
}

/** The metadata once loaded (the router loads it before the first page). */
export const metadata = shallowRef<Metadata | null>(null)

let loading: Promise<Metadata> | undefined
/** The app's metadata, fetched once per page load. */
export function loadMetadata(): Promise<Metadata> {
  loading ??= fetchJson<AppMetadata>('/metadata/app.json')
    .then(app => (metadata.value = new Metadata(app)))
    .catch(error => { loading = undefined; throw error })
  return loading
}

/** The loaded metadata, for pages (which the router shows only after it loaded). */
export function useMetadata(): Metadata {
  if (!metadata.value) throw new Error('The metadata is not loaded yet.')
  return metadata.value
}
