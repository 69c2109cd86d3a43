import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/** How often each process asks whether a job is due. */
const CHECK_MS = 60 * 60 * 1000

export interface ScheduledJob<T> {
  /** Names the job's row in `job_runs` and its log lines. */
  name: string
  /** A run is due this long after the last one, by any process. */
  everyMs: number
  run: (now: Date) => Promise<T>
}

/**
 * Claims the job's run at `now` for this process: true when it is due, for exactly one of the server
 * processes on one database. The claim is one upsert: a second process claiming at the same moment
 * waits for the first one's row and then finds the run taken. A last run more than a period ahead of
 * `now` (the clock was set back) counts as due.
 */
export async function claimJobRun(db: Kysely<Database>, name: string, now: Date, everyMs: number): Promise<boolean> {
  const due = new Date(now.getTime() - everyMs)
  const ahead = new Date(now.getTime() + everyMs)
  const claimed = await db
    .insertInto('job_runs')
    .values({ name, ran_at: now })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ ran_at: now })
        .where((eb) => eb.or([eb('job_runs.ran_at', '<=', due), eb('job_runs.ran_at', '>', ahead)])),
    )
    .returning('name')
    .executeTakeFirst()
  return claimed !== undefined
}

/**
 * Runs a background job now (while the app is being built) and then whenever it is due, once per period
 * across all server processes on the database (each asks every hour; the one whose claim succeeds runs
 * it). A run that fails is logged and gives its claim back, so the next check of any process tries
 * again. The timer stops when the app closes.
 */
export async function scheduleJob<T>(app: FastifyInstance, db: Kysely<Database>, job: ScheduledJob<T>): Promise<void> {
  const tick = async () => {
    const now = app.now()
    try {
      if (!(await claimJobRun(db, job.name, now, job.everyMs))) {
        app.log.debug({ job: job.name }, 'job ran recently (here or in another process)')
        return
      }
      app.log.info({ job: job.name, result: await job.run(now) }, 'job ran')
    } catch (err) {
      app.log.error({ err, job: job.name }, 'job failed')
      await db.deleteFrom('job_runs').where('name', '=', job.name).where('ran_at', '=', now).execute().catch(() => undefined)
    }
  }
  await tick()
  const timer = setInterval(() => void tick(), Math.min(CHECK_MS, job.everyMs))
  timer.unref()
  app.addHook('onClose', async () => clearInterval(timer))
}
