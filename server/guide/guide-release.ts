import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, GuideStepsTable } from '../db/schema.ts'
import { guideTextId, type GuideSeedStep } from '../../src/shared/guide/guide-step.schema.ts'
import { withoutGlossaryLinks } from '../../src/shared/guide/safe-text.ts'
import { canonicalJson } from '../sync/canonical-json.ts'
import { nextChangeSeq, STATEWIDE } from '../sync/change-seq.ts'
import { writeAudit } from '../coordination/audit/audit.ts'
import { hideStepFromPhones, setGuideTextStatus, showStepOnPhonesAgain, writeGuideText, type TextValues } from './guide.repository.ts'
import { insertSeedSteps, seededStep, type SeededStep } from './guide-content.ts'

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null)
const textOf = (t: TextValues | undefined) => t && { title: t.title, text: t.text, bring: t.bring }
const unlinked = (t: TextValues | undefined) => t && { ...textOf(t), text: withoutGlossaryLinks(t.text) }

/** What a release changed in a guide that already had content. */
export interface ReleaseResult {
  inserted: string[]
  updated: string[]
  /** Seed steps the file no longer has: hidden from phones, kept on the server (see below). */
  retired: string[]
  /** Seed steps the file no longer has whose German a person rewrote: left published, theirs from now on. */
  handedOver: string[]
}

/**
 * A new release's statewide steps reach a database that already has the guide, without overwriting
 * what people changed. Each step remembers what the seed last wrote (`seeded`); a part still equal to
 * it (structure fields one by one; texts per language) takes the file's new version, a part a person
 * changed stays. A new German text marks the translations not renewed with it `outdated`, as
 * publishing in the workspace does; when a person changed the German, the step's texts stay theirs.
 * Step ids missing from the database are inserted. Left alone: steps people made (`seeded` null),
 * district steps, and steps with an open draft (until it is published or discarded).
 *
 * A release never deletes a step. A seed step the file no longer has is **retired**: unpublished, so
 * phones drop it (tombstones for it, its texts and notes) and newcomers no longer see it, while its row,
 * texts, notes and every audit entry stay on the server, and the retirement is audited. When a person
 * rewrote its German, it is not the release's to retire: it stays published and becomes the people's
 * (`seeded` null, audited as handed over). A retired step that a later file lists again comes back.
 */
export async function applyGuideRelease(db: Kysely<Database>, steps: readonly GuideSeedStep[]): Promise<ReleaseResult> {
  return db.transaction().execute(async (trx) => {
    const rows = new Map((await trx.selectFrom('guide_steps').selectAll().forUpdate().execute()).map((r) => [r.id, r]))
    const missing = steps.filter((s) => !rows.has(s.id))
    if (missing.length) await insertSeedSteps(trx, missing)
    const updated: string[] = []
    for (const step of steps) {
      const row = rows.get(step.id)
      if (row && (await updateStep(trx, row, seededStep(step)))) updated.push(step.id)
    }
    const listed = new Set(steps.map((s) => s.id))
    const gone = [...rows.values()].filter((r) => !listed.has(r.id) && r.seeded !== null && r.district === null && r.published && r.draft === null)
    const retired: string[] = []
    const handedOver: string[] = []
    for (const row of gone) {
      const german = await trx.selectFrom('guide_texts').selectAll().where('id', '=', guideTextId(row.id, 'de')).executeTakeFirst()
      if (same(textOf(german), (row.seeded as SeededStep).texts.de)) {
        await retireStep(trx, row)
        retired.push(row.id)
      } else {
        await trx.updateTable('guide_steps').set({ seeded: null }).where('id', '=', row.id).execute()
        await writeAudit(trx, { actor: 'system', action: 'guide-step.handover', entity: 'guide-step', entityId: row.id, district: null, details: { release: 'removed' } })
        handedOver.push(row.id)
      }
    }
    return { inserted: missing.map((s) => s.id), updated, retired, handedOver }
  })
}

