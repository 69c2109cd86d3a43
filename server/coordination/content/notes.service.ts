import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { guideNoteId, type NoteInput } from '../../../src/shared/guide/content-editor.schema.ts'
import type { StoredStatus } from '../../../src/shared/guide/guide-step.schema.ts'
import { sanitiseSafeText } from '../../../src/shared/guide/safe-text.ts'
import { Problem } from '../../errors/problem.ts'
import { nextChangeSeq, recordDeletion } from '../../sync/change-seq.ts'
import { assertDistrict } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'
import { writeAudit } from '../audit/audit.ts'

/**
 * A district's local note on a step ("In Stendal: appointments only online at …"): one per step and
 * district, written by that district's coordinators, published at once (it is short) and synced as
 * `guideNotes` with its texts per language, each translation with a status as for step texts.
 */
async function assertNoteStep(db: Kysely<Database>, stepId: string, district: string): Promise<void> {
  const step = await db.selectFrom('guide_steps').select(['district', 'published']).where('id', '=', stepId).executeTakeFirst()
  if (!step || (step.district !== null && step.district !== district)) throw new Problem(404, 'not_found', 'No such guide step in this district.')
  if (!step.published) throw new Problem(409, 'not_published', 'Publish the step before adding a local note.')
}

/**
 * The status of each translation of a note: a changed German text makes every translation that was
 * not changed with it `outdated`; otherwise what the editor chose, what it was, or `machine` for a new one.
 */
function noteStatus(
  before: { text: Record<string, string | undefined>; status: Record<string, StoredStatus> } | undefined,
  text: Record<string, string>,
  chosen: Record<string, StoredStatus | undefined>,
): { status: Record<string, StoredStatus>; outdated: string[] } {
  const germanChanged = before !== undefined && before.text.de !== text.de
  const status: Record<string, StoredStatus> = {}
  const outdated: string[] = []
  for (const lang of Object.keys(text)) {
    if (lang === 'de') continue
    if (germanChanged && before.text[lang] === text[lang]) {
      status[lang] = 'outdated'
      outdated.push(lang)
    } else status[lang] = chosen[lang] ?? before?.status[lang] ?? 'machine'
  }
  return { status, outdated }
}

export async function saveNote(db: Kysely<Database>, coordinator: Coordinator, stepId: string, district: string, input: NoteInput): Promise<void> {
  assertDistrict(coordinator, district)
  await assertNoteStep(db, stepId, district)
  const text: Record<string, string> = {}
  for (const [lang, value] of Object.entries(input.text)) {
    const clean = value === undefined ? '' : sanitiseSafeText(value)
    if (clean) text[lang] = clean
  }
  if (!text.de) throw new Problem(400, 'validation', 'The German text is empty.', { 'text.de': 'required' })
  const id = guideNoteId(stepId, district)
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('guide_notes').select(['revision', 'text', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
    if (row && input.revision !== row.revision) throw new Problem(409, 'conflict', 'Someone else changed this note in the meantime; reload it.')
    if (!row && input.revision !== undefined) throw new Problem(409, 'conflict', 'This note was deleted in the meantime; reload it.')
    const { status, outdated } = noteStatus(row, text, input.status ?? {})
    const seq = await nextChangeSeq(trx, { district })
    const values = { text: JSON.stringify(text), status: JSON.stringify(status), seq }
    if (row) await trx.updateTable('guide_notes').set({ ...values, revision: sql`revision + 1` }).where('id', '=', id).execute()
    else {
      await trx.insertInto('guide_notes').values({ id, step_id: stepId, district, ...values }).execute()
      await trx.deleteFrom('tombstones').where('entity', '=', 'guideNotes').where('id', '=', id).execute()
    }
    await writeAudit(trx, {
      actor: coordinator.email,
      action: row ? 'guide-note.update' : 'guide-note.create',
      entity: 'guide-note',
      entityId: id,
      district,
      details: { step: stepId, languages: Object.keys(text), outdated },
    })
  })
}

export async function deleteNote(db: Kysely<Database>, coordinator: Coordinator, stepId: string, district: string): Promise<void> {
  assertDistrict(coordinator, district)
  const id = guideNoteId(stepId, district)
  await db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('guide_notes').where('id', '=', id).returning('id').executeTakeFirst()
    if (!gone) throw new Problem(404, 'not_found', 'There is no such note.')
    await recordDeletion(trx, 'guideNotes', id, { district })
    await writeAudit(trx, { actor: coordinator.email, action: 'guide-note.delete', entity: 'guide-note', entityId: id, district, details: { step: stepId } })
  })
}
