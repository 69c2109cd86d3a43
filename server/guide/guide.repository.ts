import type { ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely'
import type { Database, GuideNotesTable, GuideStepsTable, GuideTextsTable } from '../db/schema.ts'
import type { GuideNote, GuideStep, GuideText, StoredStatus } from '../../src/shared/guide/guide-step.schema.ts'
import { guideTextId } from '../../src/shared/guide/guide-step.schema.ts'
import { nextChangeSeq, recordDeletion } from '../sync/change-seq.ts'
import { syncWindow, type SyncRead } from '../sync/sync-scope.ts'

export function toGuideStepDto(row: Selectable<GuideStepsTable>): GuideStep {
  return {
    id: row.id,
    phase: row.phase,
    order: row.position,
    district: row.district,
    contactFields: row.contact_fields as GuideStep['contactFields'],
    situations: row.situations as GuideStep['situations'],
    sources: row.sources,
    checkedOn: row.checked_on,
  }
}

export function toGuideTextDto(row: Selectable<GuideTextsTable>): GuideText {
  return { id: row.id, stepId: row.step_id, lang: row.lang, district: row.district as GuideText['district'], title: row.title, text: row.text, bring: row.bring, status: row.status }
}

export function toGuideNoteDto(row: Selectable<GuideNotesTable>): GuideNote {
  return { id: row.id, stepId: row.step_id, district: row.district, text: row.text, status: row.status }
}

/** Published steps only: a step that was never published is a draft and stays on the server. */
export async function guideStepsChangedSince(db: Kysely<Database>, read: SyncRead) {
  const rows = await db
    .selectFrom('guide_steps')
    .selectAll()
    .where(syncWindow(read, { seq: 'seq', district: 'district' }))
    .where('published', '=', true)
    .orderBy('seq')
    .execute()
  return rows.map((row) => ({ seq: row.seq, item: toGuideStepDto(row) }))
}

/** Texts and notes of a step phones do not get (retired by a release) stay on the server too. */
const ofPublishedStep = (eb: ExpressionBuilder<Database, 'guide_texts' | 'guide_notes'>) =>
  eb('step_id', 'in', eb.selectFrom('guide_steps').select('guide_steps.id').where('guide_steps.published', '=', true))

export async function guideTextsChangedSince(db: Kysely<Database>, read: SyncRead) {
  const rows = await db
    .selectFrom('guide_texts')
    .selectAll()
    .where(syncWindow(read, { seq: 'seq', district: 'district', lang: 'lang' }))
    .where(ofPublishedStep)
    .orderBy('seq')
    .execute()
  return rows.map((row) => ({ seq: row.seq, item: toGuideTextDto(row) }))
}

export async function guideNotesChangedSince(db: Kysely<Database>, read: SyncRead) {
  const rows = await db.selectFrom('guide_notes').selectAll().where(syncWindow(read, { seq: 'seq', district: 'district' })).where(ofPublishedStep).orderBy('seq').execute()
  return rows.map((row) => ({ seq: row.seq, item: toGuideNoteDto(row) }))
}

export interface TextValues {
  title: string
  text: string
  bring: string[]
}

/** Writes one language of a published step (a new change number, so phones fetch it). */
export async function writeGuideText(
  trx: Transaction<Database>,
  step: { id: string; district: string | null },
  lang: string,
  values: TextValues,
  status: StoredStatus,
): Promise<void> {
  const row = { title: values.title, text: values.text, bring: JSON.stringify(values.bring), status, district: step.district, seq: await nextChangeSeq(trx, { district: step.district, lang }) }
  await trx
    .insertInto('guide_texts')
    .values({ id: guideTextId(step.id, lang), step_id: step.id, lang, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute()
  // Written again after a deletion: the old tombstone must not delete the new row on the phone.
  await trx.deleteFrom('tombstones').where('entity', '=', 'guideTexts').where('id', '=', guideTextId(step.id, lang)).where('lang', '=', lang).execute()
}

/** Sets the status of one language only (e.g. `outdated` after the German changed). */
export async function setGuideTextStatus(trx: Transaction<Database>, id: string, status: StoredStatus): Promise<void> {
  const row = await trx.selectFrom('guide_texts').select(['district', 'lang']).where('id', '=', id).executeTakeFirst()
  if (!row) return
  await trx.updateTable('guide_texts').set({ status, seq: await nextChangeSeq(trx, row) }).where('id', '=', id).execute()
}

export async function deleteGuideText(trx: Transaction<Database>, id: string): Promise<void> {
  const gone = await trx.deleteFrom('guide_texts').where('id', '=', id).returning(['district', 'lang']).executeTakeFirst()
  if (gone) await recordDeletion(trx, 'guideTexts', id, gone)
}

/**
 * Takes a step off the phones while its rows stay on the server (a release retired it): tombstones for
 * the step, its texts and its districts' notes.
 */
export async function hideStepFromPhones(trx: Transaction<Database>, step: { id: string; district: string | null }): Promise<void> {
  await recordDeletion(trx, 'guideSteps', step.id, { district: step.district })
  for (const t of await trx.selectFrom('guide_texts').select(['id', 'district', 'lang']).where('step_id', '=', step.id).execute()) {
    await recordDeletion(trx, 'guideTexts', t.id, t)
  }
  for (const n of await trx.selectFrom('guide_notes').select(['id', 'district']).where('step_id', '=', step.id).execute()) {
    await recordDeletion(trx, 'guideNotes', n.id, n)
  }
}

/**
 * Puts a hidden step's texts and notes back on the phones (new change numbers, their tombstones and the
 * step's gone); the caller publishes the step row itself with a new number.
 */
export async function showStepOnPhonesAgain(trx: Transaction<Database>, stepId: string): Promise<void> {
  for (const t of await trx.selectFrom('guide_texts').select(['id', 'district', 'lang']).where('step_id', '=', stepId).execute()) {
    await trx.updateTable('guide_texts').set({ seq: await nextChangeSeq(trx, t) }).where('id', '=', t.id).execute()
    await trx.deleteFrom('tombstones').where('entity', '=', 'guideTexts').where('id', '=', t.id).execute()
  }
  for (const n of await trx.selectFrom('guide_notes').select(['id', 'district']).where('step_id', '=', stepId).execute()) {
    await trx.updateTable('guide_notes').set({ seq: await nextChangeSeq(trx, n) }).where('id', '=', n.id).execute()
    await trx.deleteFrom('tombstones').where('entity', '=', 'guideNotes').where('id', '=', n.id).execute()
  }
  await trx.deleteFrom('tombstones').where('entity', '=', 'guideSteps').where('id', '=', stepId).execute()
}
