import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMerchant, PASSWORD, type TestMerchant } from '../../test/support/factories.ts';
import { startHarness, type Harness } from './support/browser.ts';

let h: Harness;
let merchant: TestMerchant;
beforeAll(async () => {
  // Workers on, so uploaded imports run while the page watches.
  h = await startHarness({ workers: true });
  merchant = await makeMerchant(h.t);
}, 120_000);
afterAll(() => h?.close());

async function openImports() {
  const session = await h.newPage();
  const { page } = session;
  await page.goto('/login?next=%2Fmerchant%2Fimports');
  await page.getByLabel('Email', { exact: true }).fill(merchant.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/merchant/imports');
  await page.getByRole('heading', { name: 'Imports', exact: true, level: 1 }).waitFor();
  return session;
}

const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('the imports page', () => {
  it('previews a good orders file, runs it with progress and lists it', async () => {
    const { page, context, problems } = await openImports();
    const stamp = Date.now().toString(36);
    const rows = Array.from({ length: 5 }, (_, i) => `WEB-${stamp}-${i},${i + 1}0.00`).join('\n');
    await page.getByLabel('CSV file').setInputFiles(file('good-orders.csv', `orderId,amount\n${rows}\n`));
    const columns = page.getByRole('list', { name: 'Detected columns' });
    await columns.getByText('orderId').waitFor();
    expect(await columns.textContent()).not.toContain('unknown column');
    expect(await page.getByRole('table', { name: 'First rows of good-orders.csv' }).textContent()).toContain(`WEB-${stamp}-0`);
    await page.getByRole('button', { name: 'Start import' }).click();
    const result = page.getByRole('region', { name: 'Import good-orders.csv' });
    await result.getByText('Completed: 5 rows').waitFor({ timeout: 30_000 });
    expect(await result.getByRole('definition').allTextContents()).toEqual(['5', '0', '0']);
    await page.getByRole('region', { name: 'Past imports' }).getByRole('row').filter({ hasText: 'good-orders.csv' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the rows that failed with their line and column', async () => {
    const { page, context, problems } = await openImports();
    const stamp = Date.now().toString(36);
    await page.getByLabel('CSV file').setInputFiles(file('bad-rows.csv', `orderId,amount\nOK-${stamp},10.00\nBAD-${stamp},ten\n`));
    await page.getByRole('button', { name: 'Start import' }).click();
    const result = page.getByRole('region', { name: 'Import bad-rows.csv' });
    await result.getByText('Completed: 2 rows').waitFor({ timeout: 30_000 });
    const failedTable = result.getByRole('table', { name: 'Rows that failed' });
    const row = failedTable.getByRole('row').filter({ hasText: 'INVALID_DECIMAL' });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['3', 'amount', 'INVALID_DECIMAL', expect.stringContaining('decimal')]);
    await result.getByRole('button', { name: 'Download failed rows' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a bad header and names the column', async () => {
    const { page, context, problems } = await openImports();
    await page.getByLabel('CSV file').setInputFiles(file('bad-header.csv', 'orderId,amout\nX,1.00\n'));
    await page.getByRole('list', { name: 'Detected columns' }).getByText('amout (unknown column)').waitFor();
    await page.getByRole('button', { name: 'Start import' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('amout');
    expect(await alert.textContent()).toContain('amount');
    expect(problems).toEqual([]);
    await context.close();
  });
});
