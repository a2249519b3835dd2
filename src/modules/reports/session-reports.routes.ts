import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/module.ts';
import type { Db } from '../../platform/db/client.ts';
import { resolveAffiliateId } from '../../platform/auth/resolve-principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { adminOverview } from './admin-reports.ts';
import { affiliateBreakdown, affiliateTimeseries } from './affiliate-reports.ts';
import { ClickStats, ClickStatsQuery } from '../tracking/index.ts';
import { affiliateClickStats } from './affiliate-click-stats.ts';
import { answerReport } from './answer-report.ts';
import {
  AdminOverviewReport,
  AdminReportQuery,
  AffiliateBreakdownQuery,
  AffiliateBreakdownReport,
  AffiliateReportQuery,
  AffiliateTimeseriesReport,
} from './reports.schemas.ts';

/** Dashboard-only reports: an affiliate's own numbers, and the platform's for admins. */
export function registerSessionReports(app: App, db: Db): void {
  for (const schema of [AffiliateTimeseriesReport, AffiliateBreakdownReport, AdminOverviewReport]) app.addSchema(schema);

  app.get(
    '/api/affiliate/reports/timeseries',
    {
      config: { principals: ['affiliateSession'] },
      schema: {
        tags: ['reports'],
        summary: 'Your clicks, conversions and earnings by state, per day',
        querystring: AffiliateReportQuery,
        response: { 200: Type.Ref(AffiliateTimeseriesReport), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const report = await affiliateTimeseries(db, resolveAffiliateId(request), request.query);
      return answerReport(
        reply,
        request.query.format,
        `earnings-${report.from}-${report.to}`,
        report,
        report.data,
        AffiliateTimeseriesReport.properties.data.items,
      );
    },
  );

  app.get(
    '/api/affiliate/reports/breakdown',
    {
      config: { principals: ['affiliateSession'] },
      schema: {
        tags: ['reports'],
        summary: 'Your range per link, sub-id or campaign',
        querystring: AffiliateBreakdownQuery,
        response: { 200: Type.Ref(AffiliateBreakdownReport), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const report = await affiliateBreakdown(db, resolveAffiliateId(request), request.query);
      return answerReport(
        reply,
        request.query.format,
        `${report.by}-${report.from}-${report.to}`,
        report,
        report.data,
        AffiliateBreakdownReport.properties.data.items,
      );
    },
  );

  app.get(
    '/api/affiliate/stats/clicks',
    {
      config: { principals: ['affiliateSession'] },
      schema: {
        tags: ['affiliate'],
        summary: 'Your clicks per day, link, campaign, traffic source or sub-id',
        querystring: ClickStatsQuery,
        response: { 200: ClickStats },
      },
    },
    async (request) => affiliateClickStats(db, resolveAffiliateId(request), request.query),
  );

  app.get(
    '/api/admin/reports/overview',
    {
      config: { principals: ['adminSession'] },
      schema: {
        tags: ['reports'],
        summary: 'Platform totals, money owed and paid, top merchants and affiliates (live)',
        querystring: AdminReportQuery,
        response: { 200: Type.Ref(AdminOverviewReport), ...errorResponses(400) },
      },
    },
    async (request) => adminOverview(db, request.query),
  );
}
