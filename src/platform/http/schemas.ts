import { Type } from '@sinclair/typebox';
import { MONEY_PATTERN } from './validation.ts';

/** A money amount at the API edge: a decimal string in major units, never a JSON number. */
export const Money = (description = 'Decimal string in major units, e.g. "2999.00"') =>
  Type.String({ pattern: MONEY_PATTERN, description, examples: ['2999.00'] });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Array(Type.Object({ field: Type.Optional(Type.String()), code: Type.Optional(Type.String()), message: Type.String() }, { additionalProperties: true })),
    }),
  },
  { $id: 'ErrorResponse' },
);

export const IsoDateTime = (description?: string) => Type.String({ format: 'date-time', description });
