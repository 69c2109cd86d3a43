import { existsSync, readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import { apiNotFound } from '../errors/error-handler.ts'
import { trimAssetHeaders } from './asset-headers.ts'
import { opensInOwnLanguage, withoutPicker } from '../../src/shared/own-language-paths.ts'

const IMMUTABLE = 'public, max-age=31536000, immutable'
// The tab and home-screen icons: not hashed, but Chromium asks for the favicon again after every in-app
// navigation; a day's freshness spares a slow link those round trips, and a new icon still arrives.
const ICON = 'public, max-age=86400'

function cacheControl(path: string): string {
  if (path.includes('/assets/')) return IMMUTABLE
  return path.endsWith('/favicon.svg') || path.includes('/icons/') ? ICON : 'no-cache'
}

/**
 * Serves the built PWA: content-hashed assets forever, icons for a day, everything else revalidated on
 * each load (index.html, sw.js, the manifest), precompressed .br/.gz where the build made them, and
 * index.html for any other page address so deep links work.
 */
export async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  const hasWeb = existsSync(`${webRoot}/index.html`)
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      preCompressed: true,
      wildcard: false,
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', cacheControl(path))
        if (path.includes('/assets/')) trimAssetHeaders(reply, path)
      },
    })
  }
  let ownLanguagePage: string | undefined
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api' || !hasWeb || request.method !== 'GET') {
      return reply.status(404).send(apiNotFound(request.url))
    }
    reply.header('cache-control', 'no-cache')
    // A manage link, the emergency card, the workspace: their page replaces the first-start picker at once.
    if (opensInOwnLanguage(new URL(request.url, 'http://x').pathname)) {
      ownLanguagePage ??= withoutPicker(readFileSync(`${webRoot}/index.html`, 'utf8'))
      return reply.type('text/html; charset=utf-8').send(ownLanguagePage)
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html')
  })
}
