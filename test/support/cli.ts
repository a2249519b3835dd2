import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Run the real `influencemart` command with --json and parse the one JSON object it prints. */
export async function cli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; json: any; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/influencemart.js', ...args, '--json'], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    const lines = stdout.trim().split('\n');
    if (lines.length !== 1) throw new Error(`expected exactly one line of JSON, got:\n${stdout}`);
    return { code: 0, json: JSON.parse(lines[0]!), stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failure.code !== 'number') throw error;
    return { code: failure.code, json: failure.stdout ? JSON.parse(failure.stdout.trim()) : null, stderr: failure.stderr ?? '' };
  }
}
