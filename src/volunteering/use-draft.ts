import { onMounted, ref, watch, type Ref } from 'vue'
import { db } from '../db/db.ts'
import { clearDraft, loadDraft, saveDraft } from '../outbox/drafts.ts'

/**
 * A form's state, saved to IndexedDB on each change and restored on the next visit,
 * so a reload or a closed tab never loses what was typed. `ready` turns true once restored.
 */
export function useDraft<T extends object>(key: string, initial: () => T, restoreFrom?: () => Promise<T | undefined>): { state: Ref<T>; ready: Ref<boolean>; discard: () => Promise<void> } {
  const state = ref(initial()) as Ref<T>
  const ready = ref(false)

  onMounted(async () => {
    const preset = restoreFrom ? await restoreFrom() : undefined
    const saved = preset ?? ((await loadDraft(db, key)) as T | undefined)
    if (saved) state.value = { ...initial(), ...saved }
    ready.value = true
  })

  watch(
    state,
    (value) => {
      // Saved on every change, not debounced: a reload right after typing must not lose the last letters.
      if (ready.value) void saveDraft(db, key, value as Record<string, unknown>)
    },
    { deep: true },
  )

  async function discard(): Promise<void> {
    ready.value = false
    await clearDraft(db, key)
  }

  return { state, ready, discard }
}
