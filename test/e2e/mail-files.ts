import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { simpleParser } from 'mailparser'

/** Where the e2e server writes its mails (no SMTP_URL): DATA_DIR/mail/<id>.eml; see playwright.config.ts. */
const MAIL_DIR = join(process.env.E2E_DATA_DIR!, 'mail')

/**
 * The path of the first link matching `pattern` in a mail to `address`, once the server's worker has
 * written it (parsed by mailparser, an independent MIME parser).
 */
export async function linkMailedTo(address: string, pattern: RegExp): Promise<string> {
  let link = ''
  await expect
    .poll(
      async () => {
        const files = await readdir(MAIL_DIR).catch(() => [] as string[])
        for (const file of files) {
          const mail = await simpleParser(await readFile(join(MAIL_DIR, file)))
          const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []
          if (!to.some((a) => a.value.some((v) => v.address === address))) continue
          link = mail.text?.match(pattern)?.[0] ?? link
        }
        return link
      },
      { timeout: 60_000 },
    )
    .not.toBe('')
  return new URL(link).pathname
}
