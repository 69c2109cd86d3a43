import { computed, nextTick, onMounted, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from '../../router/router.ts'
import type { EditorDetail } from '../../shared/coordination/meetup-editor.schema.ts'
import type { FieldErrors } from '../../shared/validate.ts'
import { failedSave, type SaveResult } from '../save-result.ts'
import { clearDraft, readDraft, writeDraft } from '../workspace-draft.ts'
import { emptyForm, formErrors, formFromInput, inputFromForm, type EditorForm } from './editor-form.ts'
import { editorProblemKey, focusFirstInvalid } from './editor-errors.ts'
import { meetupsApi } from './meetups-api.ts'

/** An unsaved form with the revision it was typed against (a save then still detects others' changes). */
interface MeetupDraft {
  form: EditorForm
  revision: number | null
}

const E = 'coordinationMeetups.editor'

/**
 * The state of the event editor: load, save (with the result next to the button), and the draft of
 * what was typed, kept until the server has it.
 */
export function useMeetupEditor(id: Ref<string | undefined>, defaultDistrict: () => string) {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()

  const isNew = computed(() => !id.value)
  const draftKey = computed(() => `meetup:${id.value ?? 'new'}`)
  const detail = ref<EditorDetail | null>(null)
  const form = ref<EditorForm>(emptyForm(defaultDistrict()))
  /** What the server has, as the form shows it: a form equal to it is no draft. */
  const saved = ref(JSON.stringify(form.value))
  const errors = ref<FieldErrors>({})
  const problem = ref('')
  const status = ref('')
  const result = ref<SaveResult | null>(null)
  const restored = ref(false)
  const busy = ref(false)
  const loading = ref(!isNew.value)

  function show(d: EditorDetail, message = ''): void {
    detail.value = d
    form.value = formFromInput(d.input)
    saved.value = JSON.stringify(form.value)
    errors.value = {}
    status.value = message
  }

  /** Puts back what was typed and not saved (after a new login, a reload). */
  function restoreDraft(): void {
    const draft = readDraft<MeetupDraft>(draftKey.value)
    restored.value = draft !== undefined
    if (!draft) return
    form.value = draft.form
    if (detail.value && draft.revision !== null) detail.value = { ...detail.value, revision: draft.revision }
  }

  async function load(): Promise<void> {
    status.value = route.query.saved === 'created' ? t(`${E}.created`) : ''
    result.value = null
    if (!id.value) {
      restoreDraft()
      return
    }
    loading.value = true
    problem.value = ''
    try {
      show(await meetupsApi.get(id.value), status.value)
      restoreDraft()
    } catch (error) {
      problem.value = editorProblemKey(error)
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  // After "create", the router shows the same view for the new id: load it, and say it was saved.
  watch(id, load)

  watch(
    [form, () => detail.value?.revision],
    () => {
      if (loading.value) return
      if (JSON.stringify(form.value) === saved.value) clearDraft(draftKey.value)
      else writeDraft(draftKey.value, { form: form.value, revision: detail.value?.revision ?? null } satisfies MeetupDraft)
    },
    { deep: true },
  )

  async function save(): Promise<void> {
    problem.value = ''
    status.value = ''
    errors.value = formErrors(form.value, { isNew: isNew.value, now: new Date() })
    if (Object.keys(errors.value).length > 0) {
      result.value = null
      await nextTick()
      focusFirstInvalid()
      return
    }
    busy.value = true
    result.value = { kind: 'saving' }
    try {
      const input = inputFromForm(form.value)
      if (!id.value) {
        const created = await meetupsApi.create(input)
        clearDraft(draftKey.value)
        await router.replace({ name: 'coordination-meetup', params: { id: created.id }, query: { saved: 'created' } })
      } else {
        show(await meetupsApi.update(id.value, input, detail.value!.revision))
        clearDraft(draftKey.value)
        restored.value = false
        result.value = { kind: 'saved', text: t(`${E}.saved`) }
      }
    } catch (error) {
      const fields = (error as { fields?: Record<string, string> }).fields
      if (fields && Object.keys(fields).length > 0) {
        errors.value = fields
        await nextTick()
        focusFirstInvalid()
      }
      result.value = failedSave(error, editorProblemKey)
    } finally {
      busy.value = false
    }
  }

  /** Throws the draft away and shows what the server has. */
  async function discardDraft(): Promise<void> {
    clearDraft(draftKey.value)
    restored.value = false
    await load()
  }

  /** Dates or the whole event changed below the form: only the dates and the revision; what is typed stays. */
  function changed(updated: EditorDetail, message: string): void {
    detail.value = updated
    status.value = message
  }

  return { isNew, detail, form, errors, problem, status, result, restored, busy, loading, save, discardDraft, changed }
}
