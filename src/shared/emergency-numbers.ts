/**
 * Emergency and help numbers for Saxony-Anhalt, shown on the emergency card (offline, every language).
 * Names and explanations are in locales (`emergency.lines.<id>`); the numbers themselves live only here,
 * each line with the public page that states it and the day it was checked.
 */
export interface EmergencyNumber {
  /** As written for people: digits grouped as the service writes them. */
  display: string
  /** What the `tel:` link dials. */
  dial: string
  /** Locale key under `emergency.notes` for a number that needs a word (which phone, what it costs). */
  note?: 'landline' | 'mobile'
}

export interface EmergencyLine {
  id: 'fire-ambulance' | 'police' | 'doctor-on-call' | 'pharmacy' | 'poison' | 'violence-women' | 'counselling'
  numbers: readonly EmergencyNumber[]
  /** The service's own page that gives the number. */
  source: string
  checked: string
}

const CHECKED = '2026-11-29'

export const EMERGENCY_LINES: readonly EmergencyLine[] = [
  // EU-wide emergency number (fire brigade, ambulance), free from every phone.
  { id: 'fire-ambulance', numbers: [{ display: '112', dial: '112' }], source: 'https://www.bbk.bund.de', checked: CHECKED },
  { id: 'police', numbers: [{ display: '110', dial: '110' }], source: 'https://polizei.sachsen-anhalt.de', checked: CHECKED },
  // Kassenärztliche Bundesvereinigung: doctor on call when practices are closed.
  { id: 'doctor-on-call', numbers: [{ display: '116 117', dial: '116117' }], source: 'https://www.116117.de', checked: CHECKED },
  // ABDA "Apothekenfinder 22 8 33": free from a German landline; from a mobile at most 69 ct a minute.
  {
    id: 'pharmacy',
    numbers: [
      { display: '0800 00 22 8 33', dial: '+498000022833', note: 'landline' },
      { display: '22 8 33', dial: '22833', note: 'mobile' },
    ],
    source: 'https://www.aponet.de',
    checked: CHECKED,
  },
  // Gemeinsames Giftinformationszentrum (GGIZ) Erfurt of Mecklenburg-Vorpommern, Saxony, Saxony-Anhalt and Thuringia.
  { id: 'poison', numbers: [{ display: '0361 730 730', dial: '+49361730730' }], source: 'https://www.ggiz-erfurt.de', checked: CHECKED },
  // Hilfetelefon Gewalt gegen Frauen (federal office BAFzA): day and night, free, with interpreters.
  { id: 'violence-women', numbers: [{ display: '116 016', dial: '116016' }], source: 'https://www.hilfetelefon.de', checked: CHECKED },
  // TelefonSeelsorge: day and night, free, anonymous.
  {
    id: 'counselling',
    numbers: [
      { display: '0800 111 0 111', dial: '+498001110111' },
      { display: '0800 111 0 222', dial: '+498001110222' },
      { display: '116 123', dial: '116123' },
    ],
    source: 'https://www.telefonseelsorge.de',
    checked: CHECKED,
  },
]
