import { Link, useLocation } from "@remix-run/react";
import { PAGE_SIZE } from "~/utils/paging";

/**
 * Previous/next links that keep the other query parameters. `pageSize` defaults
 * to the shared PAGE_SIZE; pass a list's own size from ~/utils/paging or from
 * the loader's data, never from a .server module (undefined in the browser).
 */
export function Pagination({ page, total, pageSize = PAGE_SIZE }: { page: number; total: number; pageSize?: number }) {
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return <p className="mt-3 text-sm text-gray-500">共 {total} 条</p>;
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="mt-4 flex items-center justify-between gap-2 text-sm" aria-label="分页">
      <span className="text-gray-500">
        共 {total} 条，第 {page} / {pages} 页
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary px-3 py-1.5" to={hrefFor(page - 1)}>
            上一页
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="btn-secondary px-3 py-1.5" to={hrefFor(page + 1)}>
            下一页
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
