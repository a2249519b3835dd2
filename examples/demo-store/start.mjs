// One command for the whole example: the platform with its demo data, and the example store beside it.
//   npm run example:store            (platform on :3000, store on :4100)
//   PORT=3100 STORE_PORT=4200 DATA_DIR=/tmp/example npm run example:store
// With --json it prints one JSON line ({ platformUrl, storeUrl, testLink, testKeys }) once both run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const json = process.argv.includes('--json');
const storePort = Number(process.env.STORE_PORT ?? 4100);
// `*.localhost` reaches this machine in any browser; the demo merchant owns this domain.
const storeUrl = `http://example-store.localhost:${storePort}`;

if (!existsSync(`${root}sdk/dist/index.js`)) {
  const built = spawnSync('npm', ['run', '--silent', 'build:sdk'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const { startStore } = await import('./store.mjs');

const platform = spawn(process.execPath, ['bin/influencemart.js', 'serve', '--demo', '--json', '--port', process.env.PORT ?? '3000'], {
  cwd: root,
  env: { LOG_LEVEL: 'warn', ...process.env, EXAMPLE_STORE_URL: storeUrl, OUTBOUND_ALLOW_PRIVATE: '1', RUN_WORKERS: process.env.RUN_WORKERS ?? '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const started = await new Promise((resolve, reject) => {
  platform.once('exit', (code) => reject(new Error(`the platform stopped (exit ${code})`)));
  createInterface({ input: platform.stdout }).once('line', (line) => resolve(JSON.parse(line)));
});
const { demo } = started;
let store;
const stopAll = async () => {
  await store?.close();
  platform.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stopAll().then(() => process.exit(0)));

store = await startStore({ platformUrl: started.url, ...demo.testKeys, port: storePort });
await store.registerWebhooks(`http://127.0.0.1:${storePort}`);

const summary = { platformUrl: started.url, storeUrl, testLink: demo.testLink, testKeys: demo.testKeys, logins: demo.logins };
if (json) console.log(JSON.stringify(summary));
else
  console.log(
    [
      `Influencemart  ${started.url}  (demo logins ${demo.logins.merchant}, ${demo.logins.affiliate}, ${demo.logins.admin}; password ${demo.logins.password})`,
      `Example store  ${storeUrl}`,
      '',
      `Open the demo affiliate's link: ${demo.testLink}`,
      'It lands on the store with a click id; buy the shoes, and the order is reported and attributed in',
      'test mode. "Mark as delivered" updates it; the store lists the webhooks it received.',
    ].join('\n'),
  );
