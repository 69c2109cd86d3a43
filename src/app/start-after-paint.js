/* global PerformanceObserver */
// Requests the app's start script once the prerendered picker has been painted, not before: on a first
// visit the picker shows without the script's download or parsing in its way. A page without the picker (a
// returning visitor's shell, src/sw/shell-page.ts) has nothing to paint first and starts at once, as does a
// page opened in the background. Inline at the end of index.html's body in place of Vite's script tag
// (scripts/inline-start-files.ts), allowed by its CSP hash.
let started = false
const startApp = () => {
  if (started) return
  started = true
  const script = document.createElement('script')
  script.type = 'module'
  script.src = /*start-script*/ ''
  document.head.append(script)
}
if (document.visibilityState === 'hidden' || !document.querySelector('.boot-picker')) startApp()
else {
  try {
    new PerformanceObserver((list) => list.getEntriesByName('first-contentful-paint').length && setTimeout(startApp)).observe({ type: 'paint', buffered: true })
  } catch {
    // a browser without paint timing: the timer below
  }
  setTimeout(startApp, 1000)
}
