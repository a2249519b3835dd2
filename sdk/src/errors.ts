import type { ApiResponse } from './client.ts';

/** A refused request: `code` is the API's stable error code (e.g. VALIDATION_FAILED), `details` names the fields. */
export class InfluencemartError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly requestId: string | undefined,
  ) {
    super(message);
    this.name = 'InfluencemartError';
  }

  static from(response: ApiResponse): InfluencemartError {
    const error = (response.body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    return new InfluencemartError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? `The API answered ${response.status}`,
      error?.details,
      response.headers.get('x-request-id') ?? undefined,
    );
  }
}
