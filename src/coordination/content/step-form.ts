import type { StepDetail, StepDraft, StepTextInput } from '../../shared/guide/content-editor.schema.ts'
import { CONTENT_LANGUAGES } from '../../shared/guide/content-editor.schema.ts'
import { SITUATIONS, type Situation } from '../../shared/guide/situations.ts'
import type { GuideEntry } from '../../guide/guide-entry.ts'

/** One language of the step editor: list and sources as lines, so they are plain text areas. */
export interface TextForm {
  title: string
  text: string
  bring: string
  status: StepTextInput['status']
}

export interface StepForm {
  phase: StepDraft['phase']
  order: number
  contactFields: StepDraft['contactFields']
  /** Whom the step is for; none ticked: everyone. */
  situations: Situation[]
  /** One source a line: `https://… label`. */
  sources: string
  checkedOn: string
  texts: Record<string, TextForm>
}

const emptyText = (): TextForm => ({ title: '', text: '', bring: '', status: 'machine' })

/** The editor starts from the draft, or else from what phones see. */
export function formFromDetail(detail: StepDetail): StepForm {
  const base: StepDraft =
    detail.draft ??
    ({
      ...detail.current,
      texts: Object.fromEntries(Object.entries(detail.current.texts).map(([l, t]) => [l, { title: t.title, text: t.text, bring: t.bring, status: t.status }])),
    } as StepDraft)
  const texts: Record<string, TextForm> = {}
  for (const lang of CONTENT_LANGUAGES) {
    const t = (base.texts as Record<string, StepTextInput | undefined>)[lang]
    texts[lang] = t ? { title: t.title, text: t.text, bring: t.bring.join('\n'), status: t.status } : emptyText()
  }
  return {
    phase: base.phase,
    order: base.order,
    contactFields: [...base.contactFields],
    situations: [...(base.situations ?? [])],
    sources: base.sources.map((s) => `${s.url} ${s.label}`.trim()).join('\n'),
    checkedOn: base.checkedOn ?? '',
    texts,
  }
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** The draft to save; a language with an empty title is left out (= missing). */
export function draftFromForm(form: StepForm): StepDraft {
  const texts: Record<string, StepTextInput> = {}
  for (const [lang, t] of Object.entries(form.texts)) {
    if (lang !== 'de' && !t.title.trim()) continue
    texts[lang] = { title: t.title.trim(), text: t.text, bring: lines(t.bring), status: lang === 'de' ? 'reviewed' : t.status }
  }
  return {
    phase: form.phase,
    order: form.order,
    contactFields: form.contactFields,
    situations: SITUATIONS.filter((s) => form.situations.includes(s)),
    sources: lines(form.sources).map((line) => {
      const [url = '', ...label] = line.split(/\s+/)
      return { url, label: label.join(' ') }
    }),
    checkedOn: form.checkedOn || null,
    texts: texts as StepDraft['texts'],
  }
}

/** The draft as the phone's step view would show it (for the preview). */
export function previewEntry(id: string, district: string | null, draft: StepDraft): GuideEntry {
  const entry: GuideEntry = { id, district, phase: draft.phase, order: draft.order, contactFields: draft.contactFields, situations: draft.situations ?? [], sources: draft.sources, checkedOn: draft.checkedOn, title: { de: '' }, text: { de: '' }, bring: {}, status: {}, notes: [] }
  for (const [lang, t] of Object.entries(draft.texts as Record<string, StepTextInput | undefined>)) {
    if (!t) continue
    entry.title[lang] = t.title
    entry.text[lang] = t.text
    entry.bring[lang] = t.bring
    entry.status[lang] = lang === 'de' ? 'reviewed' : t.status
  }
  return entry
}

/** Steps not checked for more than twelve months (or never). */
export function isStale(checkedOn: string | null, today: string): boolean {
  if (!checkedOn) return true
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const yearAgo = `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return checkedOn < yearAgo
}
