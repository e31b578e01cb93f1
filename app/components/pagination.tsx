import { Link, useLocation } from "@remix-run/react";
import { formatCount } from "~/utils/format";
import { PAGE_SIZE, type PageCursors } from "~/utils/paging";

/**
 * Previous/next links that keep the other query parameters. `pageSize` defaults
 * to the shared PAGE_SIZE; pass a list's own size from ~/utils/paging or from
 * the loader's data, never from a .server module (undefined in the browser).
 * A keyset-paged list (keysetPage in ~/utils/paging) passes its `cursors`: the
 * links then carry ?after= / ?before= and the next page is read from there.
 * `totalCapped`: the list counted only up to `total` rows (a long log), so the
 * total reads "超过 …" and the last page is unknown until there is no next cursor.
 */
export function Pagination({
  page,
  total,
  pageSize = PAGE_SIZE,
  cursors,
  totalCapped = false,
}: {
  page: number;
  total: number;
  pageSize?: number;
  cursors?: PageCursors;
  totalCapped?: boolean;
}) {
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hasNext = cursors ? cursors.next != null : page < pages;
  if (pages <= 1 && !hasNext) return <p className="mt-3 text-sm text-gray-500">共 {total} 条</p>;
  const hrefFor = (p: number, cursor: { after?: string | null; before?: string | null }) => {
    const params = new URLSearchParams(location.search);
    params.delete("after");
    params.delete("before");
    params.set("page", String(p));
    // Page 1 needs no cursor: it is the cheapest page there is.
    if (p > 1 && cursor.after) params.set("after", cursor.after);
    if (p > 1 && cursor.before) params.set("before", cursor.before);
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="mt-4 flex items-center justify-between gap-2 text-sm" aria-label="分页">
      <span className="text-gray-500">
        {totalCapped ? `超过 ${formatCount(total)} 条，第 ${page} 页` : `共 ${total} 条，第 ${page} / ${pages} 页`}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary px-3 py-1.5" to={hrefFor(page - 1, { before: cursors?.prev })}>
            上一页
          </Link>
        ) : null}
        {hasNext ? (
          <Link className="btn-secondary px-3 py-1.5" to={hrefFor(page + 1, { after: cursors?.next })}>
            下一页
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
