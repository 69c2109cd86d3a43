import type { Selectable, Transaction } from 'kysely'
import type { Database, PartnersTable } from '../db/schema.ts'
import type { LocalizedText } from '../db/schema.ts'
import { LOCALE_CODES } from '../../src/shared/locale-codes.ts'
import { appMessages } from '../i18n/locale-messages.ts'
import { contactFieldsForWorkingGroups, partnerContactId } from '../../src/shared/coordination/partner-contact.ts'
import { nextChangeSeq, recordDeletion } from '../sync/change-seq.ts'

/**
 * Publicly listed partners of the integration network appear in the app's contacts directory:
 * a `contacts` row per listed partner (id `partner-<uuid>`), refreshed with a new change number on
 * every change and removed with a tombstone when the partner is unlisted or deleted, so phones
 * follow by the delta sync.
 */

let kindText: LocalizedText | undefined

/** "Network partner" in every language of the app, from the app's own texts (locales/<code>.json, partners.contactKind). */
export function partnerContactKind(): LocalizedText {
  if (!kindText) {
    const text: LocalizedText = {}
    for (const code of LOCALE_CODES) {
      const messages = appMessages(code) as { partners?: { contactKind?: string } }
      const value = messages.partners?.contactKind
      if (value) text[code] = value
    }
    if (!text.de) throw new Error('locales/de.json has no partners.contactKind')
    kindText = text
  }
  return kindText
}

/** Writes the partner's contacts row when it is listed publicly, and removes it otherwise. */
export async function syncPartnerContact(trx: Transaction<Database>, partner: Selectable<PartnersTable>): Promise<void> {
  if (!partner.public_listing) {
    await removePartnerContact(trx, partner.id)
    return
  }
  const id = partnerContactId(partner.id)
  const before = await trx.selectFrom('contacts').select('district').where('id', '=', id).executeTakeFirst()
  // Moved to another district: phones of the old one drop it.
  if (before && before.district !== partner.district) await recordDeletion(trx, 'contacts', id, { district: before.district })
  const row = {
    name: partner.organisation,
    kind: JSON.stringify(partnerContactKind()),
    fields: contactFieldsForWorkingGroups(partner.working_groups),
    district: partner.district,
    address: partner.address,
    opening_hours: null,
    phone: partner.phone,
    email: partner.email,
    website: null,
    languages: [],
    is_sample: false,
    seq: await nextChangeSeq(trx, { district: partner.district }),
  }
  await trx
    .insertInto('contacts')
    .values({ id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute()
  // Listed again after being unlisted: the old tombstone must not delete the new row on the phone.
  await trx.deleteFrom('tombstones').where('entity', '=', 'contacts').where('id', '=', id).where('district', '=', partner.district).execute()
}

/** Removes a partner's contacts row, if there is one, and tells phones to drop it. */
export async function removePartnerContact(trx: Transaction<Database>, partnerId: string): Promise<void> {
  const id = partnerContactId(partnerId)
  const removed = await trx.deleteFrom('contacts').where('id', '=', id).returning('district').executeTakeFirst()
  if (removed) await recordDeletion(trx, 'contacts', id, { district: removed.district })
}
