import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { Clock } from '../clock.ts'
import { claimDueMail, markFailed, markSent } from './mail-queue.repository.ts'
import type { MailTransport } from './mail-transport.ts'
import { renderMail } from './mail-render.ts'
import { queueDueReminders } from './reminders.ts'

/** A claim lasts well beyond the transport's timeouts, so a mail being sent is never taken by a second worker. */
export const LEASE_MS = 5 * 60_000
const BATCH = 10

export interface MailWorkerOptions {
  db: Kysely<Database>
  transport: MailTransport
  from: string
  /** Where the links in a mail point: the app's address as people reach it. */
  publicUrl: string
  now: Clock
  log?: Pick<FastifyInstance['log'], 'warn'>
}

export interface SendResult {
  sent: number
  failed: number
}

/**
 * Queues the reminders that are due, then sends every mail that is due, a batch of claimed rows at a time. A mail the server refuses waits
 * (retryDelayMs) and is tried again; it never reaches back to the submission that queued it.
 */
export async function sendDueMail({ db, transport, from, publicUrl, now, log }: MailWorkerOptions): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0 }
  await queueDueReminders(db, now())
  for (;;) {
    const claimed = await claimDueMail(db, now(), LEASE_MS, BATCH)
    if (claimed.length === 0) return result
    for (const mail of claimed) {
      try {
        await transport.send({ id: mail.id, from, to: mail.to, ...renderMail(mail.kind, mail.data, publicUrl) })
        await markSent(db, mail.id, now())
        result.sent++
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        log?.warn({ mailId: mail.id, kind: mail.kind, attempt: mail.attempts, err: message }, 'mail not sent, will retry')
        await markFailed(db, mail, message, now())
        result.failed++
      }
    }
  }
}

/**
 * Runs the worker every `everyMs` while the app is up (0: never; tests call sendDueMail). Safe with any
 * number of server processes on one database: each claims its own rows.
 */
export function scheduleMailWorker(app: FastifyInstance, options: MailWorkerOptions, everyMs: number): void {
  if (everyMs <= 0) {
    app.addHook('onClose', async () => options.transport.close())
    return
  }
  let running: Promise<unknown> | undefined
  const run = () => {
    running ??= sendDueMail(options)
      .catch((err: unknown) => app.log.error({ err }, 'mail worker failed'))
      .finally(() => (running = undefined))
  }
  const timer = setInterval(run, everyMs)
  timer.unref()
  app.addHook('onReady', async () => run())
  app.addHook('onClose', async () => {
    clearInterval(timer)
    await running
    options.transport.close()
  })
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends the mail that is due now (the worker's timer calls the same). */
    sendDueMail(): Promise<SendResult>
  }
}
