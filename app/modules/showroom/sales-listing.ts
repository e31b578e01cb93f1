// How much of a sales report a page lists (issue #17): at province scale a year's report
// has thousands of organizations and tens of thousands of products, megabytes of HTML that
// nobody reads row by row. A page lists the best-selling rows and says how many there are;
// the Excel export keeps every row, and the totals always cover all of them.

/** Rows a sales table shows on a page, best-selling first. */
export const SALES_ROWS_LISTED = 50;

/** The first `limit` rows (already in their order) and how many there were in all. */
export function listedSales<Row>(rows: readonly Row[], limit = SALES_ROWS_LISTED) {
  return { rows: rows.slice(0, limit), count: rows.length };
}
