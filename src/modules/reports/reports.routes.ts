import { Type, type TSchema } from '@sinclair/typebox';
import type { App, ModuleRegister } from '../../platform/module.ts';
import { resolveTenant } from '../../platform/auth/resolve-principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { answerReport } from './answer-report.ts';
import { registerSessionReports } from './session-reports.routes.ts';
import { merchantBreakdown, merchantSummary, merchantTimeseries, merchantTopAffiliates } from './merchant-reports.ts';
import { AffiliatesReport, AffiliatesReportQuery, BreakdownQuery, BreakdownReport, ReportQuery, SummaryReport, TimeseriesReport } from './reports.schemas.ts';

const signed = { tags: ['reports'], security: [{ apiKey: [] }] };
const merchant = { principals: ['merchantKey' as const, 'merchantSession' as const] };
const ok = (schema: TSchema) => ({
  200: Type.Ref(schema),
  ...errorResponses({
    VALIDATION_FAILED: {
      when: 'A date is not `YYYY-MM-DD`, `from` is after `to`, the range is longer than a report covers, or `tz` is not an IANA time zone.',
      message: 'from: must not be after to',
      details: [{ field: 'from', code: 'FROM_AFTER_TO', message: 'must not be after to' }],
    },
  }),
});

/** Merchant reports (SPEC §10 Reports): read from the roll-ups, never from raw clicks. */
export const registerReports: ModuleRegister = (app: App, { db }) => {
  for (const schema of [SummaryReport, TimeseriesReport, AffiliatesReport, BreakdownReport]) app.addSchema(schema);
  registerSessionReports(app, db);

  app.get(
    '/api/v1/reports/summary',
    { config: merchant, schema: { ...signed, summary: 'Totals of a date range', querystring: ReportQuery, response: ok(SummaryReport) } },
    async (request, reply) => {
      const report = await merchantSummary(db, resolveTenant(request), request.query);
      const { from, to, tz, currency, ...figures } = report;
      return answerReport(reply, request.query.format, `summary-${report.from}-${report.to}`, report, [{ from, to, tz, currency, ...figures }], SummaryReport);
    },
  );

  app.get(
    '/api/v1/reports/timeseries',
    {
      config: merchant,
      schema: { ...signed, summary: 'One entry per day of a date range, zeros included', querystring: ReportQuery, response: ok(TimeseriesReport) },
    },
    async (request, reply) => {
      const report = await merchantTimeseries(db, resolveTenant(request), request.query);
      return answerReport(reply, request.query.format, `timeseries-${report.from}-${report.to}`, report, report.data, TimeseriesReport.properties.data.items);
    },
  );

  app.get(
    '/api/v1/reports/affiliates',
    {
      config: merchant,
      schema: {
        ...signed,
        summary: 'Top affiliates of a date range, most commission first',
        querystring: AffiliatesReportQuery,
        response: ok(AffiliatesReport),
      },
    },
    async (request, reply) => {
      const report = await merchantTopAffiliates(db, resolveTenant(request), request.query);
      return answerReport(reply, request.query.format, `affiliates-${report.from}-${report.to}`, report, report.data, AffiliatesReport.properties.data.items);
    },
  );

  app.get(
    '/api/v1/reports/breakdown',
    {
      config: merchant,
      schema: {
        ...signed,
        summary: 'A date range by campaign, product, link or sub-id, most commission first',
        querystring: BreakdownQuery,
        response: ok(BreakdownReport),
      },
    },
    async (request, reply) => {
      const report = await merchantBreakdown(db, resolveTenant(request), request.query);
      return answerReport(reply, request.query.format, `${report.by}-${report.from}-${report.to}`, report, report.data, BreakdownReport.properties.data.items);
    },
  );
};
