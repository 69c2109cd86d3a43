import { defineStore } from 'pinia'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import type { OutboxEntry } from '../outbox/outbox-entry.ts'
import { enqueue } from '../outbox/enqueue.ts'
import type { FeedbackInput, FeedbackSubject } from '../shared/feedback/feedback.schema.ts'

/** Where an answer is kept on this phone: its outbox entry (one per step or meetup). */
export const feedbackKey = (subject: FeedbackSubject, subjectId: string) => `${subject}:${subjectId}`
const keyOf = (entry: OutboxEntry) => feedbackKey(entry.payload.subject as FeedbackSubject, String(entry.payload.subjectId))

/**
 * The phone's "Did this help?" answers. Each is an outbox entry of kind `feedback`: saved here first,
 * sent when there is a connection, and kept, so the question shows the answer given (one per step or
 * meetup and phone). Nothing identifies the person or the phone.
 */
export const useFeedbackStore = defineStore('feedback', () => {
  const answers = useLiveQuery(
    async () => new Map((await db.outbox.filter((e) => e.kind === 'feedback').toArray()).map((e) => [keyOf(e), e])),
    new Map<string, OutboxEntry>(),
  )

  /** Saves the answer under the draft's id (a double tap is one entry) and sends it when it can. */
  async function answer(input: FeedbackInput, clientId: string): Promise<void> {
    if (answers.value.has(feedbackKey(input.subject, input.subjectId))) return
    await enqueue(db, 'feedback', input, Date.now(), clientId)
    // Loaded only now, so a guide step stays light; the answer is saved already, and main.ts starts
    // the outbox at the next start for whatever waits in it.
    void import('../outbox/outbox-runner.ts')
      .then(({ flushOutbox, requestBackgroundSync, startOutbox }) => {
        startOutbox()
        void requestBackgroundSync()
        void flushOutbox({ ignoreBackoff: true })
      })
      .catch((error: unknown) => console.error('outbox not started', error))
  }

  /** Forgets an answer the server refused, so the question can be answered again. */
  async function forget(clientId: string): Promise<void> {
    await db.outbox.delete(clientId)
  }

  return { answers, answer, forget }
})
