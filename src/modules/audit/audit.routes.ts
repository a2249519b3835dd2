import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { Paginated, PageQuery } from '../../platform/http/pagination.ts';
import { listAuditLog } from './list-audit-log.ts';

const AuditEntry = Type.Object({
  id: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
});

const AuditQuery = Type.Composite([
  PageQuery,
  Type.Object({
    action: Type.Optional(Type.String({ maxLength: 100 })),
    subjectType: Type.Optional(Type.String({ maxLength: 100 })),
    subjectId: Type.Optional(Type.String({ maxLength: 200 })),
    actorUserId: Type.Optional(Type.String({ maxLength: 200 })),
  }),
]);

export const registerAudit: ModuleRegister = (app, { db }) => {
  app.get(
    '/api/admin/audit-log',
    {
      config: { principals: ['adminSession'] },
      schema: {
        tags: ['admin'],
        summary: 'Who approved, rejected, rotated or revoked what, newest first',
        querystring: AuditQuery,
        response: { 200: Paginated(AuditEntry) },
      },
    },
    async (request) => listAuditLog(db, request.query),
  );
};
