/* global Element, history, location */
// The language picker prerendered into index.html (scripts/prerender-picker.ts), before the app has
// arrived: a tap keeps this page, and with it the app's download in flight on a slow link, and notes
// the choice in the address (?lang=…), which the app honours when it starts (src/app/router.ts).
// Without any script the links simply navigate. Inline in index.html (scripts/inline-start-files.ts), allowed by its CSP hash.
// What the app needs first after a tap, filled in at build (empty on the dev server): the code of the start
// screen and the database, and per language its texts and the address of its first pull.
const START = /*start-files*/ {}
// The tap starts those downloads at once, beside the app's own, instead of when the app has arrived and
// asks for them (seconds later on a slow link); the app then takes them from here (src/sync/pull-in-worker.ts)
// and from the browser's module cache.
// The content first: the browser opens six connections to a site, and the largest answer should not wait for one.
function fetchAhead(code) {
  if (!START.views) return
  const url = START.pulls[code]
  if (url) window.willkommenEarlyPull = { url: url, response: fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' }) }
  for (const href of [START.texts[code]].concat(START.views)) {
    if (!href) continue
    const link = document.createElement('link')
    link.rel = href.endsWith('.css') ? 'stylesheet' : 'modulepreload'
    link.href = href
    document.head.append(link)
  }
}
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('.boot-picker a[hreflang]') : null
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  // Opened at a deeper address (a shared link to a step): the app goes there once the language is set.
  const here = location.pathname + location.search
  history.replaceState(history.state, '', link.getAttribute('href') + (here === '/' ? '' : '&next=' + encodeURIComponent(here)))
  for (const other of document.querySelectorAll('.boot-picker a[aria-current]')) other.removeAttribute('aria-current')
  link.setAttribute('aria-current', 'true')
  fetchAhead(link.getAttribute('hreflang'))
})
// Lets a browser test know the taps are now taken here.
document.documentElement.setAttribute('data-picker-ready', '')
