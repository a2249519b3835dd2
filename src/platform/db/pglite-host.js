// The embedded database on its own thread (see pglite-thread.ts, which starts this file and talks to
// it). Plain JavaScript so a worker thread can load it without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const INT8 = 20;
const int8 = { parsers: { [INT8]: (value) => BigInt(value) }, serializers: { [INT8]: (value) => String(value) } };
const keepAsText = (value) => value;

/** Parsers that leave the given type ids as the text PostgreSQL sent, cached per set of ids. */
const parsersByTypes = new Map();
function textParsers(rawTypes) {
  const key = rawTypes.join(',');
  let parsers = parsersByTypes.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(rawTypes.map((type) => [type, keepAsText]));
    parsersByTypes.set(key, parsers);
  }
  return parsers;
}

/** Every own field of a database error (code, detail, constraint…), which a thread boundary would drop. */
function plainError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = { name: error.name, message: error.message, stack: error.stack };
  for (const [key, value] of Object.entries(error)) if (typeof value !== 'function' && typeof value !== 'object') fields[key] = value;
  return fields;
}

let db;
try {
  db = await PGlite.create(workerData.dataDir, int8);
} catch (error) {
  parentPort.postMessage({ id: 0, ok: false, error: plainError(error) });
  process.exit(1);
}

/** Open transactions by id: the PGlite transaction and how to end it. */
const transactions = new Map();
let nextTransactionId = 1;

function begin() {
  const id = nextTransactionId++;
  return new Promise((opened, failed) => {
    const done = db.transaction(
      (tx) =>
        new Promise((commit, rollback) => {
          transactions.set(id, { tx, commit, rollback, done });
          opened(id);
        }),
    );
    done.catch(failed); // BEGIN itself failed; later failures reach `end`
  });
}

async function end(id, commit) {
  const open = transactions.get(id);
  if (!open) throw new Error(`no open transaction ${id}`);
  transactions.delete(id);
  if (commit) open.commit();
  else open.rollback(new Error('rolled back'));
  try {
    await open.done;
  } catch (error) {
    if (commit) throw error;
  }
}

const target = (transactionId) => {
  if (transactionId === undefined) return db;
  const open = transactions.get(transactionId);
  if (!open) throw new Error(`no open transaction ${transactionId}`);
  return open.tx;
};

async function handle(message) {
  switch (message.op) {
    case 'query': {
      const options = { rowMode: message.rowMode, ...(message.rawTypes ? { parsers: textParsers(message.rawTypes) } : {}) };
      return target(message.tx).query(message.sql, message.params, options);
    }
    case 'exec':
      return target(message.tx).exec(message.sql);
    case 'begin':
      return begin();
    case 'end':
      return end(message.tx, message.commit);
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on('message', (message) => {
  handle(message).then(
    (result) => parentPort.postMessage({ id: message.id, ok: true, result }),
    (error) => parentPort.postMessage({ id: message.id, ok: false, error: plainError(error) }),
  );
});
parentPort.postMessage({ id: 0, ok: true, result: null });
