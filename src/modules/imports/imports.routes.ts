import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { ModuleRegister } from '../../platform/module.ts';
import { resolveTenant, resolveTenantActor } from '../../platform/auth/resolve-principal.ts';
import { AppError, unsupportedMediaType } from '../../platform/errors.ts';
import { Paginated } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { importAppliers } from './import-appliers.ts';
import { createImport, RUN_IMPORT_JOB } from './create-import.ts';
import { MAX_IMPORT_BYTES, removeSpooledBody, spoolCsvBody, spoolStream } from './csv-body.ts';
import { templateCsv } from './import-columns.ts';
import { errorReport, failedRowsFile } from './import-reports.ts';
import { importView } from './import-view.ts';
import { imports } from './imports.tables.ts';
import { ImportListQuery, ImportParams, ImportTypeQuery, ImportView, TemplateParams } from './imports.schemas.ts';
import { findImport, listImports } from './list-imports.ts';
import { runImport } from './run-import.ts';

const principals = ['merchantKey', 'merchantSession'] as const;
const IMPORT_BODY_TYPES = ['text/csv', 'multipart/form-data'] as const;
const security = [{ apiKey: [] }];
const notFound = { NOT_FOUND: 'No import with this id in this mode.' } as const;
const CsvResponse = (description: string) => ({ description, content: { 'text/csv': { schema: Type.String() } } });

export const registerImports: ModuleRegister = async (app, { db, worker, config }) => {
  const runDeps = { db, appliers: importAppliers(config) };

  worker.register(RUN_IMPORT_JOB, async (job) => {
    const importId = String(job.payload.importId);
    try {
      await runImport(runDeps, importId, { jobId: job.id });
    } catch (error) {
      if (job.attempt >= 20) {
        await db
          .update(imports)
          .set({ status: 'failed', failureMessage: (error as Error).message, completedAt: new Date() })
          .where(eq(imports.id, importId));
      }
      throw error;
    }
  });

  // The file arrives as the raw body and is spooled to disk as it comes (memory stays flat);
  // the signature is then checked over the file.
  app.addContentTypeParser('text/csv', { bodyLimit: MAX_IMPORT_BYTES }, (request, payload, done) => {
    spoolCsvBody(request, payload).then(
      (body) => done(null, body),
      (error: Error) => done(error, undefined),
    );
  });
  app.addHook('onResponse', async (request) => removeSpooledBody(request));
  // The dashboard sends the file as a form (multipart/form-data, one part named "file"); the
  // limit one byte above ours lets the spooler answer 413 with the limit.
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1, fields: 5 } });

  app.post(
    '/api/v1/imports',
    {
      config: { principals, idempotent: true, bodyTypes: IMPORT_BODY_TYPES },
      bodyLimit: MAX_IMPORT_BYTES,
      // JSON and plain text have parsers of their own, so they are refused here, before any body is read.
      onRequest: async (request) => {
        const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
        if (type !== undefined && !IMPORT_BODY_TYPES.includes(type as never)) throw unsupportedMediaType(IMPORT_BODY_TYPES);
      },
      schema: {
        tags: ['imports'],
        summary: 'Upload a CSV file of products, orders or order statuses; it is applied in the background',
        description:
          'The file is the raw request body (`Content-Type: text/csv`, at most 50 MB), signed like any body (the dashboard may send it as the `file` part of a form). The header is checked at once ' +
          '(`400 CSV_HEADER_INVALID` lists each unknown or missing column); the rows are then applied by the same code as the JSON API. ' +
          'Poll `GET /api/v1/imports/{id}` for progress, or wait for the `import.completed` webhook.',
        security,
        querystring: ImportTypeQuery,
        response: {
          202: ImportView,
          ...errorResponses(
            {
              VALIDATION_FAILED: 'No file in the body, or `type` missing or unknown.',
              CSV_HEADER_INVALID: 'The header line cannot be read, or has unknown or missing columns for this `type`; `details` lists each.',
              CSV_EMPTY: 'The file is empty, or has a header and no rows.',
              PAYLOAD_TOO_LARGE: { when: 'The file is larger than 50 MB.', message: 'The file is larger than the 50 MB limit' },
              UNSUPPORTED_MEDIA_TYPE: {
                when: 'The body is not `text/csv` (or a `multipart/form-data` form from the dashboard).',
                message: 'Unsupported Content-Type; send text/csv or multipart/form-data',
                details: [{ field: 'header.content-type', code: 'UNSUPPORTED_MEDIA_TYPE', message: 'must be text/csv or multipart/form-data' }],
              },
            },
            'IDEMPOTENCY_KEY_REUSED',
          ),
        },
      },
    },
    async (request, reply) => {
      let file = request.spooledBody;
      let fileName = request.query.fileName;
      if (!file && request.isMultipart()) {
        const part = await request.file();
        if (part) {
          file = await spoolStream(request, part.file);
          fileName ??= part.filename;
        }
      }
      if (!file)
        throw new AppError('VALIDATION_FAILED', 'Send the CSV file as the request body with Content-Type: text/csv', [
          { field: 'body', code: 'REQUIRED', message: 'a text/csv body is required' },
        ]);
      const created = await createImport(db, resolveTenantActor(request), request.query.type, { ...file, fileName }, () => worker.poke());
      return reply.status(202).send(created);
    },
  );

  app.get(
    '/api/v1/imports',
    {
      config: { principals },
      schema: {
        tags: ['imports'],
        summary: 'Your imports in this mode, newest first',
        security,
        querystring: ImportListQuery,
        response: { 200: Paginated(ImportView), ...errorResponses(400) },
      },
    },
    async (request) => listImports(db, resolveTenant(request), request.query as ImportListQuery),
  );

  app.get(
    '/api/v1/imports/:id',
    {
      config: { principals },
      schema: {
        tags: ['imports'],
        summary: 'An import with its progress and counts',
        security,
        params: ImportParams,
        response: { 200: ImportView, ...errorResponses(notFound) },
      },
    },
    async (request) => importView(await findImport(db, resolveTenant(request), request.params.id)),
  );

  app.get(
    '/api/v1/imports/:id/errors',
    {
      config: { principals },
      schema: {
        tags: ['imports'],
        summary: "The error report: `line,column,code,message`, one line per error (line = the record's line in the file, the header is line 1)",
        security,
        params: ImportParams,
        response: { 200: CsvResponse('text/csv'), ...errorResponses(notFound) },
      },
    },
    async (request, reply) => {
      const row = await findImport(db, resolveTenant(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${row.id}-errors.csv"`)
        .send(errorReport(db, row) as never);
    },
  );

  app.get(
    '/api/v1/imports/:id/failed-rows',
    {
      config: { principals },
      schema: {
        tags: ['imports'],
        summary: 'The failed rows alone under the original header, ready to fix and upload again',
        security,
        params: ImportParams,
        response: { 200: CsvResponse('text/csv'), ...errorResponses(notFound) },
      },
    },
    async (request, reply) => {
      const row = await findImport(db, resolveTenant(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${row.id}-failed-rows.csv"`)
        .send(failedRowsFile(db, row) as never);
    },
  );

  app.get(
    '/api/v1/imports/templates/:type',
    {
      config: { principals },
      schema: {
        tags: ['imports'],
        summary: 'A template file: the header of the type and one example row',
        security,
        params: TemplateParams,
        response: { 200: CsvResponse('text/csv') },
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.type}-template.csv"`)
        .send(templateCsv(request.params.type)),
  );
};
