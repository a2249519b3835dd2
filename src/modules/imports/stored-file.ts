import { createReadStream } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { importChunks } from './imports.tables.ts';

const CHUNK_BYTES = 1024 * 1024;

/** Copy an uploaded file into the database one chunk at a time, so any worker process can read it. */
export async function storeFile(executor: Executor, importId: string, file: string): Promise<void> {
  let seq = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    await executor.insert(importChunks).values({ importId, seq: seq++, data: chunk as Buffer });
  }
}

/** The stored file's bytes in order, one chunk in memory at a time. */
export async function* readStoredFile(executor: Executor, importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const [chunk] = await executor
      .select({ data: importChunks.data })
      .from(importChunks)
      .where(and(eq(importChunks.importId, importId), eq(importChunks.seq, seq)));
    if (!chunk) return;
    yield chunk.data;
  }
}
