import { computed, onBeforeUnmount, onMounted, ref, type ComputedRef, type Ref } from 'vue'
import type { LinkLoad } from './manage-api.ts'

/**
 * Loads what a mailed link opens when the page mounts, and again when the connection returns after an
 * offline try. `loaded` is null while a load runs; `value` is what it read.
 */
export function useLinkLoad<T>(read: () => Promise<LinkLoad<T>>): { loaded: Ref<LinkLoad<T> | null>; value: ComputedRef<T | null>; load: () => Promise<void> } {
  const loaded = ref<LinkLoad<T> | null>(null) as Ref<LinkLoad<T> | null>
  const value = computed(() => (loaded.value?.kind === 'ok' ? loaded.value.value : null))
  async function load(): Promise<void> {
    loaded.value = null
    loaded.value = await read()
  }
  const retryWhenOnline = () => {
    if (loaded.value?.kind === 'offline') void load()
  }
  onMounted(() => {
    void load()
    window.addEventListener('online', retryWhenOnline)
  })
  onBeforeUnmount(() => window.removeEventListener('online', retryWhenOnline))
  return { loaded, value, load }
}
