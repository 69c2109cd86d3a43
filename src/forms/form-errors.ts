import type { FieldErrors } from '../shared/validate.ts'

/** The first error for a field or anything inside it (`languages` also covers `languages.0.level`). */
export function errorFor(errors: FieldErrors, field: string): string {
  const key = Object.keys(errors).find((k) => k === field || k.startsWith(`${field}.`))
  return key ? errors[key]! : ''
}

/** Only our own message keys are shown; anything unexpected reads as a generic "invalid". */
export function messageKey(code: string): string {
  return /^errors\.[a-zA-Z.]+$/.test(code) ? code : 'errors.invalid'
}

/** Moves focus to the first field marked invalid, so keyboard and screen-reader users land on it. */
export function focusFirstError(): void {
  document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
}
