import { CONTACT_FIELDS, type ContactField } from '../shared/contact-fields.ts'
import type { Contact } from '../shared/contacts/contact.schema.ts'

/** The person's own district first, then by name. */
export function byDistrictFirst(district: string | undefined) {
  return (a: Contact, b: Contact): number =>
    Number(b.district === district) - Number(a.district === district) || a.name.localeCompare(b.name, 'de')
}

export interface ContactGroup {
  field: ContactField
  contacts: Contact[]
}

/** Contacts grouped by field of the process chain, in its order; a contact may help in several fields. */
export function groupByField(contacts: readonly Contact[], district: string | undefined): ContactGroup[] {
  return CONTACT_FIELDS.map((field) => ({
    field,
    contacts: contacts.filter((c) => c.fields.includes(field)).sort(byDistrictFirst(district)),
  })).filter((g) => g.contacts.length > 0)
}

/** Contacts that help with any of the given fields, each once, the person's district first. */
export function contactsForFields(contacts: readonly Contact[], fields: readonly string[], district: string | undefined): Contact[] {
  return contacts.filter((c) => c.fields.some((f) => fields.includes(f))).sort(byDistrictFirst(district))
}

/** A phone number as a tel: link target: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/(?!^\+)[^\d]/g, '')}`
}
