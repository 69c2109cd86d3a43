import { nextTick } from 'vue'
import type { Router } from '../router/router.ts'

/** How long a page may take to show its heading (a lazy view, or one waiting for IndexedDB). */
const WAIT_MS = 3000

function typingIn(main: HTMLElement): boolean {
  const active = document.activeElement
  return !!active && main.contains(active) && active.matches('input, select, textarea, [contenteditable]')
}

function focusHeading(main: HTMLElement): boolean {
  const heading = main.querySelector('h1')
  if (!heading) return false
  heading.setAttribute('tabindex', '-1')
  heading.focus({ preventScroll: true })
  return true
}

/** Focuses the page's h1 once it is there, unless the person has begun typing on the page meanwhile. */
async function focusHeadingWhenShown(): Promise<void> {
  await nextTick()
  const main = document.getElementById('main')
  if (!main || typingIn(main) || focusHeading(main)) return
  const observer = new MutationObserver(() => {
    if (typingIn(main) || focusHeading(main)) observer.disconnect()
  })
  observer.observe(main, { childList: true, subtree: true })
  setTimeout(() => observer.disconnect(), WAIT_MS)
}

/**
 * After a route change, focus goes to the new page's main heading, so a screen reader announces the
 * page (a single-page app otherwise leaves focus on the link that went away). Not on the first page of
 * a visit, not for a jump to an anchor, not in the coordinator workspace (its forms place focus themselves).
 */
export function focusHeadingOnNavigation(router: Router): void {
  router.afterEach((to, from) => {
    if (from.matched.length === 0 || to.path === from.path || to.hash || to.meta.area === 'coordination') return
    void focusHeadingWhenShown()
  })
}
