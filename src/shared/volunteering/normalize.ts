/**
 * Cleans what a person typed before it is validated, on the phone and on the server alike:
 * trims text, drops empty optional fields, lower-cases e-mail and writes phone numbers in E.164.
 */

/** `0391 123-45` → `+4939112345`; `0049…` → `+49…`; other input is returned cleaned and left to validation. */
export function normalizePhone(raw: string): string {
  let p = raw.trim().replace(/^\+(\d{1,3})\s*\(0\)/, '+$1').replace(/[\s\-/().]/g, '')
  if (p.startsWith('00')) p = `+${p.slice(2)}`
  else if (p.startsWith('0')) p = `+49${p.slice(1)}`
  return p
}

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase()
}

/** Returns a cleaned copy of a plain object; anything else is returned untouched for validation to reject. */
export function normalizeSubmission(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) {
    if (typeof value !== 'string') {
      out[key] = value
      continue
    }
    const text = key === 'email' ? normalizeEmail(value) : key === 'phone' ? normalizePhone(value) : value.trim()
    if (text !== '') out[key] = text
  }
  return out
}
