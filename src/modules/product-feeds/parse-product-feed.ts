import { parse as parseCsv } from 'csv-parse/sync';
import type { FeedFormat } from './product-feeds.tables.ts';

/** A feed may list at most this many products; the upsert engine takes them 5000 at a time. */
export const MAX_FEED_ITEMS = 50_000;

export type FeedParseResult = { ok: true; format: 'JSON' | 'CSV'; items: unknown[] } | { ok: false; code: 'PARSE_ERROR' | 'FEED_TOO_LARGE'; message: string };

/**
 * CSV headers are matched loosely ("External Product ID", "external_product_id", "sku" …); columns
 * that name no ProductInput field are ignored. An empty cell in a known column is null, which
 * clears that optional field of an existing product, like null in the API.
 */
const CSV_COLUMNS: Record<string, string> = {
  externalproductid: 'externalProductId',
  sku: 'externalProductId',
  id: 'externalProductId',
  name: 'name',
  title: 'name',
  description: 'description',
  producturl: 'productUrl',
  link: 'productUrl',
  url: 'productUrl',
  imageurl: 'imageUrl',
  imagelink: 'imageUrl',
  image: 'imageUrl',
  category: 'category',
  brand: 'brand',
  price: 'price',
  discountprice: 'discountPrice',
  saleprice: 'discountPrice',
  currency: 'currency',
  stockstatus: 'stockStatus',
  availability: 'stockStatus',
  commissiontype: 'commissionType',
  commissionvalue: 'commissionValue',
  campaignid: 'campaignId',
};

/** Fields whose CSV spelling is loose ("in stock", "percentage") and is normalised to the API's. */
const ENUM_FIELDS = new Set(['stockStatus', 'commissionType', 'currency']);

const normalizeHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

function detectFormat(format: FeedFormat, contentType: string | undefined, text: string): 'JSON' | 'CSV' {
  if (format !== 'AUTO') return format;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'JSON';
  if (type.includes('csv')) return 'CSV';
  return /^\s*[[{]/.test(text) ? 'JSON' : 'CSV';
}

function fromJson(text: string): FeedParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'PARSE_ERROR', message: `The feed is not valid JSON: ${(error as Error).message}` };
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { products?: unknown } | null)?.products;
  if (!Array.isArray(items))
    return { ok: false, code: 'PARSE_ERROR', message: 'A JSON feed must be an array of products or an object with a "products" array' };
  return { ok: true, format: 'JSON', items };
}

function fromCsv(text: string): FeedParseResult {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, {
      bom: true,
      columns: (headers: string[]) => headers.map((header) => CSV_COLUMNS[normalizeHeader(header)] ?? false),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as Record<string, string>[];
  } catch (error) {
    return { ok: false, code: 'PARSE_ERROR', message: `The feed is not valid CSV: ${(error as Error).message}` };
  }
  const items = rows.map((row) => {
    const item: Record<string, string | null> = {};
    for (const [field, value] of Object.entries(row)) {
      if (value === undefined) continue;
      if (value === '') item[field] = null;
      else item[field] = ENUM_FIELDS.has(field) ? value.toUpperCase().replace(/[\s-]+/g, '_') : value;
    }
    return item;
  });
  return { ok: true, format: 'CSV', items };
}

/** Turn a fetched feed body into ProductInput-shaped items for the upsert engine. */
export function parseProductFeed(body: Buffer | string, format: FeedFormat, contentType?: string): FeedParseResult {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const result = detectFormat(format, contentType, text) === 'JSON' ? fromJson(text) : fromCsv(text);
  if (result.ok && result.items.length > MAX_FEED_ITEMS) {
    return { ok: false, code: 'FEED_TOO_LARGE', message: `The feed lists ${result.items.length} products; at most ${MAX_FEED_ITEMS} are read per feed` };
  }
  return result;
}
