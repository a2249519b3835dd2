import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody, unsupportedMediaType } from '../errors.ts';
import { toErrorDetails, validationError } from './validation.ts';

const PART_PREFIX: Record<string, string> = { body: '', querystring: 'query', params: 'path', headers: 'header' };

/**
 * Turn anything thrown into the API's error shape; a 5xx never shows internal text. `bodyTypes`
 * are the content types the route takes (JSON when not given), named in a 415.
 */
export function toAppError(error: unknown, bodyTypes?: readonly string[]): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const prefix = PART_PREFIX[fastifyError.validationContext ?? 'body'] ?? '';
    return validationError(toErrorDetails(fastifyError.validation as never, prefix));
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON', 'The request body is not valid JSON');
    case 'FST_ERR_BAD_URL':
      return new AppError('INVALID_CHARACTERS', 'The path is not valid percent-encoded UTF-8 text', [
        { field: 'path', code: 'INVALID_CHARACTERS', message: 'contains a byte sequence that is not text' },
      ]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('VALIDATION_FAILED', 'A path segment is too long', [
        { field: 'path', code: 'MAXLENGTH', message: 'has a segment longer than any id' },
      ]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType(bodyTypes);
  }
  if (fastifyError.statusCode === 404) return new AppError('NOT_FOUND', 'Not found');
  return new AppError('INTERNAL', 'Something went wrong on our side; the request id identifies it in our logs');
}

/** Errors Fastify raises before routing (a path that is not text, or a segment too long): the same error shape as every other answer. */
export const frameworkErrors = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
  const appError = toAppError(error);
  void reply.status(appError.status).headers(appError.headers).send(errorBody(appError));
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error, request.routeOptions.config.bodyTypes);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code }, 'request rejected');
    void reply.status(appError.status).headers(appError.headers).send(errorBody(appError));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`);
    void reply.status(404).send(errorBody(error));
  });
}
