import { onMounted, ref, watch, type Ref } from 'vue'
import { db } from '../db/db.ts'
import { clearDraft, loadDraft, saveDraft } from '../outbox/drafts.ts'

/**
 * A form's state, saved to IndexedDB on each change and restored on the next visit, so a reload or a
 * closed tab never loses what was typed. `ready` turns true once restored. `clientId` names the draft:
 * it becomes the outbox entry's id, so sending the same draft twice makes one entry.
 */
export function useDraft<T extends object>(
  key: string,
  initial: () => T,
  restoreFrom?: () => Promise<T | undefined>,
): { state: Ref<T>; ready: Ref<boolean>; clientId: Ref<string>; discard: () => Promise<void> } {
  const state = ref(initial()) as Ref<T>
  const ready = ref(false)
  const clientId = ref<string>(crypto.randomUUID())

  onMounted(async () => {
    const preset = restoreFrom ? await restoreFrom() : undefined
    const draft = await loadDraft(db, key)
    if (draft?.clientId) clientId.value = draft.clientId
    const saved = preset ?? (draft?.value as T | undefined)
    if (saved) state.value = { ...initial(), ...saved }
    ready.value = true
  })

  watch(
    state,
    (value) => {
      // Saved on every change, not debounced: a reload a moment after typing keeps the last letters (the
      // write itself takes a few milliseconds; a reload within those can still lose the last change).
      if (ready.value) void saveDraft(db, key, value as Record<string, unknown>, clientId.value)
    },
    { deep: true },
  )

  async function discard(): Promise<void> {
    ready.value = false
    await clearDraft(db, key)
  }

  return { state, ready, clientId, discard }
}
