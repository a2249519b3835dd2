import pino from 'pino';
import { buildApp, type App } from './app.ts';
import type { Config } from './platform/config.ts';
import { openPlatform, type Platform } from './platform/platform.ts';

export interface RunningServer {
  app: App;
  url: string;
  /** Stop accepting, let in-flight requests finish, run shutdown hooks, close the database. */
  stop(): Promise<void>;
}

export async function startServer(
  config: Config,
  options: { beforeListen?: ((platform: Platform) => Promise<void>) | undefined } = {},
): Promise<RunningServer> {
  // Logs go to stderr: stdout carries the command's own output (one JSON object with --json).
  const log = pino({ level: config.logLevel }, pino.destination(2));
  const platform = await openPlatform(config, log);
  let app: App;
  try {
    await options.beforeListen?.(platform);
    app = await buildApp(platform, { logger: log });
  } catch (error) {
    await platform.database.close();
    throw error;
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // A taken port must end the process, not leave it running with the database open and no server.
    await app.close();
    throw error;
  }
  if (config.runWorkers) platform.worker.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= drainAndClose(app));
  return { app, url, stop };
}

/** How long in-flight requests may take to finish before their connections are cut. */
const DRAIN_DEADLINE_MS = 10_000;

/**
 * A request in flight when the server starts closing is answered normally, after which its
 * keep-alive socket turns idle and would hold `close()` open until the keep-alive timeout.
 * Reap such sockets as they go idle, and cut whatever is left at the deadline.
 */
async function drainAndClose(app: App): Promise<void> {
  const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => app.server.closeAllConnections(), DRAIN_DEADLINE_MS);
  try {
    await app.close();
  } finally {
    clearInterval(reaper);
    clearTimeout(deadline);
  }
}

/** SIGTERM/SIGINT close the server gracefully; a second signal forces the exit. */
export function stopOnSignals(server: RunningServer): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    server.app.log.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
