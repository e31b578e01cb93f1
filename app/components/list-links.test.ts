import { expect, test } from "vitest";
import { navLinkActive } from "./list-links";

// The menu's current page is marked as <NavLink> marks it (react-router-dom 6's rule).
test("a menu link is current on its path and, unless it ends there, on the paths under it", () => {
  expect(navLinkActive("/admin/audit", "/admin/audit", false)).toBe(true);
  expect(navLinkActive("/admin/organizations/org-1", "/admin/organizations", false)).toBe(true);
  expect(navLinkActive("/admin/organizations-archive", "/admin/organizations", false)).toBe(false);
  expect(navLinkActive("/admin/audit", "/admin", true)).toBe(false);
  expect(navLinkActive("/admin", "/admin", true)).toBe(true);
  expect(navLinkActive("/ADMIN/Audit", "/admin/audit", true)).toBe(true);
  expect(navLinkActive("/orgs", "/", true)).toBe(false);
  expect(navLinkActive("/", "/", true)).toBe(true);
  expect(navLinkActive("/users/matt", "/users/", false)).toBe(true);
});
