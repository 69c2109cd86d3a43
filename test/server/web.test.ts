import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from './test-app.ts'

/** A tiny stand-in for a production build: index.html, a service worker and one hashed asset. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'willkommen-web-'))
  mkdirSync(join(root, 'assets'))
  const js = `console.log(${JSON.stringify('x'.repeat(4000))})`
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Willkommen</title>')
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  mkdirSync(join(root, 'icons'))
  writeFileSync(join(root, 'icons', 'icon-192.png'), 'png')
  writeFileSync(join(root, 'assets', 'index-AbC123.js'), js)
  writeFileSync(join(root, 'assets', 'index-AbC123.js.br'), brotliCompressSync(js))
  writeFileSync(join(root, 'assets', 'sync.worker-XyZ789.js'), 'addEventListener("message", () => {})')
  return root
}

describe('serving the built app', () => {
  it('caches hashed assets forever and sends the brotli copy', async () => {
    const { app } = await buildTestApp('pglite', { webRoot: fakeBuild() })
    const res = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'br, gzip' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain('console.log')
  })

  it('sends a hashed file without the page-only security headers and validators; a page and a worker keep their CSP', async () => {
    const { app } = await buildTestApp('pglite', { webRoot: fakeBuild() })
    const asset = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'br, gzip' } })
    for (const name of ['content-security-policy', 'strict-transport-security', 'x-frame-options', 'etag', 'last-modified']) {
      expect(asset.headers[name], name).toBeUndefined()
    }
    expect(asset.headers['x-content-type-options']).toBe('nosniff')
    expect(asset.headers['cross-origin-resource-policy']).toBe('same-origin')
    expect(asset.headers['content-type']).toMatch(/javascript/)
    const worker = await app.inject({ url: '/assets/sync.worker-XyZ789.js' })
    expect(worker.headers['content-security-policy']).toContain("script-src 'self'")
    for (const url of ['/', '/sw.js', '/meetups']) {
      const page = await app.inject({ url })
      expect(page.headers['content-security-policy'], url).toContain("default-src 'self'")
      expect(page.headers['x-frame-options'], url).toBe('SAMEORIGIN')
    }
  })

  it.each([
    ['/', 'no-cache'],
    ['/sw.js', 'no-cache'],
    // Icons for a day: the favicon is not asked for again after every in-app navigation.
    ['/favicon.svg', 'public, max-age=86400'],
    ['/icons/icon-192.png', 'public, max-age=86400'],
  ])('revalidates index.html and sw.js on every load, keeps icons for a day: %s', async (url, cacheControl) => {
    const { app } = await buildTestApp('pglite', { webRoot: fakeBuild() })
    const res = await app.inject({ url })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe(cacheControl)
  })

  it('answers any page address with the app, but unknown API paths with JSON 404', async () => {
    const { app } = await buildTestApp('pglite', { webRoot: fakeBuild() })
    const page = await app.inject({ url: '/meetups/some-date', headers: { accept: 'text/html' } })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<title>Willkommen</title>')
    const api = await app.inject({ url: '/api/v1/unknown' })
    expect(api.statusCode).toBe(404)
    expect(api.json().error).toBe('not_found')
  })
})
