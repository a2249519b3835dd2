import { eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { links } from './links.tables.ts';

/** The ids of an affiliate's links, as a subquery for `inArray(x.linkId, affiliateLinkIds(id))`. */
export function affiliateLinkIds(affiliateId: string) {
  return new QueryBuilder().select({ id: links.id }).from(links).where(eq(links.affiliateId, affiliateId));
}
