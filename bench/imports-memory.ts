/**
 * CSV import memory: a 5 MB and a 50 MB products file, each uploaded through the signed API (the
 * body streamed from disk) and run to completion, with the process's peak RSS sampled throughout.
 * Memory must not grow with the file: the two peaks should be close.
 *
 *   node --import tsx bench/imports-memory.ts            embedded PGlite (in memory)
 *   TEST_DATABASE_URL=postgres://… node --import tsx bench/imports-memory.ts
 */
import { createHmac } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { imports } from '../src/modules/imports/imports.tables.ts';
import { buildApp } from '../src/app.ts';
import { approveMerchant, signUpMerchant } from '../src/modules/accounts/accounts.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { createScratchDatabase } from '../test/support/database.ts';

const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
const scratch = adminUrl ? await createScratchDatabase(adminUrl) : undefined;
const config = loadConfig(
  { LOG_LEVEL: 'silent' },
  { dataDir: 'memory://', databaseUrl: scratch?.url, masterKey: '00'.repeat(32), port: 0, host: '127.0.0.1', runWorkers: false },
);
const log = pino({ level: 'silent' });
const platform = await openPlatform(config, log);
const app = await buildApp(platform, { logger: log });
const url = await app.listen({ port: 0, host: '127.0.0.1' });

const domain = 'bench-imports.example.com';
const { merchantId } = await signUpMerchant(platform.db, {
  email: 'bench-imports@example.com',
  password: 'correct horse battery',
  businessName: 'Bench',
  domains: [domain],
});
const keys = (await approveMerchant(platform.db, platform.secrets, merchantId, null)).test;

const DESCRIPTION = 'A long product description, as some catalogs have. '.repeat(160); // ~8 KB per row

async function writeFile(megabytes: number, prefix: string): Promise<string> {
  const file = path.join(tmpdir(), `bench-import-${prefix}.csv`);
  const out = createWriteStream(file);
  let written = 0;
  const write = async (line: string) => {
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('externalProductId,name,productUrl,price,description\n');
  for (let i = 0; written < megabytes * 1024 * 1024 - 9000; i++)
    await write(`${prefix}-${i},Product ${i},https://${domain}/p/${prefix}-${i},19.99,"${DESCRIPTION}"\n`);
  out.end();
  await once(out, 'finish');
  return file;
}

async function run(megabytes: number, prefix: string) {
  const file = await writeFile(megabytes, prefix);
  const bytes = statSync(file).size;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const ts = String(Math.floor(Date.now() / 1000));
  const pathWithQuery = `/api/v1/imports?type=products`;
  const hmac = createHmac('sha256', keys.signingSecret).update(`${ts}.POST.${pathWithQuery}.`);
  for await (const chunk of createReadStream(file)) hmac.update(chunk as Buffer);
  const response = await fetch(`${url}${pathWithQuery}`, {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      'content-length': String(bytes),
      authorization: `Bearer ${keys.publishableKey}`,
      'x-timestamp': ts,
      'x-signature': hmac.digest('hex'),
    },
    body: createReadStream(file) as unknown as BodyInit,
    duplex: 'half',
  } as RequestInit);
  const created = (await response.json()) as { id: string };
  if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${JSON.stringify(created)}`);
  await platform.worker.runDueJobs();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const [view] = await platform.db.select().from(imports).where(eq(imports.id, created.id));
  rmSync(file, { force: true });
  return {
    megabytes: (bytes / 1024 / 1024).toFixed(1),
    rows: view?.rowsTotal,
    succeeded: view?.rowsSucceeded,
    status: view?.status,
    seconds: seconds.toFixed(1),
    peakRssMb: (peak / 1024 / 1024).toFixed(0),
  };
}

const baseline = (process.memoryUsage().rss / 1024 / 1024).toFixed(0);
const small = await run(5, 'S');
const large = await run(50, 'L');
console.log(JSON.stringify({ database: platform.database.kind, baselineRssMb: baseline, small, large }, null, 2));
await app.close();
await scratch?.drop();
