import { describe, expect, it } from 'vitest'
import { createAppRouter, WORKSPACE_ENTRY } from '../../../src/app/router.ts'
import { coordinationRoutes } from '../../../src/coordination/coordination-routes.ts'
import { opensInOwnLanguage, withoutPicker } from '../../../src/shared/own-language-paths.ts'

describe('addresses that open without the first-start picker', () => {
  it('are exactly the routes that find their own language, and the coordinator workspace', () => {
    const router = createAppRouter()
    router.addRoute(coordinationRoutes)
    const token = 'a'.repeat(43)
    for (const route of router.getRoutes().filter((r) => r.name !== WORKSPACE_ENTRY)) {
      const path = route.path.replace(/:token\([^)]*\)/, token).replace(/:(\w+)\([^)]*\)/g, 'x').replace(/:(\w+)/g, 'x')
      const own = Boolean(route.meta.ownLanguage) || path.startsWith('/coordination')
      expect(opensInOwnLanguage(path), path).toBe(own)
    }
  })

  it('leaves the prerendered picker out of the page', () => {
    expect(withoutPicker('<div id="app"><!--picker--><main>…</main><!--/picker--></div>')).toBe('<div id="app"></div>')
  })
})
