/**
 * Where an arrow key moves in a WAI-ARIA radio group of `count` choices, from `index` (wrapping around),
 * or undefined for any other key. Down and the reading direction's "forward" arrow go to the next choice;
 * in right-to-left text the left arrow is forward.
 */
export function radioKeyStep(key: string, index: number, count: number, rtl: boolean): number | undefined {
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight'
  const back = rtl ? 'ArrowRight' : 'ArrowLeft'
  if (key === 'ArrowDown' || key === forward) return (index + 1) % count
  if (key === 'ArrowUp' || key === back) return (index - 1 + count) % count
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  return undefined
}

/**
 * The choice a key on a radio button of a group moves to (reading direction from the nearest `dir`), or
 * undefined; the caller chooses it and then calls `focus()`.
 */
export function radioKeyTarget(event: KeyboardEvent, index: number, count: number): { next: number; focus: () => void } | undefined {
  const button = event.currentTarget as HTMLElement
  const rtl = button.closest('[dir]')?.getAttribute('dir') === 'rtl'
  const next = radioKeyStep(event.key, index, count, rtl)
  if (next === undefined) return undefined
  event.preventDefault()
  return { next, focus: () => (button.parentElement?.children[next] as HTMLElement | undefined)?.focus() }
}
