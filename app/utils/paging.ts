// How many rows a paginated list shows. Not a .server module on purpose: the
// Pagination component runs in the browser too, and a constant imported from a
// .server file is undefined there ("第 1 / NaN 页", hydration errors, #19).
// Server queries and components read the same numbers from here.

/** Rows per page of every list (docs/DEVELOPING.md: 20 per page). */
export const PAGE_SIZE = 20;

/** The audit log pages by 50: its rows are one line each. */
export const AUDIT_PAGE_SIZE = 50;
