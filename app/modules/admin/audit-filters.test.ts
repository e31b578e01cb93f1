import { describe, expect, test } from "vitest";
import { auditWhere, parseAuditFilters, SYSTEM_ACTOR_QUERY } from "./audit-filters";

const parse = (query: string) => parseAuditFilters(new URLSearchParams(query));

describe("parseAuditFilters", () => {
  test("keeps known actions and entity types", () => {
    const filters = parse("action=user.disable&entityType=User&entityId=%20abc%20&actor=%20王敏%20");
    expect(filters).toMatchObject({ action: "user.disable", entityType: "User", entityId: "abc", actor: "王敏" });
  });

  test("drops unknown actions and entity types instead of matching nothing", () => {
    expect(parse("action=drop.table&entityType=Secret")).toMatchObject({ action: "", entityType: "" });
    expect(parse("action=toString").action).toBe("");
  });

  test("reads the date range as Shanghai days", () => {
    const filters = parse("from=2026-05-01&to=2026-05-02");
    expect(filters.gte?.toISOString()).toBe("2026-04-30T16:00:00.000Z");
    expect(filters.lt?.toISOString()).toBe("2026-05-02T16:00:00.000Z");
  });

  test("an empty query means no filters", () => {
    expect(auditWhere(parse(""), null)).toEqual({});
  });
});

describe("auditWhere", () => {
  test("combines filters on indexed columns", () => {
    const where = auditWhere(parse("action=user.disable&entityType=User&entityId=u1&from=2026-05-01"), null);
    expect(where).toEqual({
      action: "user.disable",
      entityType: "User",
      entityId: "u1",
      createdAt: { gte: new Date("2026-04-30T16:00:00.000Z"), lt: undefined },
    });
  });

  test("an entity id without a type probes each known type", () => {
    const where = auditWhere(parse("entityId=u1"), null);
    expect(where.entityId).toBe("u1");
    expect(where.entityType).toEqual({ in: expect.arrayContaining(["User", "Organization"]) });
  });

  test("an actor search uses the resolved ids, and no match matches no events", () => {
    expect(auditWhere(parse("actor=wang"), ["a1", "a2"]).actorId).toEqual({ in: ["a1", "a2"] });
    expect(auditWhere(parse("actor=nobody"), []).actorId).toEqual({ in: [] });
  });

  test("searching for the system actor selects events without an actor", () => {
    expect(auditWhere(parse(`actor=${SYSTEM_ACTOR_QUERY}`), []).actorId).toBeNull();
  });
});
