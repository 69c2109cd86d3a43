import type { FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { scheduleJob } from '../jobs/scheduled-job.ts'
import { refreshAllOccurrences } from './series.repository.ts'

const DAY = 86400000

/** Keeps a year of concrete meetup dates ahead: at start, then daily, once across all server processes. */
export const meetupHorizon: FastifyPluginAsync<{ db: Kysely<Database> }> = async (app, { db }) => {
  await scheduleJob(app, db, { name: 'meetup-horizon', everyMs: DAY, run: (now) => refreshAllOccurrences(db, now) })
}
