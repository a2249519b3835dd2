import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { SpooledBody } from '../../platform/auth/route-auth.types.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { idempotencyRequestHasher } from '../api-keys/index.ts';

/** The largest CSV file an import accepts (SPEC §5). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit`, [
    { field: 'body', code: 'FILE_TOO_LARGE', message: `at most ${MAX_IMPORT_BYTES} bytes` },
  ]);

/** The `text/csv` body parser: streams the upload to a temporary file, counting and hashing it on the way. */
export async function spoolCsvBody(request: FastifyRequest, payload: Readable): Promise<SpooledBody> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_IMPORT_BYTES) {
    payload.resume();
    throw tooLarge();
  }
  return spoolStream(request, payload);
}

/** Write a stream (a raw body, or the file part of a form) to a temporary file, refusing it past the limit. */
export async function spoolStream(request: FastifyRequest, payload: Readable): Promise<SpooledBody> {
  const file = path.join(tmpdir(), `${newId('imp')}.csv`);
  const hash = idempotencyRequestHasher(request.method, request.url);
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_BYTES) return callback(tooLarge());
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(payload, count, createWriteStream(file));
  } catch (error) {
    await rm(file, { force: true });
    payload.resume();
    throw error;
  }
  const spooled = { path: file, bytes, idempotencyHash: hash.digest('hex') };
  request.spooledBody = spooled;
  return spooled;
}

export const removeSpooledBody = (request: FastifyRequest) => (request.spooledBody ? rm(request.spooledBody.path, { force: true }) : Promise.resolve());
