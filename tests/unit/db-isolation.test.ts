import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";

// Proves the per-test reset: whichever test runs second sees an empty table.
describe("test database isolation", () => {
  for (const name of ["first", "second"]) {
    test(`${name} test starts with no users`, async () => {
      expect(await prisma.user.count()).toBe(0);
      await prisma.user.create({ data: { email: `${name}@example.com`, name, role: "ADMIN" } });
      expect(await prisma.user.count()).toBe(1);
    });
  }
});
