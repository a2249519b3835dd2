import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** SIGTERM (a graceful stop) and wait for the exit. */
  stop(): Promise<number | null>;
  stderr(): string;
  /** The JSON object `serve --json` printed when it started. */
  printed: Record<string, unknown>;
}

/**
 * Start the real `influencemart serve --json` as a separate OS process on a free loopback port and
 * wait for its one JSON line. `env` chooses the database (DATABASE_URL or DATA_DIR) and the master
 * key; background workers are off unless `RUN_WORKERS=1` is passed. Clicks are spooled only when
 * `DATA_DIR` or `CLICK_SPOOL_DIR` is passed.
 */
export async function startServerProcess(env: Record<string, string | undefined>, timeoutMs = 60_000, args: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['bin/influencemart.js', 'serve', '--json', '--port', '0', ...args], {
    // Without a data directory of its own, a server must not share the repository's click spool.
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', RUN_WORKERS: '0', ...(env.DATA_DIR ? {} : { CLICK_SPOOL_DIR: 'off' }), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const lines = createInterface({ input: child.stdout! });
  let firstLine: Record<string, unknown> = {};
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        firstLine = JSON.parse(line) as Record<string, unknown>;
        resolve(firstLine.url as string);
      } catch {
        reject(new Error(`unexpected first line from server: ${line}\n${stderr}`));
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before starting: ${stderr}`)));
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { url, pid: child.pid!, child, exited, stop, stderr: () => stderr, printed: firstLine };
}

/** A loopback port nothing listens on right now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
