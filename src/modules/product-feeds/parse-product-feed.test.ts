import { describe, expect, it } from 'vitest';
import { MAX_FEED_ITEMS, parseProductFeed } from './parse-product-feed.ts';

const product = { externalProductId: 'A-1', name: 'Tea', productUrl: 'https://shop.example.com/a', price: '10.00' };

describe('parseProductFeed', () => {
  it.each([
    ['a JSON array', JSON.stringify([product]), 'AUTO', undefined],
    ['a JSON object with products', JSON.stringify({ products: [product] }), 'AUTO', undefined],
    ['JSON by content type', ` ${JSON.stringify([product])}`, 'AUTO', 'application/json; charset=utf-8'],
    ['JSON when the format says so', JSON.stringify([product]), 'JSON', 'text/plain'],
  ] as const)('reads %s', (_name, body, format, contentType) => {
    expect(parseProductFeed(body, format, contentType)).toEqual({ ok: true, format: 'JSON', items: [product] });
  });

  it('reads CSV with loose headers, ignores unknown columns and normalises enums', () => {
    const csv =
      '\ufeffSKU,Title,Link,Price,Sale Price,Availability,Commission Type,commission_value,Colour\n' +
      'A-1,"Tea, green",https://shop.example.com/a,10.00,,in stock,percentage,5,green\n' +
      '\n' +
      'A-2,Coffee,https://shop.example.com/b,12.50,11.00,out of stock,,,\n';
    const result = parseProductFeed(Buffer.from(csv), 'AUTO', 'text/csv');
    expect(result).toEqual({
      ok: true,
      format: 'CSV',
      items: [
        {
          externalProductId: 'A-1',
          name: 'Tea, green',
          productUrl: 'https://shop.example.com/a',
          price: '10.00',
          discountPrice: null,
          stockStatus: 'IN_STOCK',
          commissionType: 'PERCENTAGE',
          commissionValue: '5',
        },
        {
          externalProductId: 'A-2',
          name: 'Coffee',
          productUrl: 'https://shop.example.com/b',
          price: '12.50',
          discountPrice: '11.00',
          stockStatus: 'OUT_OF_STOCK',
          commissionType: null,
          commissionValue: null,
        },
      ],
    });
  });

  it('sniffs CSV when nothing says JSON', () => {
    const result = parseProductFeed('externalProductId,name,productUrl,price\nB,Bag,https://s.example.com/b,5\n', 'AUTO', 'application/octet-stream');
    expect(result).toMatchObject({
      ok: true,
      format: 'CSV',
      items: [{ externalProductId: 'B', name: 'Bag', productUrl: 'https://s.example.com/b', price: '5' }],
    });
  });

  it.each([
    ['broken JSON', '[{"a":', 'JSON'],
    ['JSON that is not a list', '{"items": []}', 'JSON'],
    ['broken CSV quoting', 'sku,name\n"A-1,Tea\n', 'CSV'],
  ] as const)('refuses %s', (_name, body, format) => {
    expect(parseProductFeed(body, format)).toMatchObject({ ok: false, code: 'PARSE_ERROR' });
  });

  it('refuses a feed with too many products', () => {
    const body = JSON.stringify(Array.from({ length: MAX_FEED_ITEMS + 1 }, () => ({})));
    expect(parseProductFeed(body, 'JSON')).toMatchObject({ ok: false, code: 'FEED_TOO_LARGE' });
  });
});
