import type { Kysely } from 'kysely'

/**
 * The device that sent a partner declaration learns the outcome: a secret status token (only its
 * hash is stored, like a manage token) and, when a coordinator rejects it, the reason and a note.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('partner_requests')
    .addColumn('status_token_hash', 'text', (c) => c.unique())
    .addColumn('reject_reason', 'text')
    .addColumn('reject_note', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('partner_requests').dropColumn('reject_note').dropColumn('reject_reason').dropColumn('status_token_hash').execute()
}
