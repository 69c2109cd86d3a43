import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { E2E_PASSWORD } from './e2e-accounts.ts'

const ROOT = new URL('../..', import.meta.url).pathname
/** The build the e2e run serves (playwright.config.ts): the release the phone starts on. */
const CURRENT_BUILD = process.env.E2E_WEB_ROOT ?? join(ROOT, 'dist')

export type Release = 'current' | 'next'

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * The production server (server/server.ts) on its own port and data folder, serving one build. A deploy
 * stops it and starts it again on the other build with the same data, as a release does (the server
 * lists its files at start, so the folder is never swapped under a running process). The next release
 * is a real second build, made once: `vite build` with VITE_E2E_NEXT_RELEASE=true (src/db/next-release.ts).
 */
export class ReleaseServer {
  readonly url: string
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'willkommen-release-data-'))
  private readonly nextDir = mkdtempSync(join(tmpdir(), 'willkommen-next-release-'))
  private readonly nextBuild: Promise<string>
  private process: ChildProcess | undefined
  private serving: Release | undefined

  private readonly port: number

  private constructor(port: number) {
    this.port = port
    this.url = `http://localhost:${port}`
    this.nextBuild = this.buildNext()
    this.nextBuild.catch(() => {}) // a failed build fails the deploy that waits for it
  }

  /** Starts building the next release at once and serves the current one, with one admin account for counting. */
  static async start(): Promise<ReleaseServer> {
    const server = new ReleaseServer(await freePort())
    await promisify(execFile)(process.execPath, ['scripts/coordinator-add.ts', '--email', 'admin@example.org', '--role', 'admin'], {
      cwd: ROOT,
      env: { ...process.env, ...server.env(CURRENT_BUILD) },
    })
    await server.deploy('current')
    return server
  }

  /** Serves `release` from now on (nothing happens if it already does). */
  async deploy(release: Release): Promise<void> {
    if (this.serving === release) return
    const webRoot = release === 'current' ? CURRENT_BUILD : await this.nextBuild
    await this.stop()
    this.process = spawn(process.execPath, ['server/server.ts'], { cwd: ROOT, env: { ...process.env, ...this.env(webRoot) }, stdio: ['ignore', 'inherit', 'inherit'] })
    this.serving = release
    await this.healthy()
  }

  /** Stops the server and removes its data and the next release's build. */
  async close(): Promise<void> {
    await this.stop()
    await this.nextBuild.catch(() => {})
    for (const dir of [this.dataDir, this.nextDir]) rmSync(dir, { recursive: true, force: true })
  }

  private async stop(): Promise<void> {
    const running = this.process
    this.process = undefined
    this.serving = undefined
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
  }

  private env(webRoot: string): Record<string, string> {
    return {
      WEB_ROOT: webRoot,
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'true',
      COORDINATOR_PASSWORD: E2E_PASSWORD,
    }
  }

  private async buildNext(): Promise<string> {
    await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', this.nextDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, VITE_E2E_NEXT_RELEASE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    })
    return this.nextDir
  }

  private async healthy(): Promise<void> {
    const started = this.process!
    for (;;) {
      if (started.exitCode !== null) throw new Error(`the server on port ${this.port} exited with ${started.exitCode}`)
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}
