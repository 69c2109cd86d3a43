export type ShareResult = 'shared' | 'copied' | 'failed'

/** Web Share where the phone has it; otherwise the link goes to the clipboard. */
export async function shareLink(title: string, url: string): Promise<ShareResult> {
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title, url })
      return 'shared'
    } catch (err) {
      // Closing the share sheet is not an error worth a message.
      if (err instanceof DOMException && err.name === 'AbortError') return 'shared'
    }
  }
  try {
    await navigator.clipboard.writeText(url)
    return 'copied'
  } catch {
    return 'failed'
  }
}
