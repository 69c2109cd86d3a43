/**
 * Fields of action of the process chain of integration (seed 000): the groups of the contacts
 * directory. Guide steps name the fields whose contacts help with them.
 */
export const CONTACT_FIELDS = [
  'residence', // Aufenthalt und Ankommen
  'recognition', // Anerkennung ausländischer Berufsqualifikationen
  'labour-market', // Arbeitsmarkt
  'training', // Berufsausbildung
  'lifelong-learning', // Lebenslanges Lernen
  'business', // Zugang zur Wirtschaft
  'migrant-organisations', // Migrantenorganisationen
  'welcome-culture', // Willkommenskultur
] as const

export type ContactField = (typeof CONTACT_FIELDS)[number]
