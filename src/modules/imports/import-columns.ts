import type { ErrorDetail } from '../../platform/errors.ts';
import type { ImportType } from './imports.tables.ts';

interface ColumnSet {
  required: readonly string[];
  optional: readonly string[];
  /** A header and one example row, for the downloadable template. */
  example: Record<string, string>;
}

/** The columns of each import type: the API's own field names (SPEC §5). */
export const IMPORT_COLUMNS: Record<ImportType, ColumnSet> = {
  products: {
    required: ['externalProductId', 'name', 'productUrl', 'price'],
    optional: ['description', 'imageUrl', 'category', 'brand', 'discountPrice', 'currency', 'stockStatus', 'commissionType', 'commissionValue', 'campaignId'],
    example: {
      externalProductId: 'SKU-1001',
      name: 'Pashmina shawl',
      productUrl: 'https://shop.example.com/p/sku-1001',
      price: '2999.00',
      currency: 'NPR',
      commissionType: 'PERCENTAGE',
      commissionValue: '10',
    },
  },
  orders: {
    required: ['orderId', 'amount'],
    optional: ['clickId', 'occurredAt', 'currency', 'status', 'sku', 'qty', 'price'],
    example: {
      orderId: 'ORD-1001',
      clickId: 'clk_example',
      occurredAt: '2026-01-15T10:30:00Z',
      currency: 'NPR',
      amount: '2999.00',
      status: 'pending',
      sku: 'SKU-1001',
      qty: '1',
      price: '2999.00',
    },
  },
  'order-status': {
    required: ['orderId', 'status'],
    optional: ['refundAmount', 'occurredAt'],
    example: { orderId: 'ORD-1001', status: 'delivered', refundAmount: '', occurredAt: '2026-01-20T09:00:00Z' },
  },
};

/** Header matching ignores case, surrounding spaces and a byte-order mark. */
const normalize = (name: string) =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

export type HeaderCheck = { ok: true; fields: string[] } | { ok: false; details: ErrorDetail[] };

/** Map each header column to its field; every unknown, repeated or missing required column is reported. */
export function checkHeader(type: ImportType, header: readonly string[]): HeaderCheck {
  const { required, optional } = IMPORT_COLUMNS[type];
  const byName = new Map([...required, ...optional].map((field) => [field.toLowerCase(), field]));
  const details: ErrorDetail[] = [];
  const fields: string[] = [];
  const seen = new Set<string>();
  header.forEach((raw, index) => {
    const field = byName.get(normalize(raw));
    if (!field) {
      details.push({
        field: raw,
        code: 'UNKNOWN_COLUMN',
        message: `column ${index + 1} "${raw}" is not a ${type} column; expected one of ${[...required, ...optional].join(', ')}`,
      });
    } else if (seen.has(field)) {
      details.push({ field, code: 'DUPLICATE_COLUMN', message: `column ${index + 1} repeats ${field}` });
    }
    if (field) seen.add(field);
    fields.push(field ?? '');
  });
  for (const field of required) if (!seen.has(field)) details.push({ field, code: 'MISSING_COLUMN', message: `the required column ${field} is missing` });
  return details.length > 0 ? { ok: false, details } : { ok: true, fields };
}

/** The template file of a type: its header and one example row. */
export function templateCsv(type: ImportType): string {
  const { required, optional, example } = IMPORT_COLUMNS[type];
  const columns = [...required, ...optional];
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${columns.join(',')}\n${columns.map((c) => quote(example[c] ?? '')).join(',')}\n`;
}
