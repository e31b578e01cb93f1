import { expect, test } from "vitest";
import { listedSales, SALES_ROWS_LISTED } from "./sales-listing";

test("a page lists the first rows of a long report and counts them all", () => {
  const rows = Array.from({ length: 120 }, (_, i) => `row-${i}`);
  const listed = listedSales(rows);
  expect(listed.rows).toHaveLength(SALES_ROWS_LISTED);
  expect(listed.rows[0]).toBe("row-0");
  expect(listed.rows.at(-1)).toBe(`row-${SALES_ROWS_LISTED - 1}`);
  expect(listed.count).toBe(120);
});

test("a short report is listed whole", () => {
  expect(listedSales(["a", "b"], 50)).toEqual({ rows: ["a", "b"], count: 2 });
  expect(listedSales([], 50)).toEqual({ rows: [], count: 0 });
});
