import { readFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import { Value } from 'typebox/value'
import { Type } from 'typebox'
import type { Database } from '../db/schema.ts'
import { GuideStepSchema, type GuideStep } from '../../src/shared/guide/guide-step.schema.ts'
import { nextChangeSeq, recordDeletion } from '../sync/change-seq.ts'
import { canonicalJson } from '../sync/canonical-json.ts'
import { toGuideStepDto } from './guide.repository.ts'

/** The guide's content: data, not code. Edit it and restart the server; phones get it at their next sync. */
export const GUIDE_STEPS_FILE = new URL('./guide-steps.json', import.meta.url)

const GuideFileSchema = Type.Array(GuideStepSchema)

export interface GuideLoadResult {
  inserted: number
  updated: number
  deleted: number
}

/** Reads and checks the content file; a broken file stops the start with a message naming the problem. */
export async function readGuideFile(file: URL | string = GUIDE_STEPS_FILE): Promise<GuideStep[] | undefined> {
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  const steps: unknown = JSON.parse(raw)
  if (!Value.Check(GuideFileSchema, steps)) {
    const first = Value.Errors(GuideFileSchema, steps)[0]
    throw new Error(`${String(file)}: invalid guide content at ${first?.instancePath ?? '?'}: ${first?.message ?? ''}`)
  }
  const ids = new Set<string>()
  for (const step of steps) {
    if (ids.has(step.id)) throw new Error(`${String(file)}: guide step id "${step.id}" appears twice`)
    ids.add(step.id)
  }
  return steps
}

/**
 * Makes the guide_steps table equal to the given steps: inserts new ones, updates the ones whose
 * content changed (only those get a new change number) and deletes the rest with a tombstone.
 */
export async function loadGuideSteps(db: Kysely<Database>, steps: readonly GuideStep[]): Promise<GuideLoadResult> {
  return db.transaction().execute(async (trx) => {
    const stored = new Map((await trx.selectFrom('guide_steps').selectAll().execute()).map((r) => [r.id, toGuideStepDto(r)]))
    const result: GuideLoadResult = { inserted: 0, updated: 0, deleted: 0 }
    for (const step of steps) {
      const before = stored.get(step.id)
      stored.delete(step.id)
      if (before && canonicalJson(before) === canonicalJson(step)) continue
      const values = {
        phase: step.phase,
        position: step.order,
        contact_fields: [...step.contactFields],
        title: JSON.stringify(step.title),
        text: JSON.stringify(step.text),
        bring: JSON.stringify(step.bring),
        seq: await nextChangeSeq(trx),
      }
      if (before) {
        await trx.updateTable('guide_steps').set(values).where('id', '=', step.id).execute()
        result.updated++
      } else {
        await trx.insertInto('guide_steps').values({ id: step.id, ...values }).execute()
        result.inserted++
      }
    }
    for (const gone of stored.keys()) {
      await trx.deleteFrom('guide_steps').where('id', '=', gone).execute()
      await recordDeletion(trx, 'guideSteps', gone)
      result.deleted++
    }
    return result
  })
}

/** At start: the content file into the database. Without a file the guide stays as it is. */
export async function loadGuideContent(db: Kysely<Database>, file: URL | string = GUIDE_STEPS_FILE): Promise<GuideLoadResult | undefined> {
  const steps = await readGuideFile(file)
  return steps ? loadGuideSteps(db, steps) : undefined
}
