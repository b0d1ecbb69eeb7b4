/** The longest search text kept (longer is cut: no name is searched for with more). */
export const MAX_SEARCH = 200;

/** The `q` parameter as a search: trimmed and cut to MAX_SEARCH; absent reads as "" (no search). */
export function searchText(query: URLSearchParams): string {
  return (query.get("q") ?? "").trim().slice(0, MAX_SEARCH);
}

/** The `page` parameter, 1-based; anything unusable reads as the first page rather than being refused. */
export function requestedPage(query: URLSearchParams): number {
  const page = Number.parseInt(query.get("page") ?? "", 10);
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
}

/** Which page of `total` items is shown: the one asked for, or the last when it asked past the end. */
export interface PageWindow {
  current: number;
  pages: number;
  /** Index of the page's first item. */
  offset: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function pageWindow(total: number, requested: number, perPage: number): PageWindow {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(requested, pages);
  return { current, pages, offset: (current - 1) * perPage, hasPrevious: current > 1, hasNext: current < pages };
}
