// Files (plugins.files in the metadata, docs/files.md): which request properties take files and where they go (the
// location's types and size limit), which model columns hold file URLs and which hold their thumbnails, the browser's
// check of a chosen file, and a request with files as multipart/form-data.
import { attribute, attributeArg, type Metadata, type MetadataProperty } from './metadata'
import { bytes } from './format'

export interface FileLocationInfo {
  name: string; store: string; storeKind: string; pathTemplate: string; allowedTypes: string[]; maxBytes: number
  read: string; write: string; cacheSeconds: number; variants?: { name: string; maxWidth: number; maxHeight: number; format: string; quality: number }[]
}
export interface FileColumnInfo { model: string; column: string; location: string; variants?: { name: string; column: string }[] }
export interface FilesPlugin { path: string; defaultStore: string; locations: FileLocationInfo[]; columns?: FileColumnInfo[] }

/** What a file property takes: its location (undefined when the metadata does not list it) and whether it takes several. */
export interface UploadInfo { location: string; info: FileLocationInfo | undefined; multiple: boolean; accept: string }

/** A model column that holds file URLs: whether they are images, and the column of its smallest variant (the thumbnail). */
export interface FileColumn { location: string; images: boolean; thumbnail?: string | undefined; variants: string[] }

const NAMES: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/gif': 'GIF', 'image/webp': 'WebP', 'image/*': 'images',
  'application/pdf': 'PDF', 'application/zip': 'ZIP', 'application/gzip': 'gzip', 'text/plain': 'text', 'text/csv': 'CSV', 'application/json': 'JSON' }

export function filesPlugin(meta: Metadata): FilesPlugin | undefined {
  return meta.app.plugins['files'] as FilesPlugin | undefined
}

/** Whether a property is a file (`UploadedFile`) or a list of files. */
export function isFileProperty(p: MetadataProperty): boolean {
  return p.type === 'UploadedFile' || p.type === 'UploadedFile[]' || ((p.type.endsWith('`1')) && p.genericArgs?.[0] === 'UploadedFile')
}

/** The upload of a file property: its [UploadTo] location, one file or several, and what the file picker offers. */
export function uploadOf(meta: Metadata, p: MetadataProperty): UploadInfo | undefined {
  if (!isFileProperty(p)) return undefined
  const upload = attribute(p, 'UploadTo')
  const location = attributeArg(upload, 'Location') ?? upload?.args?.[0]?.value ?? ''
  const info = filesPlugin(meta)?.locations.find(l => l.name === location)
  return { location, info, multiple: p.type !== 'UploadedFile', accept: (info?.allowedTypes ?? []).join(',') }
}

/** What a location takes, for people: "PNG, JPEG or WebP, up to 5 MB". */
export function describeUpload(upload: UploadInfo): string | undefined {
  if (!upload.info) return undefined
  const names = upload.info.allowedTypes.map(t => NAMES[t] ?? t)
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0] ?? ''
  return `${list}, up to ${bytes(upload.info.maxBytes).replace('.0 ', ' ')}${upload.multiple ? ' each' : ''}`
}

function allows(info: FileLocationInfo, type: string): boolean {
  const t = type.toLowerCase()
  return info.allowedTypes.some(a => a.toLowerCase() === t || (a.toLowerCase() === 'image/*' && t.startsWith('image/')))
}

/**
 * The browser's check of chosen files, worded as the server words its refusals: over the size limit, or of a type the
 * location does not take as the browser names it (the server decides by the bytes, so a file that passes here may still
 * be refused there). Undefined when they may be sent.
 */
export function checkFiles(field: string, upload: UploadInfo | undefined, files: File[]): string | undefined {
  const info = upload?.info
  if (!info) return undefined
  for (const file of files) {
    if (file.size > info.maxBytes) return `'${field}' is larger than the limit of ${info.maxBytes.toLocaleString('en-US')} bytes.`
    if (file.type && !allows(info, file.type)) return `'${field}' must be ${info.allowedTypes.join(', ')}: ${file.name} is ${file.type}.`
  }
  return undefined
}

/** The model columns holding file URLs (plugins.files.columns), by column name, for a model. */
export function fileColumnsOf(meta: Metadata, model: string | undefined): Map<string, FileColumn> {
  const plugin = filesPlugin(meta)
  const columns = new Map<string, FileColumn>()
  if (!plugin || !model) return columns
  for (const c of plugin.columns ?? []) {
    if (c.model !== model) continue
    const location = plugin.locations.find(l => l.name === c.location)
    const images = !!location && location.allowedTypes.length > 0 && location.allowedTypes.every(t => t.toLowerCase().startsWith('image/'))
    const sized = (c.variants ?? []).map(v => ({ column: v.column, size: (location?.variants ?? []).find(x => x.name === v.name) }))
      .filter(v => v.size).sort((a, b) => a.size!.maxWidth * a.size!.maxHeight - b.size!.maxWidth * b.size!.maxHeight)
    columns.set(c.column.toLowerCase(), { location: c.location, images, thumbnail: sized[0]?.column, variants: (c.variants ?? []).map(v => v.column) })
  }
  return columns
}

/** A value of a request as a form field's text: lists and objects as JSON (as the binder reads them), the rest as text. */
function formText(value: unknown): string {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value)
  return String(value)
}

/**
 * A request with files as multipart/form-data: each value a text part (nulls left out: a form has no null), each file a
 * part named after its property. The server binds it as it binds JSON (docs/binding.md).
 */
export function formOf(request: Record<string, unknown>, files: Record<string, File[]>): FormData {
  const form = new FormData()
  for (const [key, value] of Object.entries(request)) if (value !== undefined && value !== null) form.append(key, formText(value))
  for (const [key, list] of Object.entries(files)) for (const file of list) form.append(key, file, file.name)
  return form
}

/** Whether any file was chosen. */
export function hasFiles(files: Record<string, File[]>): boolean {
  return Object.values(files).some(list => list.length > 0)
}
