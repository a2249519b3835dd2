import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, tempDir, type TestApp } from './support/test-app.ts';

// docs/signing.md promises that each recipe, run as it is, creates a campaign and prints "201 <title>".
const run = promisify(execFile);
const guide = readFileSync('docs/signing.md', 'utf8');
const recipe = (language: string) => {
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(guide);
  if (!match) throw new Error(`docs/signing.md has no ${language} block`);
  return match[1]!;
};
const RECIPES: Array<{ language: string; file: string; command: string[]; title: string }> = [
  { language: 'sh', file: 'recipe.sh', command: ['bash', 'recipe.sh'], title: 'Signed from the shell' },
  { language: 'js', file: 'recipe.mjs', command: [process.execPath, 'recipe.mjs'], title: 'Signed from Node' },
  { language: 'python', file: 'recipe.py', command: ['python3', 'recipe.py'], title: 'Signed from Python' },
  { language: 'php', file: 'recipe.php', command: ['php', 'recipe.php'], title: 'Signed from PHP' },
];

const scratch = tempDir('influencemart-signing-');
let t: TestApp;
let merchant: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
});
afterAll(async () => {
  scratch.remove();
  await t.close();
});

describe(`the signing recipes of docs/signing.md, run as written, on ${backend}`, () => {
  for (const { language, file, command, title } of RECIPES) {
    it(`${language}: creates a campaign`, async () => {
      writeFileSync(join(scratch.dir, file), recipe(language));
      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        IM_BASE_URL: t.url,
        IM_PK: merchant.keys.test.publishableKey,
        IM_SK: merchant.keys.test.signingSecret,
      };
      // Asynchronously: the server answering it runs in this process.
      const { stdout } = await run(command[0]!, command.slice(1), { cwd: scratch.dir, env });
      expect(stdout.trim()).toBe(`201 ${title}`);
      const listed = await merchant.test.campaigns.list({ pageSize: 50 });
      expect(listed.data.map((campaign) => campaign.title)).toContain(title);
    });
  }
});
