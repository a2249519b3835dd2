import { randomFillSync } from 'node:crypto';

const ID_BYTES = 16; // 128 random bits → 22 base64url characters
const POOL_IDS = 256;
const pool = Buffer.allocUnsafe(ID_BYTES * POOL_IDS);
let offset = pool.length;

/**
 * A fresh click id: `clk_` and 128 bits from the system CSPRNG, URL-safe. Bytes are drawn in blocks
 * of 4 KiB so the redirect does not pay for a CSPRNG call per click; each id uses its bytes once.
 */
export function newClickId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const id = `clk_${pool.toString('base64url', offset, offset + ID_BYTES)}`;
  offset += ID_BYTES;
  return id;
}

export const CLICK_ID_PATTERN = /^clk_[A-Za-z0-9_-]{22,64}$/;
