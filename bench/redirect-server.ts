/**
 * One side of bench/redirect.ts, in its own process so the load generator does not share its event
 * loop: `bare` is a node:http server answering a fixed 302; `app` is the real server with a seeded
 * link. Reports `{ url, path, linkId? }` to the parent, and stops gracefully on "stop".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import { startServer } from '../src/server.ts';
import { seedBenchLink } from './seed-link.ts';

const mode = process.argv[2];
const send = (message: unknown) => process.send!(message);

// The parent asks for this process's CPU time around each load run: CPU per request is the figure
// that stays comparable when other work shares the machine.
process.on('message', (message) => {
  if (message === 'cpu') send({ cpu: process.cpuUsage() });
});

if (mode === 'bare') {
  const location = 'https://bench.example.com/p/bench?color=red&affiliate_click_id=clk_AAAAAAAAAAAAAAAAAAAAAA#details';
  const server = createServer((_request, response) => {
    response.writeHead(302, { location, 'cache-control': 'no-store' });
    response.end();
  });
  server.listen(0, '127.0.0.1', () => send({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, path: '/r/bench' }));
  process.on('message', (message) => {
    if (message === 'stop') server.close(() => process.exit(0));
  });
} else if (mode === 'app') {
  const config = loadConfig(process.env, {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'warn',
    runWorkers: false,
    masterKey: process.env.MASTER_KEY ?? '11'.repeat(32),
  });
  let seeded: { code: string; linkId: string } | undefined;
  const server = await startServer(config, {
    beforeListen: async (platform) => {
      seeded = await seedBenchLink(platform);
      // BENCH_CLICK_TRIGGER=off measures the redirect without the report roll-up trigger on clicks.
      if (process.env.BENCH_CLICK_TRIGGER === 'off') await platform.db.execute(sql`ALTER TABLE clicks DISABLE TRIGGER clicks_report_buckets`);
    },
  });
  send({ url: server.url, path: `/r/${seeded!.code}`, linkId: seeded!.linkId });
  process.on('message', (message) => {
    if (message === 'stop') server.stop().then(() => process.exit(0));
  });
} else {
  console.error('usage: redirect-server.ts bare|app');
  process.exit(2);
}
