import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { resolveMerchantId } from '../../platform/auth/resolve-principal.ts';
import { StringEnum } from '../../platform/http/schemas.ts';
import { GO_LIVE_STEPS, goLiveChecklist } from './go-live-checklist.ts';

const GoLiveChecklist = Type.Object({
  steps: Type.Array(
    Type.Object({
      step: StringEnum(GO_LIVE_STEPS),
      done: Type.Boolean(),
      at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'The latest activity that ticks the step; null until there is one' }),
    }),
    { description: `In order: ${GO_LIVE_STEPS.join(', ')}` },
  ),
  complete: Type.Boolean({ description: 'Every step is done' }),
});

/** The merchant's go-live checklist (developer area). */
export const registerGoLive: ModuleRegister = (app, { db }) => {
  app.get(
    '/api/merchant/go-live',
    {
      config: { principals: ['merchantSession'] },
      schema: {
        tags: ['merchant'],
        summary: 'The go-live checklist, ticked by real activity: test key used, test click, test conversion, test webhook delivered (2xx), live key used',
        response: { 200: GoLiveChecklist },
      },
    },
    async (request) => goLiveChecklist(db, resolveMerchantId(request)),
  );
};
