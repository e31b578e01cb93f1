import { describe, expect, test } from "vitest";
import { publicityEnd, publicityStandings } from "./publicity-end";

const at = (iso: string) => new Date(`${iso}+08:00`);
const endsAt = at("2026-06-10T23:59:59.999");
const facts = (over: Partial<Parameters<typeof publicityEnd>[0]> = {}) => ({
  status: "PUBLICITY",
  publicityEndsAt: endsAt,
  pendingObjections: 0,
  lastObjectionDecidedAt: null,
  ...over,
});

describe("a published result becomes final when its period ends", () => {
  test("open through the last day of the period (inclusive)", () => {
    expect(publicityEnd(facts(), at("2026-06-10T23:59:59.999"))).toEqual({ kind: "OPEN", endsAt });
  });
  test("final as of the end of the period once it is over with nothing pending, whenever first read", () => {
    expect(publicityEnd(facts(), at("2026-06-11T00:00:00"))).toEqual({ kind: "FINAL", finalAt: endsAt });
    expect(publicityEnd(facts(), at("2026-09-01T08:00:00"))).toEqual({ kind: "FINAL", finalAt: endsAt });
  });
  test("an objection still waiting keeps it from being final", () => {
    expect(publicityEnd(facts({ pendingObjections: 2 }), at("2026-06-12T09:00:00"))).toEqual({
      kind: "WAITING_FOR_OBJECTIONS",
      pending: 2,
    });
  });
  test("an objection decided after the period: final as of that decision; one decided during it changes nothing", () => {
    const late = at("2026-06-13T15:00:00");
    expect(publicityEnd(facts({ lastObjectionDecidedAt: late }), at("2026-06-20T09:00:00"))).toEqual({
      kind: "FINAL",
      finalAt: late,
    });
    const during = at("2026-06-08T15:00:00");
    expect(publicityEnd(facts({ lastObjectionDecidedAt: during }), at("2026-06-20T09:00:00"))).toEqual({
      kind: "FINAL",
      finalAt: endsAt,
    });
  });
  test("nothing to settle outside publicity", () => {
    for (const status of ["SCORED", "FINAL", "CANCELLED"])
      expect(publicityEnd(facts({ status }), at("2026-07-01T00:00:00"))).toEqual({ kind: "NOT_IN_PUBLICITY" });
    expect(publicityEnd(facts({ publicityEndsAt: null }), at("2026-07-01T00:00:00")).kind).toBe("NOT_IN_PUBLICITY");
  });
});

describe("where results in publicity stand, for readers that do not settle", () => {
  const result = (id: string, ends: Date | null = endsAt) => ({ id, status: "PUBLICITY", publicityEndsAt: ends });
  const objection = (entryId: string, status: string, decidedAt: Date | null = null) => ({
    entryId,
    status,
    decidedAt,
  });

  test("each result from its own objections: open, waiting for objections, or final", () => {
    const later = at("2026-06-20T10:00:00");
    const decided = at("2026-06-12T10:00:00");
    const standings = publicityStandings(
      [result("open", at("2026-06-30T23:59:59.999")), result("waiting"), result("final"), result("late")],
      [
        objection("open", "RECEIVED"),
        objection("waiting", "RECEIVED"),
        objection("waiting", "DISMISSED", at("2026-06-09T10:00:00")),
        objection("final", "DISMISSED", at("2026-06-09T10:00:00")),
        objection("late", "DISMISSED", at("2026-06-11T10:00:00")),
        objection("late", "UPHELD", decided),
      ],
      later,
    );
    expect(standings.map((s) => [s.evaluation.id, s.end])).toEqual([
      ["open", { kind: "OPEN", endsAt: at("2026-06-30T23:59:59.999") }],
      ["waiting", { kind: "WAITING_FOR_OBJECTIONS", pending: 1 }],
      ["final", { kind: "FINAL", finalAt: endsAt }],
      ["late", { kind: "FINAL", finalAt: decided }],
    ]);
  });

  test("a result that ended with no objection is final, not in publicity, before any read settles it", () => {
    expect(publicityStandings([result("quiet")], [], at("2026-06-11T00:00:00"))[0]!.end).toEqual({
      kind: "FINAL",
      finalAt: endsAt,
    });
  });
});
