import type { Kysely, Selectable, Transaction } from 'kysely'
import { sql } from 'kysely'
import type { Database, GuideStepsTable } from '../../db/schema.ts'
import type { StepDetail, StepDraft, StepListItem, StepTextInput } from '../../../src/shared/guide/content-editor.schema.ts'
import { CONTENT_LANGUAGES } from '../../../src/shared/guide/content-editor.schema.ts'
import { guideTextId, type StoredStatus, type TranslationStatus } from '../../../src/shared/guide/guide-step.schema.ts'
import { sanitiseSafeText } from '../../../src/shared/guide/safe-text.ts'
import { canonicalJson } from '../../sync/canonical-json.ts'
import { Problem } from '../../errors/problem.ts'
import { nextChangeSeq } from '../../sync/change-seq.ts'
import { deleteGuideText, setGuideTextStatus, showStepOnPhonesAgain, writeGuideText, type TextValues } from '../../guide/guide.repository.ts'
import { assertAdmin, assertDistrict, canAccessDistrict, forbidden } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'
import { writeAudit } from '../audit/audit.ts'

type StepRow = Selectable<GuideStepsTable>

const notFound = () => new Problem(404, 'not_found', 'No such guide step.')
const conflict = () => new Problem(409, 'conflict', 'Someone else changed this step in the meantime; reload it.')

/** Statewide steps are read by everyone and changed by admins; a district's own steps by its coordinators. */
export function assertMayRead(coordinator: Coordinator, row: Pick<StepRow, 'district'>): void {
  if (row.district !== null && !canAccessDistrict(coordinator, row.district)) throw forbidden()
}
export function assertMayEdit(coordinator: Coordinator, row: Pick<StepRow, 'district'>): void {
  if (row.district === null) assertAdmin(coordinator)
  else assertDistrict(coordinator, row.district)
}

/** What is stored for a text: the safe subset for the body, plain trimmed lines for title and list. */
export function cleanText(input: StepTextInput): TextValues {
  return {
    title: sanitiseSafeText(input.title).replace(/\n+/g, ' '),
    text: sanitiseSafeText(input.text),
    bring: input.bring.map((item) => sanitiseSafeText(item).replace(/\n+/g, ' ')).filter((item) => item !== ''),
  }
}

export function cleanDraft(draft: StepDraft): StepDraft {
  const texts: Record<string, StepTextInput> = {}
  for (const [lang, t] of Object.entries(draft.texts)) if (t) texts[lang] = { ...cleanText(t), status: lang === 'de' ? 'reviewed' : t.status }
  if (!texts.de?.title) throw new Problem(400, 'validation', 'The German title is empty.', { 'texts.de.title': 'required' })
  return { ...draft, sources: draft.sources.map((s) => ({ url: s.url, label: s.label.trim() })), texts: texts as StepDraft['texts'] }
}

async function lockStep(trx: Transaction<Database>, id: string): Promise<StepRow> {
  const row = await trx.selectFrom('guide_steps').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  if (!row) throw notFound()
  return row
}

async function bumpRevision(trx: Transaction<Database>, id: string, set: { draft?: string | null } = {}): Promise<void> {
  await trx.updateTable('guide_steps').set({ ...set, revision: sql`revision + 1` }).where('id', '=', id).execute()
}

export async function stepDistrict(db: Kysely<Database>, id: string): Promise<Pick<StepRow, 'district'>> {
  const row = await db.selectFrom('guide_steps').select('district').where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return row
}

/** Steps the coordinator may see (statewide and their districts'), with a status per content language. */
export async function listSteps(db: Kysely<Database>, coordinator: Coordinator): Promise<StepListItem[]> {
  let query = db.selectFrom('guide_steps').selectAll().orderBy('phase').orderBy('position').orderBy('id')
  if (coordinator.role !== 'admin') {
    query = query.where((eb) => eb.or([eb('district', 'is', null), eb('district', 'in', coordinator.districts.length ? coordinator.districts : ['-'])]))
  }
  const steps = await query.execute()
  const texts = await db.selectFrom('guide_texts').select(['step_id', 'lang', 'status', 'title']).execute()
  const notes = await db.selectFrom('guide_notes').select(['step_id', 'district']).execute()
  return steps.map((row) => {
    const own = texts.filter((t) => t.step_id === row.id)
    const draftDe = (row.draft as StepDraft | null)?.texts.de.title
    const status: Record<string, TranslationStatus> = {}
    for (const lang of CONTENT_LANGUAGES) status[lang] = own.find((t) => t.lang === lang)?.status ?? 'missing'
    return {
      id: row.id,
      phase: row.phase,
      order: row.position,
      district: row.district,
      titleDe: own.find((t) => t.lang === 'de')?.title ?? draftDe ?? row.id,
      published: row.published,
      hasDraft: row.draft !== null,
      checkedOn: row.checked_on,
      status,
      noteDistricts: notes.filter((n) => n.step_id === row.id && canAccessDistrict(coordinator, n.district)).map((n) => n.district),
    }
  })
}

