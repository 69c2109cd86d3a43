import type { Kysely, Selectable } from 'kysely'
import type { ContactsTable, Database } from '../db/schema.ts'
import type { Contact } from '../../src/shared/contacts/contact.schema.ts'
import { syncWindow, type SyncRead } from '../sync/sync-scope.ts'

export function toContactDto(row: Selectable<ContactsTable>): Contact {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    fields: row.fields as Contact['fields'],
    district: row.district,
    address: row.address,
    openingHours: row.opening_hours,
    phone: row.phone,
    email: row.email,
    website: row.website,
    languages: row.languages,
    isSample: row.is_sample,
  }
}

export async function contactsChangedSince(db: Kysely<Database>, read: SyncRead) {
  const rows = await db.selectFrom('contacts').selectAll().where(syncWindow(read, { seq: 'seq', district: 'district' })).orderBy('seq').execute()
  return rows.map((row) => ({ seq: row.seq, item: toContactDto(row) }))
}

export async function countContacts(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('contacts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
