import { describe, expect, it } from 'vitest'
import { buildTestApp, clockAt, DATABASES } from './test-app.ts'
import { claimJobRun, scheduleJob } from '../../server/jobs/scheduled-job.ts'

const HOUR = 3600_000
const at = new Date('2026-11-29T12:00:00Z')
const later = (ms: number) => new Date(at.getTime() + ms)

describe.each(DATABASES)('background jobs on %s', (kind) => {
  it('gives a run to exactly one of the processes claiming it at once, and the next one when the period has passed', { timeout: 180_000 }, async () => {
    const { db, anotherProcessDb } = await buildTestApp(kind)
    const other = anotherProcessDb()
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimJobRun(i % 2 ? db : other, 'test-job', at, HOUR)))
    expect(claims.filter(Boolean)).toHaveLength(1)
    // Another process whose clock is a little behind does not run it again.
    expect(await claimJobRun(other, 'test-job', later(-1000), HOUR)).toBe(false)
    expect(await claimJobRun(other, 'test-job', later(HOUR - 1), HOUR)).toBe(false)
    expect(await claimJobRun(db, 'test-job', later(HOUR), HOUR)).toBe(true)
    // A clock set back by more than a period would otherwise never run the job again.
    expect(await claimJobRun(db, 'test-job', later(-2 * HOUR), HOUR)).toBe(true)
  })

  it('runs the retention and the meetup-date jobs at start, and gives back the claim of a run that failed', { timeout: 180_000 }, async () => {
    const { app, db } = await buildTestApp(kind, { now: clockAt(at.toISOString()) })
    const ran: string[] = []
    await scheduleJob(app, db, { name: 'works', everyMs: HOUR, run: async () => void ran.push('works') })
    await scheduleJob(app, db, { name: 'fails', everyMs: HOUR, run: async () => Promise.reject(new Error('disk full')) })
    expect(ran).toEqual(['works'])
    const runs = await db.selectFrom('job_runs').selectAll().orderBy('name').execute()
    expect(runs).toEqual(['meetup-horizon', 'retention', 'works'].map((name) => ({ name, ran_at: at })))
  })
})
