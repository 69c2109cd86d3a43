import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { createTransport } from 'nodemailer'
import type { FastifyBaseLogger } from 'fastify'
import type { OutgoingMail } from './mail-render.ts'

/** One mail ready to go out. */
export interface MailToSend extends OutgoingMail {
  id: string
  from: string
  to: string
}

/** Where mail goes: an SMTP server, or `.eml` files in a folder. */
export interface MailTransport {
  send(mail: MailToSend): Promise<void>
  close(): void
}

export interface TransportSettings {
  smtpUrl: string | undefined
  dataDir: string
}

// Short timeouts: a slow mail server delays mail, it never holds the worker past its claim (mail-worker.ts).
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 }

function nodemailerMessage(mail: MailToSend) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    messageId: `<${mail.id}@willkommen.mail>`,
    attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
  }
}

/** The folder for `.eml` files when no SMTP server is set: `DATA_DIR/mail/` (a temporary folder for `memory://`). */
export function mailFolder(dataDir: string): string {
  return dataDir.startsWith('memory://') ? join(tmpdir(), 'willkommen-mail') : join(dataDir, 'mail')
}

/**
 * `SMTP_URL` (smtp://user:pass@host:587 uses STARTTLS when offered, smtps:// TLS from the start), or,
 * without it, each mail as an `.eml` file with a log line, so a new installation shows what it would send.
 */
export function createMailTransport(settings: TransportSettings, log: FastifyBaseLogger): MailTransport {
  if (settings.smtpUrl) {
    const smtp = createTransport({ url: settings.smtpUrl, ...TIMEOUTS })
    return {
      send: async (mail) => {
        await smtp.sendMail(nodemailerMessage(mail))
      },
      close: () => smtp.close(),
    }
  }
  const folder = mailFolder(settings.dataDir)
  const files = createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
  return {
    send: async (mail) => {
      const info = await files.sendMail(nodemailerMessage(mail))
      await mkdir(folder, { recursive: true })
      const file = join(folder, `${mail.id}.eml`)
      await writeFile(file, info.message as Buffer)
      log.info({ file, kind: mail.subject }, 'no SMTP_URL: mail written to a file')
    },
    close: () => files.close(),
  }
}
