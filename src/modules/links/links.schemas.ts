import { Type, type TOptional, type TString } from '@sinclair/typebox';
import { MAX_SUB_ID_LENGTH, SUB_ID_KEYS, type SubIdKey } from '../../platform/sub-ids.ts';
import { PageQuery, Paginated } from '../../platform/http/pagination.ts';
import { Nullable } from '../affiliates/index.ts';

export const CreateLinkBody = Type.Object(
  { campaignId: Type.String({ maxLength: 64 }), productId: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);

export const Link = Type.Object({
  id: Type.String(),
  code: Type.String(),
  url: Type.String({ description: 'The short link to share: https://<host>/r/<code>' }),
  campaignId: Type.String(),
  campaignTitle: Type.String(),
  productId: Nullable(Type.String()),
  productName: Nullable(Type.String()),
  status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('ARCHIVED')]),
  createdAt: Type.String({ format: 'date-time' }),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
  clicks: Type.Integer({ description: 'Recorded clicks (bots and repeat clicks are not counted)' }),
  attributableClicks: Type.Integer(),
});

export const LinkListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    status: Type.Optional(Type.Union([Type.Literal('ACTIVE'), Type.Literal('ARCHIVED')])),
    campaignId: Type.Optional(Type.String({ format: 'uuid' })),
  }),
]);

export const LinkPage = Paginated(Link);
export const LinkParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** The sub-ids a QR code's address carries, as the redirect reads them. */
const QrSubIds = Object.fromEntries(
  SUB_ID_KEYS.map((key) => [
    key,
    Type.Optional(Type.String({ minLength: 1, maxLength: MAX_SUB_ID_LENGTH, description: `Put \`?${key}=…\` on the encoded link` })),
  ]),
) as Record<SubIdKey, TOptional<TString>>;
export const QrSvgQuery = Type.Object(QrSubIds, { additionalProperties: false });
export const QrQuery = Type.Object(
  { ...QrSubIds, size: Type.Optional(Type.Integer({ minimum: 128, maximum: 2048, default: 512, description: 'PNG width in pixels' })) },
  { additionalProperties: false },
);

export const LinkProductQuery = Type.Composite([
  PageQuery,
  Type.Object({ search: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'Part of the name or SKU, case-insensitive' })) }),
]);

export const LinkProduct = Type.Object({
  id: Type.String(),
  name: Type.String(),
  imageUrl: Nullable(Type.String()),
  productUrl: Type.String(),
  price: Type.String({ description: 'Decimal string in major units' }),
  discountPrice: Nullable(Type.String()),
  currency: Type.String(),
});
export const LinkProductPage = Paginated(LinkProduct);
export const CampaignParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
