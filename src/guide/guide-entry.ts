import type { WillkommenDb } from '../db/db.ts'
import type { BringList, GuideNote, GuideStep, GuideText, StoredStatus } from '../shared/guide/guide-step.schema.ts'
import type { LocalizedText } from '../shared/localized-text.ts'

/** A step as the phone shows it: its structure with the texts of every language the phone holds. */
export interface GuideEntry extends GuideStep {
  title: LocalizedText
  text: LocalizedText
  bring: BringList
  /** Translation status per language held; a language without an entry is missing. */
  status: Record<string, StoredStatus>
  /** Local notes of the chosen district on this step. */
  notes: GuideNote[]
}

/** The synced guide rows as IndexedDB holds them. */
export interface GuideRows {
  steps: GuideStep[]
  texts: GuideText[]
  notes: GuideNote[]
}

export const NO_GUIDE_ROWS: GuideRows = { steps: [], texts: [], notes: [] }

export async function readGuideRows(db: WillkommenDb): Promise<GuideRows> {
  const [steps, texts, notes] = await Promise.all([db.guideSteps.toArray(), db.guideTexts.toArray(), db.guideNotes.toArray()])
  return { steps, texts, notes }
}

/**
 * Statewide steps plus the steps and notes of the chosen district, each with its texts.
 * A step without any text is left out (its texts have not arrived yet). On a first visit the person's
 * language comes before German (src/sync/pull.ts): a step shows in it meanwhile.
 */
export function joinGuide(rows: GuideRows, district: string | undefined): GuideEntry[] {
  const texts = new Map<string, GuideText[]>()
  for (const t of rows.texts) texts.set(t.stepId, [...(texts.get(t.stepId) ?? []), t])
  const notes = new Map<string, GuideNote[]>()
  for (const n of rows.notes) if (n.district === district) notes.set(n.stepId, [...(notes.get(n.stepId) ?? []), n])
  const entries: GuideEntry[] = []
  for (const step of rows.steps) {
    if (step.district !== null && step.district !== district) continue
    const own = texts.get(step.id) ?? []
    if (own.length === 0) continue
    const entry: GuideEntry = { ...step, title: { de: '' }, text: { de: '' }, bring: {}, status: {}, notes: notes.get(step.id) ?? [] }
    for (const t of own) {
      entry.title[t.lang] = t.title
      entry.text[t.lang] = t.text
      entry.bring[t.lang] = t.bring
      entry.status[t.lang] = t.status
    }
    entries.push(entry)
  }
  return entries
}
