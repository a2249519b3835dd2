import { useState } from 'react';

/** A ranked table's chosen sort and page; choosing another sort starts again at the first page. */
export function useRankedPaging<S extends string>(initialSort: S) {
  const [sort, setSort] = useState<S>(initialSort);
  const [page, setPage] = useState(1);
  const onSort = (next: S) => {
    setSort(next);
    setPage(1);
  };
  return { sort, page, onSort, onPage: setPage };
}
