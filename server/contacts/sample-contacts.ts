import { readFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import type { Database } from '../db/schema.ts'
import { ContactSchema } from '../../src/shared/contacts/contact.schema.ts'
import { nextChangeSeq } from '../sync/change-seq.ts'
import { countContacts } from './contacts.repository.ts'

/** Invented sample contacts (no real numbers or addresses), shown with a "sample data" badge. */
export const SAMPLE_CONTACTS_FILE = new URL('./sample-contacts.json', import.meta.url)

// The file omits isSample (everything in it is sample data) and may leave optional details out.
const SampleContactSchema = Type.Intersect([
  Type.Omit(ContactSchema, ['isSample', 'address', 'openingHours', 'phone', 'email', 'website']),
  Type.Partial(Type.Pick(ContactSchema, ['address', 'openingHours', 'phone', 'email', 'website'])),
])
const SampleFileSchema = Type.Array(SampleContactSchema)

/** Inserts the sample contacts into an empty directory; returns how many. */
export async function insertSampleContacts(db: Kysely<Database>, file: URL | string = SAMPLE_CONTACTS_FILE): Promise<number> {
  if ((await countContacts(db)) > 0) return 0
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw err
  }
  const contacts: unknown = JSON.parse(raw)
  if (!Value.Check(SampleFileSchema, contacts)) {
    const first = Value.Errors(SampleFileSchema, contacts)[0]
    throw new Error(`${String(file)}: invalid sample contact at ${first?.instancePath ?? '?'}: ${first?.message ?? ''}`)
  }
  await db.transaction().execute(async (trx) => {
    for (const c of contacts) {
      await trx
        .insertInto('contacts')
        .values({
          id: c.id,
          name: c.name,
          kind: JSON.stringify(c.kind),
          fields: [...c.fields],
          district: c.district,
          address: c.address || null,
          opening_hours: c.openingHours ? JSON.stringify(c.openingHours) : null,
          phone: c.phone || null,
          email: c.email || null,
          website: c.website || null,
          languages: c.languages,
          is_sample: true,
          seq: await nextChangeSeq(trx, { district: c.district }),
        })
        .execute()
    }
  })
  return contacts.length
}
