// Reads an operation's body, query and success answer out of the generated OpenAPI types.

type SuccessStatus = 200 | 201 | 202 | 204;

export type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;

export type QueryOf<Operation> = Operation extends { parameters: { query?: infer Query } } ? Query : never;

export type ResultOf<Operation> = Operation extends { responses: infer Responses }
  ? {
      [Status in keyof Responses]: Status extends SuccessStatus
        ? Responses[Status] extends { content: { 'application/json': infer Body } }
          ? Body
          : Responses[Status] extends { content: { 'text/csv': unknown } }
            ? string
            : undefined
        : never;
    }[keyof Responses]
  : never;

export interface WriteOptions {
  /** Sent as X-Idempotency-Key; generated when omitted, so the SDK's own retries apply once. */
  idempotencyKey?: string;
}

export interface CallOptions extends WriteOptions {
  body?: unknown;
  /** A CSV file, sent as the raw text/csv body (CSV imports). */
  csv?: string;
  query?: object;
}

export type Call = <Result>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options?: CallOptions) => Promise<Result>;
