import { describe, expect, it } from 'vitest'
import { contactsForFields, groupByField, telHref } from '../../../src/contacts/contact-order.ts'
import { FIXTURE_CONTACTS } from '../../fixtures/guide-steps.ts'

describe('contact order', () => {
  it('groups by field in the order of the process chain, the person’s district first', () => {
    const groups = groupByField(FIXTURE_CONTACTS, 'halle')
    expect(groups.map((g) => [g.field, g.contacts.map((c) => c.id)])).toEqual([
      ['residence', ['mbe-halle', 'abh-stendal']],
      ['labour-market', ['mbe-halle']],
    ])
    expect(groupByField(FIXTURE_CONTACTS, 'stendal')[0]!.contacts.map((c) => c.id)).toEqual(['abh-stendal', 'mbe-halle'])
  })

  it('lists the contacts for a step’s fields once each', () => {
    expect(contactsForFields(FIXTURE_CONTACTS, ['residence', 'labour-market'], 'stendal').map((c) => c.id)).toEqual(['abh-stendal', 'mbe-halle'])
    expect(contactsForFields(FIXTURE_CONTACTS, ['welcome-culture'], 'stendal')).toEqual([])
  })

  it('makes a dialable tel: link', () => {
    expect(telHref('+49 3931 000000')).toBe('tel:+493931000000')
    expect(telHref('(03931) 00-00')).toBe('tel:039310000')
  })
})
