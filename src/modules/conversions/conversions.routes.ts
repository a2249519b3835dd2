import type { App, ModuleDeps, ModuleRegister } from '../../platform/module.ts';
import { BODY_LIMIT } from '../../platform/http/body-limits.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { loadPlatformDefaults } from '../commissions/index.ts';
import { findClickInDatabase, type FindClick } from './click-record.ts';
import { ConversionBody, ConversionResponse } from './conversions.schemas.ts';
import { recordConversion } from './record-conversion.ts';
import { resolveTenantActor } from '../../platform/auth/resolve-principal.ts';

export interface ConversionsModuleOptions {
  /** How conversions look clicks up; a plain read of the clicks table unless told otherwise. */
  findClick?: (app: App, deps: ModuleDeps) => FindClick;
}

export function conversionsModule(options: ConversionsModuleOptions = {}): ModuleRegister {
  return (app, deps) => {
    const conversionDeps = {
      db: deps.db,
      defaults: loadPlatformDefaults(deps.config),
      findClick: options.findClick?.(app, deps) ?? findClickInDatabase(deps.db),
    };

    app.post(
      '/api/v1/conversions',
      {
        config: { principals: ['merchantKey', 'merchantSession'], idempotent: true },
        bodyLimit: BODY_LIMIT.conversion,
        schema: {
          tags: ['conversions'],
          summary: 'Report an order with the click_id captured on landing; it is attributed and its commission created',
          description:
            'Idempotent with X-Idempotency-Key. The same orderId reported again answers 200 with the first conversion and `deduplicated: true`. ' +
            'An order that cannot be attributed is still stored, with `attributed: false` and `unattributedReason`.',
          security: [{ apiKey: [] }],
          body: ConversionBody,
          response: {
            201: ConversionResponse,
            200: ConversionResponse,
            ...errorResponses({
              VALIDATION_FAILED: {
                when: 'A field is missing or invalid (e.g. `amount` not a positive decimal string, line items adding up to more than `amount`, `occurredAt` in the future); `details` lists each.',
                message: 'Invalid request: amount must be a decimal string such as "2999.00", not a number',
                details: [{ field: 'amount', code: 'MUST_BE_DECIMAL_STRING', message: 'must be a decimal string such as "2999.00", not a number' }],
              },
            }),
          },
        },
      },
      async (request, reply) => {
        const { response, created } = await recordConversion(conversionDeps, resolveTenantActor(request), request.body as ConversionBody);
        return reply.status(created ? 201 : 200).send(response);
      },
    );
  };
}

/**
 * Attribution sees clicks still waiting in this process's redirect write buffer; a click buffered in
 * another process reaches the database within a flush interval, so an unknown id is looked up once more after that.
 */
export const registerConversions = conversionsModule({
  findClick: (app, deps) => (clickId) => app.tracking.findClick(clickId, { graceMs: deps.config.clickFlushIntervalMs * 3 }),
});
