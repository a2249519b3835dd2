import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The module boundary rule as the project's lint configuration applies it (docs/development.md).
const eslint = new ESLint();

async function boundaryErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'modules/boundaries').map((message) => message.message);
}

describe('module boundaries lint rule', () => {
  it('fails an import of another module’s tables', async () => {
    const errors = await boundaryErrors(
      'src/modules/links/planted.ts',
      "import { campaigns } from '../campaigns/campaigns.tables.ts';\nexport const planted = campaigns;\n",
    );
    expect(errors).toEqual([expect.stringContaining('src/modules/campaigns/campaigns.tables.ts is private to the campaigns module')]);
  });

  it('fails an import of another module’s repository or internals, type-only or re-exported', async () => {
    const errors = await boundaryErrors(
      'src/modules/links/planted.ts',
      "import type { Tenant } from '../campaigns/campaigns.repository.ts';\nexport { createCampaign } from '../campaigns/create-campaign.ts';\nexport type Planted = Tenant;\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('fails platform/ importing from a module, even its index', async () => {
    const errors = await boundaryErrors(
      'src/platform/planted.ts',
      "import { recordAudit } from '../modules/audit/index.ts';\nexport const planted = recordAudit;\n",
    );
    expect(errors).toEqual([expect.stringContaining('src/platform/ imports nothing from modules/')]);
  });

  it('allows a module’s index, its own files, a foreign key between tables and the schema assembly', async () => {
    expect(
      await boundaryErrors(
        'src/modules/links/planted.ts',
        "import { createCampaign } from '../campaigns/index.ts';\nimport { links } from './links.tables.ts';\nexport const planted = [createCampaign, links];\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'src/modules/links/planted.tables.ts',
        "import { campaigns } from '../campaigns/campaigns.tables.ts';\nexport const planted = campaigns;\n",
      ),
    ).toEqual([]);
    expect(await boundaryErrors('src/schema.ts', "export * from './modules/campaigns/campaigns.tables.ts';\n")).toEqual([]);
  });
});

describe('module graph check', () => {
  it('passes on the tree: no cycles besides the known ones, no unknown boundary violations, the drawn graph current', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/module-boundaries/graph.js']);
    expect(stdout).toMatch(/^\d+ modules, \d+ dependencies between them, 0 cycles/);
  });
});
