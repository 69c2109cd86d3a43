import type { ContactField } from '../contact-fields.ts'

/** Contacts directory id of a publicly listed partner. */
export function partnerContactId(partnerId: string): string {
  return `partner-${partnerId}`
}

// Working groups of the network (seed 004) → fields of the process chain (seed 000) where the
// contacts directory shows the partner. Every partner is part of the local welcome culture.
const FIELDS_BY_GROUP: Record<string, readonly ContactField[]> = {
  'work-training': ['labour-market', 'training'],
  'culture-social': ['welcome-culture'],
  language: ['lifelong-learning'],
  'cross-group': [],
}

/** The contacts directory fields of a partner with these working groups, in a stable order. */
export function contactFieldsForWorkingGroups(groups: readonly string[]): ContactField[] {
  const fields = new Set<ContactField>(['welcome-culture'])
  for (const g of groups) for (const f of FIELDS_BY_GROUP[g] ?? []) fields.add(f)
  const order: readonly ContactField[] = ['labour-market', 'training', 'lifelong-learning', 'welcome-culture']
  return order.filter((f) => fields.has(f))
}
