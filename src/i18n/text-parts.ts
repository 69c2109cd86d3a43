/**
 * A language's interface texts come in two parts (built from its one file in locales/ by
 * scripts/locale-parts.ts): what the start screen and the guide say, and the rest. On a first visit over a
 * weak link the newcomer waits only for the first; the rest (volunteering, partners, sign-ups, the "more"
 * screen: 6 of 9 KB in Arabic) comes when a view needs it, and with the service worker's copy of the language.
 */
export type TextsPart = 'start' | 'later'

/** Top-level message groups of the later part; every other group is in the start part. */
export const LATER_GROUPS: readonly string[] = ['confirm', 'consent', 'manage', 'more', 'partners', 'signups', 'volunteering']

export function partOfKey(key: string): TextsPart {
  return LATER_GROUPS.includes(key.split('.', 1)[0]!) ? 'later' : 'start'
}

/** The groups of one part, from a language's whole messages. */
export function pickPart(messages: Record<string, unknown>, part: TextsPart): Record<string, unknown> {
  return Object.fromEntries(Object.entries(messages).filter(([group]) => (part === 'later') === LATER_GROUPS.includes(group)))
}
