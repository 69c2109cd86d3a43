import { ApiProblem, problemKey } from '../problems.ts'

// The first error for a field or anything inside it (`recurrence` also covers `recurrence.end.date`).
export { errorFor } from '../../forms/form-errors.ts'

/** Only known message keys are shown (the app's `errors.*` and the editor's own); anything else reads as "invalid". */
export function fieldMessageKey(code: string): string {
  return /^(errors|coordinationMeetups\.errors)\.[a-zA-Z.]+$/.test(code) ? code : 'errors.invalid'
}

// The editor's own answers of the server, with a text of their own; the rest as the workspace says them.
const OWN_PROBLEMS = ['date_past', 'event_cancelled', 'not_in_rule', 'conflict']

/** Message key for a failed call of the editor. */
export function editorProblemKey(error: unknown): string {
  if (error instanceof ApiProblem && OWN_PROBLEMS.includes(error.error)) return `coordinationMeetups.problems.${error.error}`
  return problemKey(error)
}

/** Moves focus to the first field marked invalid, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(): void {
  document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
}
