import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const MAX_PAGE_SIZE = 200;
/** Past any real list; keeps the offset a small exact number whatever is asked. */
export const MAX_PAGE = 100_000;
export const DEFAULT_PAGE_SIZE = 50;

/** Query parameters every list endpoint accepts; `Infinity`, `1e400` or a 20-digit page is a 400. */
export const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
});
export type PageQuery = Static<typeof PageQuery>;

export const Paginated = <T extends TSchema>(item: T) =>
  Type.Object({
    data: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
  });

export interface Page<T> {
  data: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function pageWindow(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

export function toPage<T>(query: PageQuery, data: T[], total: number | bigint): Page<T> {
  return { data, page: query.page, pageSize: query.pageSize, total: Number(total) };
}