async function retireStep(trx: Transaction<Database>, row: Selectable<GuideStepsTable>): Promise<void> {
  await hideStepFromPhones(trx, row)
  // A new revision: an editor open on it must reload. Phones hear of it through the tombstones.
  await trx.updateTable('guide_steps').set({ published: false, revision: sql<number>`revision + 1` }).where('id', '=', row.id).execute()
  await writeAudit(trx, { actor: 'system', action: 'guide-step.retire', entity: 'guide-step', entityId: row.id, district: null, details: { release: 'removed' } })
}

async function updateStep(trx: Transaction<Database>, row: Selectable<GuideStepsTable>, next: SeededStep): Promise<boolean> {
  const base = row.seeded as SeededStep | null
  // Unpublished with a seed baseline: retired by an earlier release, listed again.
  const returning = !row.published
  if (!base || row.district !== null || row.draft !== null || (same(base, next) && !returning)) return false
  if (returning) await showStepOnPhonesAgain(trx, row.id)
  const current = { phase: row.phase, order: row.position, contactFields: row.contact_fields, situations: row.situations, sources: row.sources, checkedOn: row.checked_on }
  const structure: Partial<SeededStep> = {}
  for (const key of Object.keys(current) as (keyof typeof current)[]) {
    if (same(current[key], base[key]) && !same(base[key], next[key])) Object.assign(structure, { [key]: next[key] })
  }

  const stored = new Map((await trx.selectFrom('guide_texts').selectAll().where('step_id', '=', row.id).execute()).map((t) => [t.lang, t]))
  const written: string[] = []
  const outdated: string[] = []
  // The texts follow the German: when a person rewrote it, the file's translations of the old German do not fit.
  if (same(textOf(stored.get('de')), base.texts.de)) {
    // Glossary links added to the German (or taken out) change nothing a translation says.
    const germanChanged = !same(unlinked(base.texts.de), unlinked(next.texts.de))
    for (const lang of new Set([...Object.keys(next.texts), ...stored.keys()])) {
      const have = stored.get(lang)
      const untouched = have ? same(textOf(have), base.texts[lang]) && (lang === 'de' || have.status === 'machine') : !base.texts[lang]
      const renewed = next.texts[lang]
      if (untouched && renewed && !same(renewed, base.texts[lang])) {
        await writeGuideText(trx, row, lang, renewed, lang === 'de' ? 'reviewed' : 'machine')
        written.push(lang)
      } else if (germanChanged && have && lang !== 'de' && have.status !== 'outdated') {
        await setGuideTextStatus(trx, guideTextId(row.id, lang), 'outdated')
        outdated.push(lang)
      }
    }
  }

  const changed = returning || Object.keys(structure).length > 0 || written.length > 0 || outdated.length > 0
  await trx
    .updateTable('guide_steps')
    .set({
      ...(structure.phase && { phase: structure.phase }),
      ...(structure.order !== undefined && { position: structure.order }),
      ...(structure.contactFields && { contact_fields: structure.contactFields }),
      ...(structure.situations && { situations: structure.situations }),
      ...(structure.sources && { sources: JSON.stringify(structure.sources) }),
      ...('checkedOn' in structure && { checked_on: structure.checkedOn ?? null }),
      seeded: JSON.stringify(next),
      ...(returning && { published: true }),
      // An editor open on the old version must reload rather than save over the release.
      ...(changed && { revision: sql<number>`revision + 1`, seq: await nextChangeSeq(trx, STATEWIDE) }),
    })
    .where('id', '=', row.id)
    .execute()
  if (changed) {
    await writeAudit(trx, {
      actor: 'system',
      action: 'guide-step.publish',
      entity: 'guide-step',
      entityId: row.id,
      district: null,
      details: { languages: written, outdated, release: Object.keys(structure), ...(returning && { returned: true }) },
    })
  }
  return changed
}
