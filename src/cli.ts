import { parseArgs } from 'node:util';
import { commands } from './commands.ts';
import type { Command, CommandResult } from './platform/command.ts';
import { loadConfig } from './platform/config.ts';
import { migrateDatabase, openDatabase } from './platform/db/client.ts';
import { resolveMasterKey } from './platform/crypto/master-key.ts';
import { createSecretBox } from './platform/crypto/secret-box.ts';
import { seedDemo, type DemoSummary } from './seed/demo.ts';
import { startServer, stopOnSignals } from './server.ts';

const USAGE = `Usage: influencemart <command> [options]

Commands:
  serve [--port 3000] [--data-dir ./data] [--demo]   apply migrations, then serve (--demo loads demo data first)
  migrate                                             apply pending database migrations
${commands.map((c) => `  ${c.usage}`).join('\n')}

Every command accepts --json (prints exactly one JSON object) and --data-dir.
Set DATABASE_URL=postgres://… to use PostgreSQL instead of the embedded PGlite database.`;

const commandOptions = Object.assign({}, ...commands.map((c) => c.options ?? {})) as Record<string, { type: 'string' | 'boolean' }>;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...commandOptions,
    json: { type: 'boolean' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    demo: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
const json = values.json === true;
const config = loadConfig({
  ...process.env,
  ...(typeof values.port === 'string' ? { PORT: values.port } : {}),
  ...(typeof values['data-dir'] === 'string' ? { DATA_DIR: values['data-dir'] } : {}),
});

function print(result: CommandResult): void {
  process.stdout.write(`${json ? JSON.stringify(result.json) : result.human}\n`);
}

async function serve(): Promise<void> {
  let demo: DemoSummary | undefined;
  const server = await startServer(config, {
    beforeListen: values.demo
      ? async (platform) => {
          // EXAMPLE_STORE_URL: where examples/demo-store runs, when not on its default address.
          demo = await seedDemo(platform.db, platform.secrets, { exampleStoreUrl: process.env.EXAMPLE_STORE_URL || undefined });
        }
      : undefined,
  });
  stopOnSignals(server);
  const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  print({
    json: {
      url: server.url,
      dashboard: `${server.url}/`,
      docs: `${server.url}/docs`,
      database: config.databaseUrl ? 'postgres' : 'pglite',
      ...(demo ? { demo: { logins: demo.logins, merchantId: demo.merchantId, testKeys: demo.testKeys, testLink: testLinkUrl(server.url, demo) } } : {}),
    },
    human: [
      `Influencemart is running at ${server.url}`,
      `  Dashboard   ${server.url}/`,
      `  Campaigns   ${server.url}/campaigns`,
      `  API docs    ${server.url}/docs`,
      `  OpenAPI     ${server.url}/api/v1/openapi.json`,
      `  Database    ${database}`,
      ...(demo ? demoLines(demo, server.url) : []),
    ]
      .filter(Boolean)
      .join('\n'),
  });
}

const testLinkUrl = (url: string, demo: DemoSummary) => (demo.testLinkCode ? `${url}/r/${demo.testLinkCode}` : undefined);

function demoLines(demo: DemoSummary, url: string): string[] {
  const testLink = testLinkUrl(url, demo);
  return [
    `  Demo logins ${demo.logins.merchant}, ${demo.logins.affiliate}, ${demo.logins.admin} (password ${demo.logins.password})`,
    ...(demo.testKeys
      ? [
          `  Demo merchant test keys (sign merchant API requests with these):`,
          `    publishable key  ${demo.testKeys.publishableKey}`,
          `    signing secret   ${demo.testKeys.signingSecret}`,
        ]
      : ['  The demo merchant has no active test key pair (it was revoked); rotate one in the dashboard.']),
    ...(testLink ? [`  Demo affiliate's test link (to the example store, npm run example:store): ${testLink}`] : []),
  ];
}

async function runCommand(command: Command): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  try {
    await migrateDatabase(database);
    const secrets = createSecretBox(resolveMasterKey(config));
    const result = await command.run({ db: database.db, config, secrets, flags: values });
    print(result);
    if (result.exitCode) process.exitCode = result.exitCode;
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const words = positionals;
  if (words.length === 0 || values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = words.length === 0 && !values.help ? 2 : 0;
    return;
  }
  if (words[0] === 'serve') return serve();
  if (words[0] === 'migrate') {
    await runCommand({ path: ['migrate'], usage: '', run: async () => ({ json: { migrated: true }, human: 'Migrations applied.' }) });
    return;
  }
  const command = commands.find((c) => c.path.length === words.length && c.path.every((word, i) => word === words[i]));
  if (!command) {
    process.stderr.write(`Unknown command "${words.join(' ')}".\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  await runCommand(command);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (json) process.stdout.write(`${JSON.stringify({ error: { message } })}\n`);
  process.stderr.write(`influencemart: ${message}\n`);
  process.exitCode = 1;
});
