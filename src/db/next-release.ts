import type Dexie from 'dexie'

/**
 * A stand-in for a next release's schema, declared only when the app is built with
 * `VITE_E2E_NEXT_RELEASE=true` (the second build of test/e2e/app-update.spec.ts; an ordinary build leaves
 * it out). Version 8 indexes outbox entries by kind and changes their shape: each carries `format: 8`, and the
 * upgrade converts every entry already on the phone, queued or sent.
 */
export function declareNextRelease(db: Dexie): void {
  db.version(8)
    .stores({ outbox: 'clientId, state, nextAttemptAt, createdAt, kind' })
    .upgrade(async (tx) => {
      await tx.table('outbox').toCollection().modify((entry: Record<string, unknown>) => {
        entry.format = 8
      })
    })
}
