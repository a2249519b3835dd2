import { randomBytes, randomUUID } from 'node:crypto';

/** Public id prefixes; one per kind of record so an id says what it points at. */
export type IdPrefix =
  | 'usr'
  | 'mer'
  | 'key'
  | 'aff'
  | 'lnk'
  | 'clk'
  | 'cv'
  | 'com'
  | 'po'
  | 'evt'
  | 'whe'
  | 'whd'
  | 'job'
  | 'feed'
  | 'run'
  | 'imp'
  | 'req'
  | 'ses'
  | 'pm'
  | 'led'
  | 'aud'
  | 'inv'
  | 'stm'
  | 'stp'
  | 'pob'
  | 'dom'
  | 'ord'
  | 'eml';

/** `prefix_` followed by `bytes` random bytes in base64url (16 bytes = 128 bits, 22 characters). */
export function newId(prefix: IdPrefix, bytes = 16): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

export const newUuid = (): string => randomUUID();

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Human-friendly code from an unambiguous alphabet (no 0/O, 1/I). */
export function randomCode(length: number, alphabet = CODE_ALPHABET): string {
  const bytes = randomBytes(length);
  let out = '';
  // 256 is a multiple of 32 and 64, so the modulo below adds no bias for the alphabets used here.
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a path or body value can be a uuid id (anything else is simply not found). */
export const isUuid = (value: string) => UUID.test(value);
