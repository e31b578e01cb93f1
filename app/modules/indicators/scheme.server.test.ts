import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { RATING_SCHEMES } from "../../../prisma/seed-parts/indicator-schemes";
import { defineRows } from "./define";
import { flatten } from "./scheme";
import { createScheme, freezeScheme, loadSchemeTree, schemesFor } from "./scheme.server";

const demo = RATING_SCHEMES[2];

async function createDemo(rows = defineRows(demo.defs)) {
  const { defs: _defs, ...meta } = demo;
  return prisma.$transaction((tx) =>
    createScheme(
      tx,
      { ...meta, subtype: null, totalPoints: rows.totalPoints, rules: rows.rules, createdById: null },
      rows.rows,
    ),
  );
}

describe("indicator schemes in the database", () => {
  test("a scheme reads back as the tree it was written from, versions counting up by key", async () => {
    const { rows, rules } = defineRows(demo.defs);
    const first = await createDemo();
    const tree = await loadSchemeTree(prisma, first.id);
    expect(tree).toMatchObject({ key: demo.key, version: 1, orgType: "FOUNDATION", totalPoints: 1000, rules });
    expect(flatten(tree!)).toEqual(rows);
    expect((await createDemo()).version).toBe(2);
    const listed = await schemesFor("RATING", "FOUNDATION");
    expect(listed.map((s) => [s.key, s.version])).toEqual([
      [demo.key, 2],
      [demo.key, 1],
    ]);
    expect(await schemesFor("RATING", "SOCIAL_GROUP")).toEqual([]);
  });

  test("freezing marks the scheme once, and refuses a tree that does not add up", async () => {
    const { id } = await createDemo();
    await prisma.$transaction((tx) => freezeScheme(tx, id));
    const frozenAt = (await loadSchemeTree(prisma, id))!.frozenAt;
    expect(frozenAt).toBeInstanceOf(Date);
    await prisma.$transaction((tx) => freezeScheme(tx, id));
    expect((await loadSchemeTree(prisma, id))!.frozenAt).toEqual(frozenAt);

    const broken = defineRows(demo.defs);
    broken.rows[1] = { ...broken.rows[1], points: broken.rows[1].points - 1 };
    const { id: brokenId } = await createDemo(broken);
    await expect(prisma.$transaction((tx) => freezeScheme(tx, brokenId))).rejects.toThrow(/尚未完成/);
  });
});
