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

export async function startServer(config: Config, options: { beforeListen?: ((platform: Platform) => Promise<void>) | undefined } = {}): Promise<RunningServer> {
  const log = pino({ level: config.logLevel });
  const platform = await openPlatform(config, log);
  await options.beforeListen?.(platform);
  const app = await buildApp(platform, { logger: log });
  if (config.runWorkers) platform.worker.start();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= app.close());
  return { app, url, stop };
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
