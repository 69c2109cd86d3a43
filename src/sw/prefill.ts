/** How many downloads run at once: what a browser opens to one HTTP/1.1 server. */
export const PARALLEL = 6

/** A file to store: where it is, under which key its cache keeps it, and whether the HTTP cache may answer. */
export interface PrefillEntry {
  url: string
  cacheKey: string
  /** A file whose name does not change with its content (index.html, icons): always from the network. */
  reload: boolean
}

/**
 * Workbox precaches its list one file after another: on a 300 ms round trip that is a third of a second per
 * file, over a hundred times (47 s to be ready for offline use in `npm run bench:slow-link`). This stores
 * the files a few at a time first, under the keys Workbox looks for, so its install finds them and fetches
 * nothing; a file the cache holds already (an update keeps the unchanged ones) is not fetched again.
 * Content-hashed files come from the HTTP cache where the page has loaded them already. A failed
 * download (or a redirect, which Workbox treats apart) is left to Workbox, which reports it as before.
 */
export async function prefill(entries: readonly PrefillEntry[], cache: Pick<Cache, 'match' | 'put'>, parallel = PARALLEL, fetchFn: typeof fetch = fetch): Promise<void> {
  const queue = [...entries]
  const worker = async (): Promise<void> => {
    for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
      const { url, cacheKey, reload } = entry
      if (await cache.match(cacheKey)) continue
      await fetchFn(url, { credentials: 'same-origin', cache: reload ? 'reload' : 'default' })
        .then((response) => (response.ok && !response.redirected ? cache.put(cacheKey, response) : undefined))
        .catch(() => undefined)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker))
}
