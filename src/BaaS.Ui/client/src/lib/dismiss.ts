// A popover that closes on a click outside it or on Escape, while its component is mounted.
import { onBeforeUnmount, onMounted, type Ref } from 'vue'

export function useDismiss(root: Ref<HTMLElement | null>, open: Ref<boolean>) {
  function onDocument(e: MouseEvent) { if (open.value && root.value && !root.value.contains(e.target as Node)) open.value = false }
  function onKey(e: KeyboardEvent) { if (e.key === 'Escape') open.value = false }
  onMounted(() => { document.addEventListener('mousedown', onDocument); document.addEventListener('keydown', onKey) })
  onBeforeUnmount(() => { document.removeEventListener('mousedown', onDocument); document.removeEventListener('keydown', onKey) })
}
