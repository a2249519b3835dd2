/**
 * Redirect throughput: a bare node:http server answering a fixed 302 against our GET /r/{code}, with
 * the same load generator and connection count, in one run. The two servers run side by side in their
 * own processes and are loaded in alternating rounds, so a change in background load hits both alike.
 * Afterwards the app is stopped gracefully and every 302 it answered must have a stored click.
 *
 *   node --import tsx bench/redirect.ts                             # PGlite in a temporary directory
 *   DATABASE_URL=postgres://… node --import tsx bench/redirect.ts   # a scratch database on that server
 *
 * BENCH_SECONDS (per round, default 5), BENCH_ROUNDS (default 3) and BENCH_CONNECTIONS (default 64)
 * tune the run. Each request comes from a different X-Forwarded-For address, so repeat-click
 * deduplication never merges two requests.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { count, eq } from 'drizzle-orm';
import { clicks } from '../src/modules/tracking/clicks.tables.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { createScratchDatabase } from '../test/support/database.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 3;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const here = path.dirname(fileURLToPath(import.meta.url));

interface Server {
  child: ChildProcess;
  target: string;
  linkId?: string;
}

function start(mode: 'bare' | 'app', env: NodeJS.ProcessEnv): Promise<Server> {
  const child = fork(path.join(here, 'redirect-server.ts'), [mode], { execArgv: ['--import', 'tsx'], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      const { url, path: target, linkId } = message as { url: string; path: string; linkId?: string };
      resolve({ child, target: `${url}${target}`, linkId });
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited early with ${code}`)));
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.removeAllListeners('exit');
    server.child.once('exit', () => resolve());
    server.child.send('stop');
  });
}

function cpuMicros(server: Server): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      const cpu = (message as { cpu?: NodeJS.CpuUsage }).cpu;
      if (!cpu) return;
      server.child.off('message', onMessage);
      resolve(cpu.user + cpu.system);
    };
    server.child.on('message', onMessage);
    server.child.send('cpu');
  });
}

let visitor = 0;
/** A new visitor for every request: 10.x.y.z addresses in turn. */
function nextAddress(): string {
  visitor += 1;
  return `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
}

interface Round {
  reqPerSec: number;
  p50: number;
  p99: number;
  redirects: number;
  failed: number;
  cpuPerRequestUs: number;
}

async function load(server: Server, seconds: number): Promise<Round> {
  const cpuBefore = await cpuMicros(server);
  const result = await autocannon({
    url: server.target,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request: any) => {
          request.headers = { 'user-agent': CHROME, 'x-forwarded-for': nextAddress() };
          return request;
        },
      },
    ],
  });
  const cpu = (await cpuMicros(server)) - cpuBefore;
  const redirects = result.statusCodeStats?.['302']?.count ?? 0;
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    redirects,
    failed: result.errors + result.timeouts + (result.non2xx - redirects),
    cpuPerRequestUs: redirects > 0 ? cpu / redirects : 0,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function summary(rounds: Round[]) {
  return {
    reqPerSec: Math.round(median(rounds.map((r) => r.reqPerSec))),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    cpuPerRequestUs: Math.round(median(rounds.map((r) => r.cpuPerRequestUs))),
    failed: rounds.reduce((sum, r) => sum + r.failed, 0),
  };
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  const scratch = adminUrl ? await createScratchDatabase(adminUrl) : undefined;
  const dataDir = scratch ? undefined : mkdtempSync(path.join(tmpdir(), 'influencemart-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: scratch?.url ?? '', DATA_DIR: dataDir ?? '' };
  const backend = scratch ? 'postgres' : 'pglite';
  try {
    const bare = await start('bare', env);
    const app = await start('app', env);
    let appRedirects = 0;
    await load(bare, WARMUP_SECONDS);
    appRedirects += (await load(app, WARMUP_SECONDS)).redirects;
    const bareRounds: Round[] = [];
    const appRounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRounds.push(await load(bare, SECONDS));
      const appRound = await load(app, SECONDS);
      appRounds.push(appRound);
      appRedirects += appRound.redirects;
    }
    await stop(bare);
    await stop(app); // graceful: the click buffer is written before the database closes

    const database = await openDatabase({ databaseUrl: scratch?.url, dataDir: dataDir ?? '' });
    const [stored] = await database.db.select({ n: count() }).from(clicks).where(eq(clicks.linkId, app.linkId!));
    await database.close();
    const storedClicks = Number(stored?.n ?? 0);

    const b = summary(bareRounds);
    const a = summary(appRounds);
    const ratio = a.reqPerSec / b.reqPerSec;
    const lost = Math.max(0, appRedirects - storedClicks);
    const line = (name: string, s: ReturnType<typeof summary>) =>
      `${name.padEnd(20)} ${String(s.reqPerSec).padStart(7)} req/s   p50 ${String(s.p50).padStart(3)} ms   p99 ${String(s.p99).padStart(3)} ms   ${String(s.cpuPerRequestUs).padStart(4)} µs CPU/request`;
    console.log(`\nRedirect benchmark: ${backend}, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s (medians)`);
    console.log(line('bare node:http 302', b));
    console.log(line('GET /r/{code}', a));
    console.log(`ratio                ${ratio.toFixed(2)} (throughput), ${(b.cpuPerRequestUs / a.cpuPerRequestUs).toFixed(2)} (CPU per request)`);
    console.log(`clicks               ${appRedirects} redirects answered, ${storedClicks} clicks stored, ${lost} lost`);
    console.log(
      JSON.stringify({
        backend,
        connections: CONNECTIONS,
        rounds: { bare: bareRounds, app: appRounds },
        bare: b,
        app: a,
        ratio: Number(ratio.toFixed(3)),
        appRedirects,
        storedClicks,
        lost,
      }),
    );
    const failures = [lost > 0 ? `${lost} clicks lost` : '', a.failed > 0 ? `${a.failed} requests failed` : ''].filter(Boolean);
    if (failures.length > 0) {
      console.error(`FAIL: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
