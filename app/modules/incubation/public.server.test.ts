import { describe, expect, test } from "vitest";
import { applyForIncubation } from "./apply.server";
import { recordFirstCheck, recordReview, signAgreement } from "./decisions.server";
import { listPublicIncubationHistory, listPublicIncubations } from "./public.server";
import { applied, PLAN, setup } from "./test-fixtures.server";

describe("public lists", () => {
  test("name only organizations whose registration is public", async () => {
    const registered = await applied();
    const preparing = await setup("PREPARING");
    const prep = await applyForIncubation({
      organizationId: preparing.org.id,
      actorId: preparing.member.id,
      plan: PLAN,
      needs: ["SPACE"],
    });
    if (!prep.ok) throw new Error("preparing group should be able to apply");
    for (const { id, admin } of [registered, { id: prep.id, admin: preparing.admin }]) {
      await recordFirstCheck({ id, actor: admin, pass: true });
      await recordReview({ id, actor: admin, pass: true });
      await signAgreement({
        id,
        actor: admin,
        agreementNo: `A-${id}`,
        termStart: new Date("2026-11-01T00:00:00+08:00"),
      });
    }
    const lists = await listPublicIncubations({ residentPage: 1, graduatedPage: 1 });
    expect(lists.residents.map((r) => r.organization.id)).toEqual([registered.org.id]);
    expect(lists.residentTotal).toBe(1);
    expect(lists.preparingInResidence).toBe(1);
    expect(await listPublicIncubationHistory(preparing.org.id)).toEqual([]);
    expect((await listPublicIncubationHistory(registered.org.id)).map((h) => h.statusLabel)).toEqual(["在孵"]);
  });
});
