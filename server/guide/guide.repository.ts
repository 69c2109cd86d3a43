import type { Kysely, Selectable } from 'kysely'
import type { Database, GuideStepsTable } from '../db/schema.ts'
import type { GuideStep } from '../../src/shared/guide/guide-step.schema.ts'

export function toGuideStepDto(row: Selectable<GuideStepsTable>): GuideStep {
  return {
    id: row.id,
    phase: row.phase,
    order: row.position,
    contactFields: row.contact_fields as GuideStep['contactFields'],
    title: row.title,
    text: row.text,
    bring: row.bring,
  }
}

export async function guideStepsChangedSince(db: Kysely<Database>, since: number) {
  const rows = await db.selectFrom('guide_steps').selectAll().where('seq', '>', since).orderBy('seq').execute()
  return rows.map((row) => ({ seq: row.seq, item: toGuideStepDto(row) }))
}
