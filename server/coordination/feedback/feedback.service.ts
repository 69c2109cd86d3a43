import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { FeedbackGroup, FeedbackMark, FeedbackSubject } from '../../../src/shared/feedback/feedback.schema.ts'
import type { LocalizedText } from '../../../src/shared/localized-text.ts'
import { Problem } from '../../errors/problem.ts'
import { countsByMonth, findFeedback, setFeedbackMark, writtenAnswers, type FeedbackScope } from '../../feedback/feedback.repository.ts'
import { assertAdmin, assertDistrict, districtScope } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'
import { writeAudit } from '../audit/audit.ts'

const groupKey = (subject: string, subjectId: string, district: string | null) => `${subject}\n${subjectId}\n${district ?? ''}`

/** German titles of the steps and meetups named, by `<subject>\n<id>`. */
async function titles(db: Kysely<Database>, ids: { subject: FeedbackSubject; subjectId: string }[]): Promise<Map<string, string>> {
  const stepIds = [...new Set(ids.filter((i) => i.subject === 'step').map((i) => i.subjectId))]
  const meetupIds = [...new Set(ids.filter((i) => i.subject === 'meetup').map((i) => i.subjectId))]
  const [steps, meetups] = await Promise.all([
    stepIds.length ? db.selectFrom('guide_texts').select(['step_id', 'title']).where('lang', '=', 'de').where('step_id', 'in', stepIds).execute() : [],
    meetupIds.length ? db.selectFrom('meetups').select(['id', 'title']).where('id', 'in', meetupIds).execute() : [],
  ])
  return new Map([
    ...steps.map((s) => [`step\n${s.step_id}`, s.title] as const),
    ...meetups.map((m) => [`meetup\n${m.id}`, (m.title as LocalizedText).de ?? m.id] as const),
  ])
}

/**
 * Feedback per step or meetup and district, in the coordinator's districts (admins: every district
 * and the answers that have none): yes/no per month and the written answers, newest first. The
 * groups with the most "no" come first.
 */
export async function listFeedback(db: Kysely<Database>, coordinator: Coordinator, district?: string): Promise<FeedbackGroup[]> {
  const scope: FeedbackScope = districtScope(coordinator, district)
  const [counts, texts] = await Promise.all([countsByMonth(db, scope), writtenAnswers(db, scope)])
  const groups = new Map<string, FeedbackGroup>()
  const groupOf = (row: { subject: FeedbackSubject; subject_id: string; district: string | null }) => {
    const key = groupKey(row.subject, row.subject_id, row.district)
    let group = groups.get(key)
    if (!group) {
      group = { subject: row.subject, subjectId: row.subject_id, district: row.district, title: row.subject_id, yes: 0, no: 0, months: [], texts: [] }
      groups.set(key, group)
    }
    return group
  }
  for (const row of counts) {
    const group = groupOf(row)
    group.yes += row.yes
    group.no += row.no
    group.months.push({ month: row.month, yes: row.yes, no: row.no })
  }
  for (const row of texts) {
    groupOf(row).texts.push({ id: String(row.id), text: row.text!, lang: row.lang, helped: row.helped, submittedOn: row.submitted_on, mark: row.mark })
  }
  const named = await titles(db, [...groups.values()])
  const list = [...groups.values()].map((g) => ({ ...g, title: named.get(`${g.subject}\n${g.subjectId}`) ?? g.subjectId }))
  return list.sort((a, b) => b.no - a.no || b.yes + b.no - (a.yes + a.no) || a.title.localeCompare(b.title, 'de'))
}

const notFound = () => new Problem(404, 'not_found', 'No such feedback.')

/** Marks a written answer "done" or "not relevant" (null takes the mark back); audit-logged. */
export async function markFeedback(db: Kysely<Database>, coordinator: Coordinator, id: string, mark: FeedbackMark | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findFeedback(trx, Number(id))
    if (!row) throw notFound()
    // Answers without a district (a statewide step from a phone that chose none) are the admins'.
    if (row.district === null) assertAdmin(coordinator)
    else assertDistrict(coordinator, row.district)
    if (row.mark === mark) return
    await setFeedbackMark(trx, row.id, mark)
    await writeAudit(trx, { actor: coordinator.email, action: 'feedback.mark', entity: 'feedback', entityId: id, district: row.district, details: { from: row.mark, to: mark } })
  })
}
