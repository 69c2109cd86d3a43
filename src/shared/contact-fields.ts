/**
 * Fields of action of the process chain of integration (seed 000), and the kinds of help a newcomer
 * needs beyond it (offices, health, protection from violence, legal advice): the groups of the contacts
 * directory. Guide steps name the fields whose contacts help with them.
 */
export const CONTACT_FIELDS = [
  'residence', // Aufenthalt und Ankommen
  'authorities', // Ämter: Ausländerbehörde, Bürgerbüro, Sozialamt
  'recognition', // Anerkennung ausländischer Berufsqualifikationen
  'labour-market', // Arbeitsmarkt
  'training', // Berufsausbildung
  'lifelong-learning', // Lebenslanges Lernen
  'business', // Zugang zur Wirtschaft
  'migrant-organisations', // Migrantenorganisationen
  'welcome-culture', // Willkommenskultur
  'health', // Gesundheit und psychosoziale Hilfe (psychosoziale Zentren für Geflüchtete)
  'protection', // Schutz vor Gewalt (Frauenhäuser, Hilfetelefon)
  'legal-advice', // Rechtsberatung zu Asyl und Aufenthalt
] as const

export type ContactField = (typeof CONTACT_FIELDS)[number]
