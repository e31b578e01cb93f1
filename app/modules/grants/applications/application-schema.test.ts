import { expect, test } from "vitest";
import { requiredGrantFields } from "./application-schema";

test("the required marks are what 提交 demands, rows included, and nothing it lets be empty", () => {
  const required = requiredGrantFields(["为老"]);
  expect(required).toEqual(
    expect.arrayContaining(["title", "category", "needs", "milestones[].title", "indicators[].target", "team[].role"]),
  );
  expect(required).not.toContain("milestones[].dueDate");
  expect(required).not.toContain("team[].certificate"); // only for a social worker
  expect(required).not.toContain("intent");
});
