import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { pingDatabase } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';

const Status = Type.Object({ status: Type.String() });

export const registerHealth: ModuleRegister = (app, { db, database }) => {
  app.get('/healthz', { schema: { tags: ['platform'], summary: 'The process is up', response: { 200: Status } } }, async () => ({ status: 'ok' }));

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['platform'],
        summary: 'The database is reachable',
        response: { 200: Type.Object({ status: Type.String(), database: Type.String() }) },
      },
    },
    async (request) => {
      try {
        await pingDatabase(db);
      } catch (error) {
        request.log.error({ err: error }, 'readiness check failed');
        throw new AppError('UNAVAILABLE', 'The database is not reachable');
      }
      return { status: 'ready', database: database.kind };
    },
  );
};
