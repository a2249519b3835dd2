import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { IMPORT_STATUSES, IMPORT_TYPES } from './imports.tables.ts';

export const ImportTypeQuery = Type.Object(
  { type: StringEnum(IMPORT_TYPES), fileName: Type.Optional(Type.String({ maxLength: 255, description: 'The name to show in the list of imports' })) },
  { additionalProperties: false },
);
export type ImportTypeQuery = Static<typeof ImportTypeQuery>;

export const ImportParams = Type.Object({ id: Type.String({ description: 'Import id (imp_…)' }) });

export const ImportListQuery = Type.Composite([PageQuery, Type.Object({ type: Type.Optional(StringEnum(IMPORT_TYPES)) })], { additionalProperties: false });
export type ImportListQuery = Static<typeof ImportListQuery>;

export const TemplateParams = Type.Object({ type: StringEnum(IMPORT_TYPES) });

export const ImportView = Type.Object({
  id: Type.String(),
  type: StringEnum(IMPORT_TYPES),
  status: StringEnum(IMPORT_STATUSES, {
    description: 'queued, then running while rows are applied, then completed (or failed when the file could not be read at all)',
  }),
  livemode: Type.Boolean(),
  fileName: Nullable(Type.String()),
  bytes: Type.Integer(),
  columns: Type.Array(Type.String(), { description: 'The header as uploaded' }),
  rowsTotal: Nullable(Type.Integer({ description: 'Records in the file (the header excluded); null until the file is read' })),
  rowsProcessed: Type.Integer(),
  rowsSucceeded: Type.Integer(),
  rowsFailed: Type.Integer(),
  rowsDeduplicated: Type.Integer({ description: 'Rows already applied before (an order already reported, a status already set)' }),
  failureMessage: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type ImportView = Static<typeof ImportView>;