export async function readStepDetail(db: Kysely<Database>, coordinator: Coordinator, id: string): Promise<StepDetail> {
  const row = await db.selectFrom('guide_steps').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  assertMayRead(coordinator, row)
  const texts = await db.selectFrom('guide_texts').selectAll().where('step_id', '=', id).execute()
  const notes = await db.selectFrom('guide_notes').selectAll().where('step_id', '=', id).orderBy('district').execute()
  return {
    id: row.id,
    district: row.district as StepDetail['district'],
    published: row.published,
    revision: row.revision,
    current: {
      phase: row.phase,
      order: row.position,
      contactFields: row.contact_fields as StepDraft['contactFields'],
      situations: row.situations as StepDetail['current']['situations'],
      sources: row.sources,
      checkedOn: row.checked_on,
      texts: Object.fromEntries(texts.map((t) => [t.lang, { title: t.title, text: t.text, bring: t.bring, status: t.status }])),
    },
    draft: row.draft as StepDraft | null,
    notes: notes
      .filter((n) => canAccessDistrict(coordinator, n.district))
      .map((n) => ({ district: n.district as StepDetail['notes'][number]['district'], text: n.text, status: n.status, revision: n.revision })),
  }
}

/** A new step exists only as a draft until published; statewide ones are created by admins. */
export async function createStep(db: Kysely<Database>, coordinator: Coordinator, id: string, district: string | null, draft: StepDraft): Promise<void> {
  assertMayEdit(coordinator, { district })
  const clean = cleanDraft(draft)
  await db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('guide_steps').select('id').where('id', '=', id).executeTakeFirst()
    if (exists) throw new Problem(409, 'exists', 'A step with this id exists already.', { id: 'taken' })
    await trx
      .insertInto('guide_steps')
      .values({
        id,
        phase: clean.phase,
        position: clean.order,
        contact_fields: [...clean.contactFields],
        situations: [...(clean.situations ?? [])],
        district,
        sources: JSON.stringify(clean.sources),
        checked_on: clean.checkedOn,
        published: false,
        draft: JSON.stringify(clean),
        seq: 0,
      })
      .execute()
    await writeAudit(trx, { actor: coordinator.email, action: 'guide-step.create', entity: 'guide-step', entityId: id, district })
  })
}

export async function saveDraft(db: Kysely<Database>, coordinator: Coordinator, id: string, revision: number, draft: StepDraft): Promise<void> {
  const clean = cleanDraft(draft)
  await db.transaction().execute(async (trx) => {
    const row = await lockStep(trx, id)
    assertMayEdit(coordinator, row)
    if (row.revision !== revision) throw conflict()
    await bumpRevision(trx, id, { draft: JSON.stringify(clean) })
    await writeAudit(trx, { actor: coordinator.email, action: 'guide-step.draft', entity: 'guide-step', entityId: id, district: row.district })
  })
}

export async function discardDraft(db: Kysely<Database>, coordinator: Coordinator, id: string, revision: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockStep(trx, id)
    assertMayEdit(coordinator, row)
    if (row.revision !== revision) throw conflict()
    if (!row.published) throw new Problem(409, 'never_published', 'This step was never published; its draft is all there is.')
    await bumpRevision(trx, id, { draft: null })
    await writeAudit(trx, { actor: coordinator.email, action: 'guide-step.discard', entity: 'guide-step', entityId: id, district: row.district })
  })
}

const sameText = (a: { title: string; text: string; bring: string[] } | undefined, b: { title: string; text: string; bring: string[] } | undefined) =>
  canonicalJson(a && [a.title, a.text, a.bring]) === canonicalJson(b && [b.title, b.text, b.bring])

/**
 * Makes the draft what phones see. A changed German text marks every translation that was not
 * changed with it `outdated`; a changed translation takes the status the editor gave it.
 */
export async function publishStep(db: Kysely<Database>, coordinator: Coordinator, id: string, revision: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockStep(trx, id)
    assertMayEdit(coordinator, row)
    if (row.revision !== revision) throw conflict()
    const draft = row.draft as StepDraft | null
    if (!draft) throw new Problem(409, 'no_draft', 'There is nothing to publish.')
    // A step a release retired comes back with every text and note it kept (a new step has none).
    if (!row.published) await showStepOnPhonesAgain(trx, id)
    const stored = new Map((await trx.selectFrom('guide_texts').selectAll().where('step_id', '=', id).execute()).map((t) => [t.lang, t]))
    const germanChanged = !sameText(draft.texts.de, stored.get('de'))
    const changedLangs: string[] = []
    const outdated: string[] = []
    for (const lang of new Set([...stored.keys(), ...Object.keys(draft.texts)])) {
      const next = (draft.texts as Record<string, StepTextInput | undefined>)[lang]
      const before = stored.get(lang)
      if (!next) {
        await deleteGuideText(trx, guideTextId(id, lang))
        changedLangs.push(lang)
        continue
      }
      const status: StoredStatus = lang === 'de' ? 'reviewed' : next.status
      if (!sameText(next, before)) {
        await writeGuideText(trx, row, lang, next, status)
        changedLangs.push(lang)
      } else if (lang !== 'de' && germanChanged) {
        await setGuideTextStatus(trx, guideTextId(id, lang), 'outdated')
        outdated.push(lang)
      } else if (before && before.status !== status) {
        await setGuideTextStatus(trx, guideTextId(id, lang), status)
        changedLangs.push(lang)
      }
    }
    await trx
      .updateTable('guide_steps')
      .set({
        phase: draft.phase,
        position: draft.order,
        contact_fields: [...draft.contactFields],
        situations: [...(draft.situations ?? [])],
        sources: JSON.stringify(draft.sources),
        checked_on: draft.checkedOn,
        published: true,
        draft: null,
        revision: sql`revision + 1`,
        seq: await nextChangeSeq(trx, { district: row.district }),
      })
      .where('id', '=', id)
      .execute()
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'guide-step.publish',
      entity: 'guide-step',
      entityId: id,
      district: row.district,
      details: { languages: changedLangs, outdated },
    })
  })
}
