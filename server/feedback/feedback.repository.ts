import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { FeedbackInput, FeedbackMark, FeedbackSubject } from '../../src/shared/feedback/feedback.schema.ts'
import { Problem } from '../errors/problem.ts'

type Db = Kysely<Database>

const unknownSubject = () => new Problem(404, 'not_found', 'No such guide step or meetup.', { subjectId: 'not_found' })

/**
 * The district an answer is counted in: a district-only step's or a meetup's own district; for a
 * statewide step, the one the phone chose (the phone cannot move an answer into another district).
 */
export async function feedbackDistrict(db: Db, input: Pick<FeedbackInput, 'subject' | 'subjectId' | 'district'>): Promise<string | null> {
  if (input.subject === 'step') {
    const step = await db.selectFrom('guide_steps').select('district').where('id', '=', input.subjectId).where('published', '=', true).executeTakeFirst()
    if (!step) throw unknownSubject()
    return step.district ?? input.district ?? null
  }
  const meetup = await db.selectFrom('meetups').select('district').where('id', '=', input.subjectId).executeTakeFirst()
  if (!meetup) throw unknownSubject()
  return meetup.district
}

export interface NewFeedback {
  subject: FeedbackSubject
  subjectId: string
  district: string | null
  lang: string
  helped: boolean
  text: string | null
  submittedOn: string
}

export async function insertFeedback(db: Db, row: NewFeedback): Promise<string> {
  const { id } = await db
    .insertInto('feedback')
    .values({ subject: row.subject, subject_id: row.subjectId, district: row.district, lang: row.lang, helped: row.helped, text: row.text, submitted_on: row.submittedOn })
    .returning('id')
    .executeTakeFirstOrThrow()
  return String(id)
}

/** Erases the written text of answers sent before `cutoffDay` (YYYY-MM-DD); yes/no, month, district and language stay. */
export async function eraseFeedbackTexts(db: Db, cutoffDay: string): Promise<number> {
  const result = await db.updateTable('feedback').set({ text: null }).where('submitted_on', '<', cutoffDay).where('text', 'is not', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Districts a coordinator reads: 'all' (admins, also answers without a district) or a list. */
export type FeedbackScope = string[] | 'all'

export interface MonthCount {
  subject: FeedbackSubject
  subject_id: string
  district: string | null
  month: string
  yes: number
  no: number
}

/** Yes/no per subject, district and Berlin month, in the scope. */
export async function countsByMonth(db: Db, scope: FeedbackScope): Promise<MonthCount[]> {
  if (scope !== 'all' && scope.length === 0) return []
  let query = db
    .selectFrom('feedback')
    .select([
      'subject',
      'subject_id',
      'district',
      sql<string>`substr(submitted_on, 1, 7)`.as('month'),
      sql<number>`count(*) filter (where helped)::int`.as('yes'),
      sql<number>`count(*) filter (where not helped)::int`.as('no'),
    ])
    .groupBy(['subject', 'subject_id', 'district', sql`substr(submitted_on, 1, 7)`])
    .orderBy(sql`substr(submitted_on, 1, 7)`, 'desc')
  if (scope !== 'all') query = query.where('district', 'in', scope)
  return query.execute()
}

/** Written answers in the scope, newest first. */
export async function writtenAnswers(db: Db, scope: FeedbackScope) {
  if (scope !== 'all' && scope.length === 0) return []
  let query = db
    .selectFrom('feedback')
    .select(['id', 'subject', 'subject_id', 'district', 'lang', 'helped', 'text', 'submitted_on', 'mark'])
    .where('text', 'is not', null)
    .orderBy('submitted_on', 'desc')
    .orderBy('id', 'desc')
  if (scope !== 'all') query = query.where('district', 'in', scope)
  return query.execute()
}

export async function findFeedback(db: Db, id: number) {
  return db.selectFrom('feedback').select(['id', 'district', 'mark']).where('id', '=', id).executeTakeFirst()
}

export async function setFeedbackMark(db: Db, id: number, mark: FeedbackMark | null): Promise<void> {
  await db.updateTable('feedback').set({ mark }).where('id', '=', id).execute()
}
