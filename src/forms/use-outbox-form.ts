import { nextTick, ref } from 'vue'
import type { OutboxEntry } from '../outbox/outbox-entry.ts'
import type { FieldErrors } from '../shared/validate.ts'
import { errorFor, focusFirstError } from './form-errors.ts'
import { useDraft } from './use-draft.ts'

export interface OutboxFormOptions<S extends object, V> {
  /** The draft's name on the phone (one per form). */
  draftKey: string
  /** A fresh form. */
  empty: () => S
  /** Correcting an entry the server refused: the form starts from what was sent, with the server's field errors. */
  edit?: { id: string; load: (id: string) => Promise<OutboxEntry | undefined>; toForm: (payload: Record<string, unknown>) => S }
  /** The shared rules' check of what the form would send (the server applies the same schema). */
  check: (form: S) => { value: V; errors: FieldErrors }
  /** Hands the checked value to the store, under the draft's id (which becomes the Idempotency-Key). */
  send: (value: V, clientId: string) => Promise<void>
  /** What comes after it was saved, e.g. the list where the person sees it. */
  done: () => Promise<unknown>
}

/**
 * A public form whose submission goes to the outbox: a draft autosaved as typed, the errors next to the
 * fields, and a submit that is taken once. A second tap while the first is saved is ignored (`saving`);
 * the draft's id as client id makes a repeat that slips through (a second tab, a reload mid-submit) the
 * same outbox entry, so a double tap never sends two.
 */
export function useOutboxForm<S extends object, V>(options: OutboxFormOptions<S, V>) {
  const errors = ref<FieldErrors>({})
  const saving = ref(false)
  const { edit } = options
  const restore = edit
    ? async () => {
        const entry = await edit.load(edit.id)
        if (!entry) return undefined
        errors.value = entry.lastError?.fields ?? {} // what the server refused, next to the fields
        return edit.toForm(entry.payload)
      }
    : undefined
  const { state: form, clientId, discard } = useDraft<S>(edit ? `edit-${edit.id}` : options.draftKey, options.empty, restore)

  async function submit(): Promise<void> {
    if (saving.value) return
    saving.value = true
    try {
      const { value, errors: found } = options.check(form.value)
      errors.value = found
      if (Object.keys(found).length > 0) {
        await nextTick()
        focusFirstError()
        return
      }
      await options.send(value, clientId.value)
      await discard()
      await options.done()
    } finally {
      saving.value = false
    }
  }

  return { form, errors, err: (field: string) => errorFor(errors.value, field), saving, submit }
}
