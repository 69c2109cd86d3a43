/** How many downloads run at once: what a browser opens to one HTTP/1.1 server. */
export const PARALLEL = 6

/**
 * Workbox precaches its list one file after another: on a 300 ms round trip that is a third of a second per
 * file, over a hundred times (47 s to be ready for offline use in `npm run bench:slow-link`). This fetches the
 * content-hashed build files a few at a time first; they are immutable, so the HTTP cache keeps them and
 * Workbox's own requests then answer from there without the network. A failed download is left to Workbox,
 * which reports it as before.
 */
export async function warmUp(urls: readonly string[], parallel = PARALLEL, fetchFn: typeof fetch = fetch): Promise<void> {
  const queue = [...urls]
  const worker = async (): Promise<void> => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      await fetchFn(url, { credentials: 'same-origin' })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker))
}
