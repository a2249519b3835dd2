import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, postgresAdminUrl } from './support/database.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/server-process.ts';
import { tempDir } from './support/test-app.ts';

const run = promisify(execFile);

/**
 * docs/quickstart.md, run literally. Its ```sh blocks are executed in order in one bash session (so
 * shell functions and variables carry over); ```bash blocks are the reader's own set-up (install,
 * start, export keys), which this test does itself. Each ```json block after a ```sh block is the
 * expected output: the last JSON line the block printed must contain it.
 */
interface Step {
  script: string;
  expected?: unknown;
}

function stepsOf(markdown: string): Step[] {
  const steps: Step[] = [];
  for (const [, lang, body] of markdown.matchAll(/```(\w+)\n([\s\S]*?)```/g)) {
    if (lang === 'sh') steps.push({ script: body! });
    else if (lang === 'json' && steps.length > 0 && steps.at(-1)!.expected === undefined) steps.at(-1)!.expected = JSON.parse(body!);
  }
  return steps;
}

describe('docs/quickstart.md', { timeout: 180_000 }, () => {
  let server: ServerProcess;
  let cleanup: () => Promise<void>;
  const work = tempDir();

  beforeAll(async () => {
    const scratch = postgresAdminUrl ? await createScratchDatabase(postgresAdminUrl) : undefined;
    const env = scratch ? { DATABASE_URL: scratch.url, MASTER_KEY: 'ef'.repeat(32) } : { DATA_DIR: `${work.dir}/data` };
    server = await startServerProcess({ ...env, OUTBOUND_ALLOW_PRIVATE: '1', RUN_WORKERS: '1', JOB_POLL_INTERVAL_MS: '100' }, 90_000, ['--demo']);
    cleanup = async () => {
      await server.stop();
      await scratch?.drop();
    };
  });
  afterAll(async () => {
    await cleanup?.();
    work.remove();
  });

  it('takes a fresh server to an attributed test order and a delivered webhook, exactly as written', async () => {
    const steps = stepsOf(readFileSync('docs/quickstart.md', 'utf8'));
    expect(steps.length).toBeGreaterThanOrEqual(8);
    expect(steps.every((step) => step.expected !== undefined)).toBe(true);

    const marker = '@@quickstart-step-end@@';
    const script = ['set -eu', "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT", ...steps.map((step) => `${step.script}\nprintf '\\n${marker}\\n'`)].join(
      '\n',
    );
    const { testKeys } = server.printed.demo as { testKeys: { publishableKey: string; signingSecret: string } };
    const { stdout } = await run('bash', ['-c', script], {
      cwd: work.dir,
      env: { ...process.env, IM_URL: server.url, IM_PK: testKeys.publishableKey, IM_SK: testKeys.signingSecret, RECEIVER_PORT: String(await freePort()) },
      timeout: 150_000,
    });

    const outputs = stdout.split(marker).slice(0, steps.length);
    expect(outputs).toHaveLength(steps.length);
    steps.forEach((step, index) => {
      const lines = outputs[index]!.trim()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      expect(lines.length, `step ${index + 1} printed no JSON:\n${outputs[index]}`).toBeGreaterThan(0);
      expect(JSON.parse(lines.at(-1)!), `step ${index + 1}:\n${step.script}`).toMatchObject(step.expected as object);
    });
  });
});
