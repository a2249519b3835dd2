import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Paginated } from '../../platform/http/pagination.ts';
import { Nullable } from '../affiliates/index.ts';

const SubIds = Type.Object(
  {
    sub1: Type.Optional(Type.String()),
    sub2: Type.Optional(Type.String()),
    sub3: Type.Optional(Type.String()),
    sub4: Type.Optional(Type.String()),
    sub5: Type.Optional(Type.String()),
  },
  { description: 'Sub-ids the affiliate put on the link (?sub1=… to ?sub5=…)' },
);

/** A click as the merchant sees it: never the IP (not even its hash). */
export const Click = Type.Object({
  clickId: Type.String(),
  livemode: Type.Boolean(),
  linkId: Type.String(),
  affiliateId: Type.String(),
  campaignId: Type.String(),
  productId: Nullable(Type.String()),
  clickedAt: Type.String({ format: 'date-time' }),
  attributable: Type.Boolean({ description: 'False when the link, product or campaign was switched off at click time' }),
  unattributableReason: Nullable(Type.String()),
  trafficSource: Nullable(Type.String()),
  referrer: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  subIds: SubIds,
  riskFlags: Type.Array(Type.String()),
});

export const ClickParams = Type.Object({ clickId: Type.String({ maxLength: 80 }) });

export const ClickListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    linkId: Type.Optional(Type.String({ maxLength: 64 })),
    campaignId: Type.Optional(Type.String({ format: 'uuid' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Clicks at or after this time' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Clicks before this time' })),
  }),
]);

export const ClickPage = Paginated(Click);

export const STATS_GROUPS = ['day', 'link', 'campaign', 'trafficSource', 'sub1', 'sub2', 'sub3', 'sub4', 'sub5'] as const;

export const ClickStatsQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: 30 days ago' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now' })),
  linkId: Type.Optional(Type.String({ maxLength: 64 })),
  campaignId: Type.Optional(Type.String({ format: 'uuid' })),
  groupBy: Type.Optional(
    Type.Union([
      Type.Literal('day'),
      Type.Literal('link'),
      Type.Literal('campaign'),
      Type.Literal('trafficSource'),
      Type.Literal('sub1'),
      Type.Literal('sub2'),
      Type.Literal('sub3'),
      Type.Literal('sub4'),
      Type.Literal('sub5'),
    ]),
  ),
});

export const ClickStats = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  groupBy: Type.String(),
  clicks: Type.Integer(),
  attributableClicks: Type.Integer(),
  groups: Type.Array(Type.Object({ key: Nullable(Type.String()), clicks: Type.Integer(), attributableClicks: Type.Integer() })),
});

export const SetAsideClick = Type.Object({
  clickId: Type.String(),
  merchantId: Type.String(),
  linkId: Type.String(),
  clickedAt: Type.String({ format: 'date-time' }),
  setAsideAt: Type.String({ format: 'date-time' }),
  reason: Type.String({ description: "The database's refusal" }),
  click: Type.String({ description: 'The click as recorded, as JSON text' }),
});
export const SetAsideClickPage = Paginated(SetAsideClick);

const Fix = (maxLength: number) => Nullable(Type.String({ maxLength }));
/** What an admin may correct before replaying a set-aside click: the fields a visitor's request supplied. */
export const SetAsideClickFixes = Type.Object(
  {
    userAgent: Type.Optional(Fix(512)),
    referrer: Type.Optional(Fix(1000)),
    subIds: Type.Optional(
      Type.Object(
        {
          sub1: Type.Optional(Type.String({ maxLength: 100 })),
          sub2: Type.Optional(Type.String({ maxLength: 100 })),
          sub3: Type.Optional(Type.String({ maxLength: 100 })),
          sub4: Type.Optional(Type.String({ maxLength: 100 })),
          sub5: Type.Optional(Type.String({ maxLength: 100 })),
        },
        { additionalProperties: false, description: 'Replaces the recorded sub-ids whole' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SetAsideClickFixes = Static<typeof SetAsideClickFixes>;

export const ReplayedClick = Type.Object({
  clickId: Type.String(),
  merchantId: Type.String(),
  linkId: Type.String(),
  clickedAt: Type.String({ format: 'date-time' }),
  stored: Type.Literal(true),
});
