import { randomCode } from '../../platform/ids.ts';

/**
 * Ten characters from a 32-letter alphabet without look-alikes (no 0/O, 1/I): 50 random bits, so
 * codes cannot be enumerated; the unique index on links.code catches the rare collision.
 */
export const LINK_CODE_LENGTH = 10;

export const newLinkCode = (): string => randomCode(LINK_CODE_LENGTH);
