import type { LinkWithNames } from './links.repository.ts';

export interface LinkView {
  id: string;
  code: string;
  url: string;
  campaignId: string;
  campaignTitle: string;
  productId: string | null;
  productName: string | null;
  status: 'ACTIVE' | 'ARCHIVED';
  createdAt: string;
  archivedAt: string | null;
  clicks: number;
  attributableClicks: number;
}

/** The public short URL of a code, on the platform's public address. */
export const shortUrl = (baseUrl: string, code: string) => `${baseUrl.replace(/\/+$/, '')}/r/${code}`;

export function toLinkView(row: LinkWithNames, baseUrl: string, counts = { clicks: 0, attributableClicks: 0 }): LinkView {
  return {
    id: row.link.id,
    code: row.link.code,
    url: shortUrl(baseUrl, row.link.code),
    campaignId: row.link.campaignId,
    campaignTitle: row.campaignTitle,
    productId: row.link.productId,
    productName: row.productName,
    status: row.link.status,
    createdAt: row.link.createdAt.toISOString(),
    archivedAt: row.link.archivedAt?.toISOString() ?? null,
    ...counts,
  };
}
