import { Type } from '@sinclair/typebox';
import { Money, StringEnum } from '../../platform/http/schemas.ts';
import { MAX_REPORT_DAYS } from './report-range.ts';
import { AFFILIATE_BREAKDOWNS, AFFILIATE_SORTS } from './affiliate-reports.ts';
import { BREAKDOWNS } from './merchant-reports.ts';
import { REPORT_SORTS } from './read-report-buckets.ts';

const range = {
  from: Type.Optional(Type.String({ description: 'First day `YYYY-MM-DD` (inclusive); default 29 days before `to`' })),
  to: Type.Optional(Type.String({ description: `Last day \`YYYY-MM-DD\` (inclusive); default today in \`tz\`. At most ${MAX_REPORT_DAYS} days in all.` })),
  tz: Type.Optional(Type.String({ description: 'IANA time zone the days are counted in; default Asia/Kathmandu' })),
  campaignId: Type.Optional(Type.String({ format: 'uuid', description: 'Only this campaign' })),
  format: Type.Optional(StringEnum(['json', 'csv'] as const, { description: '`csv` answers text/csv with the same columns' })),
};
const limit = (max: number, fallback: number) => Type.Optional(Type.Integer({ minimum: 1, maximum: max, description: `default ${fallback}` }));

const page = Type.Optional(Type.Integer({ minimum: 1, description: 'Page of `limit` rows, from 1; default 1' }));
const sort = <const T extends readonly string[]>(values: T, fallback: T[number]) =>
  Type.Optional(StringEnum(values, { description: `Most first; default ${fallback}` }));

export const ReportQuery = Type.Object(range, { additionalProperties: false });
export const AffiliatesReportQuery = Type.Object(
  { ...range, limit: limit(100, 10), page, sort: sort(REPORT_SORTS, 'commission') },
  { additionalProperties: false },
);
export const BreakdownQuery = Type.Object(
  { ...range, by: StringEnum(BREAKDOWNS), limit: limit(500, 100), page, sort: sort(REPORT_SORTS, 'commission') },
  { additionalProperties: false },
);

const Header = {
  from: Type.String({ description: 'YYYY-MM-DD' }),
  to: Type.String({ description: 'YYYY-MM-DD' }),
  tz: Type.String(),
  currency: Type.String({ description: "Amounts are in this currency (the merchant's); orders in another currency count as conversions only" }),
};
const Paging = {
  page: Type.Integer({ description: 'This page, from 1' }),
  pageSize: Type.Integer({ description: 'Rows per page (`limit`)' }),
  total: Type.Integer({ description: 'Rows of the whole report, over every page' }),
};
const Figures = {
  clicks: Type.Integer({ description: 'Attributable human clicks' }),
  conversions: Type.Integer({ description: "Attributed orders by the order's time; a later refund does not remove one" }),
  revenue: Money('Attributed order amounts net of refunds; cancelled and returned orders count none'),
  commission: Money('Commission except reversed and rejected'),
};

export const SummaryReport = Type.Object(
  {
    ...Header,
    ...Figures,
    conversionRate: Type.Number({ description: 'conversions / clicks, 4 decimals' }),
    earningsPerClick: Money('commission / clicks, rounded down'),
  },
  { $id: 'SummaryReport' },
);
export const TimeseriesReport = Type.Object(
  { ...Header, data: Type.Array(Type.Object({ date: Type.String({ description: 'YYYY-MM-DD' }), ...Figures })) },
  { $id: 'TimeseriesReport' },
);
export const AffiliatesReport = Type.Object(
  { ...Header, ...Paging, data: Type.Array(Type.Object({ affiliateId: Type.String(), displayName: Type.String(), ...Figures })) },
  { $id: 'AffiliatesReport' },
);
export const BreakdownReport = Type.Object(
  {
    ...Header,
    by: StringEnum(BREAKDOWNS),
    ...Paging,
    data: Type.Array(
      Type.Object({
        key: Type.String({ description: 'Campaign id, product id, link id or sub-id (`sub1`); empty for none' }),
        label: Type.String({ description: "The campaign's title, the product's name, the link's code or the sub-id; empty for none" }),
        ...Figures,
        conversionRate: Type.Number(),
      }),
    ),
  },
  { $id: 'BreakdownReport' },
);

const currencyParam = Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'Amounts in this currency; default NPR' }));
const { format: _format, campaignId, ...days } = range;

export const AffiliateReportQuery = Type.Object({ ...days, campaignId, currency: currencyParam, format: range.format }, { additionalProperties: false });
export const AffiliateBreakdownQuery = Type.Object(
  {
    ...days,
    campaignId,
    currency: currencyParam,
    format: range.format,
    by: StringEnum(AFFILIATE_BREAKDOWNS),
    limit: limit(500, 100),
    page,
    sort: sort(AFFILIATE_SORTS, 'earnings'),
  },
  { additionalProperties: false },
);
const Earnings = {
  clicks: Type.Integer({ description: 'Attributable human clicks' }),
  conversions: Type.Integer(),
  earnings: Money('Commission except reversed and rejected'),
  pending: Money('Pending and on hold'),
  approved: Money(),
  payable: Money(),
  paid: Money(),
  reversed: Money('Reversed and rejected'),
};
export const AffiliateTimeseriesReport = Type.Object(
  { ...Header, totals: Type.Object(Earnings), data: Type.Array(Type.Object({ date: Type.String({ description: 'YYYY-MM-DD' }), ...Earnings })) },
  { $id: 'AffiliateTimeseriesReport' },
);
export const AffiliateBreakdownReport = Type.Object(
  {
    ...Header,
    by: StringEnum(AFFILIATE_BREAKDOWNS),
    ...Paging,
    data: Type.Array(
      Type.Object({
        key: Type.String({ description: 'Link id, sub-id (`sub1`) or campaign id; empty for none' }),
        label: Type.String({ description: "The link's code, the sub-id or the campaign's title; empty for none" }),
        ...Earnings,
        conversionRate: Type.Number(),
        earningsPerClick: Money(),
      }),
    ),
  },
  { $id: 'AffiliateBreakdownReport' },
);

export const AdminReportQuery = Type.Object({ ...days, currency: currencyParam, limit: limit(100, 10) }, { additionalProperties: false });
export const AdminOverviewReport = Type.Object(
  {
    ...Header,
    ...Figures,
    pending: Money('Pending and on hold'),
    owed: Type.Object({ approved: Money('Approved, not yet billed or paid'), payable: Money('Payable to affiliates, not yet paid') }),
    paid: Money(),
    reversed: Money('Reversed and rejected'),
    topMerchants: Type.Array(Type.Object({ merchantId: Type.String(), businessName: Type.String(), ...Figures })),
    topAffiliates: Type.Array(Type.Object({ affiliateId: Type.String(), displayName: Type.String(), ...Figures })),
  },
  { $id: 'AdminOverviewReport' },
);
