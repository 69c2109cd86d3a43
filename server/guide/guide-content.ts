import { readdir, readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { sql, type Kysely, type Transaction } from 'kysely'
import { Value } from 'typebox/value'
import { Type } from 'typebox'
import type { Database } from '../db/schema.ts'
import { GuideSeedStepSchema, guideTextId, type GuideSeedStep, type SourceLink } from '../../src/shared/guide/guide-step.schema.ts'
import { sanitiseSafeText } from '../../src/shared/guide/safe-text.ts'
import { nextChangeSeq, STATEWIDE } from '../sync/change-seq.ts'
import type { TextValues } from './guide.repository.ts'
import { applyGuideRelease } from './guide-release.ts'
import { mergeGuideTexts, type GuideLanguageFile } from './guide-language-files.ts'
import { LOCALE_CODES } from '../../src/shared/locale-codes.ts'

/**
 * The guide's content as a release ships it. It seeds an empty guide on first start; from then on the
 * guide lives in the database and coordinators edit it in the workspace (/coordination, "Content"),
 * and a later release changes only what no person changed (./guide-release.ts).
 */
export const GUIDE_STEPS_FILE = new URL('./guide-steps.json', import.meta.url)

const GuideFileSchema = Type.Array(GuideSeedStepSchema)

async function readLanguageFiles(file: URL | string): Promise<Record<string, GuideLanguageFile>> {
  const dir = new URL('./texts/', typeof file === 'string' ? pathToFileURL(file) : file)
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw err
  }
  const entries = await Promise.all(
    names
      .filter((n) => (LOCALE_CODES as readonly string[]).includes(n.slice(0, -'.json'.length)))
      .map(async (n) => [n.slice(0, -'.json'.length), JSON.parse(await readFile(new URL(n, dir), 'utf8')) as GuideLanguageFile] as const),
  )
  return Object.fromEntries(entries)
}

/**
 * Reads and checks the content: the steps file and, beside it, `texts/<code>.json` per language the app speaks. A broken
 * file stops the start with a message naming the problem.
 */
export async function readGuideFile(file: URL | string = GUIDE_STEPS_FILE): Promise<GuideSeedStep[] | undefined> {
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  const steps = mergeGuideTexts(JSON.parse(raw), await readLanguageFiles(file))
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

/** What the seed wrote for a step, as stored (texts sanitised): the baseline a later release compares against. */
export interface SeededStep {
  phase: GuideSeedStep['phase']
  order: number
  contactFields: string[]
  situations: string[]
  sources: SourceLink[]
  checkedOn: string | null
  texts: Record<string, TextValues>
}

export function seededStep(step: GuideSeedStep): SeededStep {
  return {
    phase: step.phase,
    order: step.order,
    contactFields: [...step.contactFields],
    situations: [...(step.situations ?? [])],
    sources: step.sources ?? [],
    checkedOn: step.checkedOn ?? null,
    texts: Object.fromEntries(
      Object.entries(step.title).map(([lang, title]) => [
        lang,
        { title: sanitiseSafeText(title), text: sanitiseSafeText(step.text[lang] ?? ''), bring: step.bring[lang] ?? [] },
      ]),
    ),
  }
}

/**
 * Fills an empty guide with the given steps (statewide, published; German `reviewed`, other languages
 * `machine` until a person checks them). Returns how many were inserted: 0 when the guide has content.
 */
export async function seedGuideSteps(db: Kysely<Database>, steps: readonly GuideSeedStep[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('guide_steps').select('id').limit(1).executeTakeFirst()
    if (existing) return 0
    await insertSeedSteps(trx, steps)
    return steps.length
  })
}

/** Inserts steps from the file with their texts, each remembering what the seed wrote (`seeded`). */
export async function insertSeedSteps(trx: Transaction<Database>, steps: readonly GuideSeedStep[]): Promise<void> {
  // The first change number takes the writers' lock (held to commit); the rest number the rows in one insert each.
  await nextChangeSeq(trx, STATEWIDE)
  const seq = sql<number>`nextval('change_seq')::integer`
  const seeded = steps.map((step) => ({ id: step.id, baseline: seededStep(step) }))
  await trx
    .insertInto('guide_steps')
    .values(
      seeded.map(({ id, baseline }) => ({
        id,
        phase: baseline.phase,
        position: baseline.order,
        contact_fields: baseline.contactFields,
        situations: baseline.situations,
        district: null,
        sources: JSON.stringify(baseline.sources),
        checked_on: baseline.checkedOn,
        draft: null,
        seeded: JSON.stringify(baseline),
        seq,
      })),
    )
    .execute()
  const texts = seeded.flatMap(({ id, baseline }) =>
    Object.entries(baseline.texts).map(([lang, t]) => ({
      id: guideTextId(id, lang),
      step_id: id,
      lang,
      title: t.title,
      text: t.text,
      bring: JSON.stringify(t.bring),
      status: lang === 'de' ? ('reviewed' as const) : ('machine' as const),
      district: null,
      seq,
    })),
  )
  if (texts.length) await trx.insertInto('guide_texts').values(texts).execute()
  // The statewide head moves past the rows numbered above (every scope includes it).
  await nextChangeSeq(trx, STATEWIDE)
}

/**
 * At start: seeds an empty guide from the content file; in a guide that has content, the file's new
 * and changed statewide steps replace only what no person changed, and seed steps it no longer has are
 * retired (./guide-release.ts). Returns how many steps were inserted, changed or retired.
 */
export async function loadGuideContent(db: Kysely<Database>, file: URL | string = GUIDE_STEPS_FILE): Promise<number> {
  const steps = await readGuideFile(file)
  if (!steps) return 0
  const existing = await db.selectFrom('guide_steps').select('id').limit(1).executeTakeFirst()
  if (!existing) return seedGuideSteps(db, steps)
  const { inserted, updated, retired } = await applyGuideRelease(db, steps)
  return inserted.length + updated.length + retired.length
}
