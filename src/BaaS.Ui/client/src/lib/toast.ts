// Short notices at the corner of the page ("Saved", "Key revoked"), and the banner for errors no page caught.
import { reactive } from 'vue'

export interface Notice { id: number; text: string; kind: 'ok' | 'error' }
export const notices = reactive<Notice[]>([])
let next = 1

export function notify(text: string, kind: Notice['kind'] = 'ok', ms = 4000) {
  const id = next++
  notices.push({ id, text, kind })
  setTimeout(() => { const i = notices.findIndex(n => n.id === id); if (i >= 0) notices.splice(i, 1) }, ms)
}
