import type { Kysely, Selectable } from 'kysely'
import { sql } from 'kysely'
import type { ContactsTable, Database } from '../../db/schema.ts'
import type { ContactInput, EditableContact } from '../../../src/shared/contacts/contact-editor.schema.ts'
import { Problem } from '../../errors/problem.ts'
import { nextChangeSeq, recordDeletion } from '../../sync/change-seq.ts'
import { assertDistrict } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'
import { writeAudit } from '../audit/audit.ts'

/**
 * The district's contacts directory as coordinators keep it: create, edit, retire (removed from
 * phones by a tombstone). Partner contacts come from the partner directory and are changed there.
 */
const isPartner = (id: string) => id.startsWith('partner-')
const notFound = () => new Problem(404, 'not_found', 'No such contact.')

function toEditable(row: Selectable<ContactsTable>): EditableContact {
  return {
    id: row.id,
    revision: row.revision,
    source: isPartner(row.id) ? 'partner' : row.is_sample ? 'sample' : 'workspace',
    name: row.name,
    kind: row.kind,
    fields: row.fields as EditableContact['fields'],
    district: row.district,
    address: row.address ?? '',
    openingHours: row.opening_hours?.de ?? '',
    phone: row.phone ?? '',
    email: row.email ?? '',
    website: row.website ?? '',
    languages: row.languages,
  }
}

function values(input: ContactInput) {
  const kind: Record<string, string> = {}
  for (const [lang, v] of Object.entries(input.kind)) if (v?.trim()) kind[lang] = v.trim()
  return {
    name: input.name.trim(),
    kind: JSON.stringify(kind),
    fields: [...input.fields],
    district: input.district,
    address: input.address.trim() || null,
    opening_hours: input.openingHours.trim() ? JSON.stringify({ de: input.openingHours.trim() }) : null,
    phone: input.phone.trim() || null,
    email: input.email.trim() || null,
    website: input.website.trim() || null,
    languages: [...input.languages],
  }
}

export async function listContacts(db: Kysely<Database>, scope: string[] | 'all'): Promise<EditableContact[]> {
  let query = db.selectFrom('contacts').selectAll().orderBy('district').orderBy('name')
  if (scope !== 'all') query = query.where('district', 'in', scope.length ? scope : ['-'])
  return (await query.execute()).map(toEditable)
}

export async function readContact(db: Kysely<Database>, coordinator: Coordinator, id: string): Promise<EditableContact> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  assertDistrict(coordinator, row.district)
  return toEditable(row)
}

export async function createContact(db: Kysely<Database>, coordinator: Coordinator, input: ContactInput): Promise<string> {
  assertDistrict(coordinator, input.district)
  const id = `c-${crypto.randomUUID()}`
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('contacts').values({ id, ...values(input), is_sample: false, seq: await nextChangeSeq(trx, { district: input.district }) }).execute()
    await writeAudit(trx, { actor: coordinator.email, action: 'contact.create', entity: 'contact', entityId: id, district: input.district })
  })
  return id
}

/** A move to another district is a change for both: the coordinator must work for each. */
export async function updateContact(db: Kysely<Database>, coordinator: Coordinator, id: string, revision: number, input: ContactInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('contacts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw notFound()
    assertDistrict(coordinator, row.district)
    assertDistrict(coordinator, input.district)
    if (isPartner(id)) throw new Problem(409, 'partner_contact', 'This contact comes from the partner directory; change it there.')
    if (row.revision !== revision) throw new Problem(409, 'conflict', 'Someone else changed this contact in the meantime; reload it.')
    // Moved: phones of the old district drop it.
    if (row.district !== input.district) await recordDeletion(trx, 'contacts', id, { district: row.district })
    await trx
      .updateTable('contacts')
      .set({ ...values(input), revision: sql`revision + 1`, seq: await nextChangeSeq(trx, { district: input.district }) })
      .where('id', '=', id)
      .execute()
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'contact.update',
      entity: 'contact',
      entityId: id,
      district: input.district,
      details: row.district !== input.district ? { fromDistrict: row.district } : {},
    })
  })
}

/** Retires a contact: gone from the directory and, at their next sync, from phones. */
export async function retireContact(db: Kysely<Database>, coordinator: Coordinator, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('contacts').select(['district']).where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw notFound()
    assertDistrict(coordinator, row.district)
    if (isPartner(id)) throw new Problem(409, 'partner_contact', 'This contact comes from the partner directory; change it there.')
    await trx.deleteFrom('contacts').where('id', '=', id).execute()
    await recordDeletion(trx, 'contacts', id, { district: row.district })
    await writeAudit(trx, { actor: coordinator.email, action: 'contact.retire', entity: 'contact', entityId: id, district: row.district })
  })
}
