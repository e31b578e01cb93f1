import { describe, expect, it } from "vitest";
import { parseCallEligibility, parseCategories } from "./settings";

describe("stored JSON", () => {
  it("falls back to the default eligibility on malformed JSON", () => {
    expect(parseCallEligibility("not json")).toMatchObject({ registeredActive: true, barYears: 3, minGrade: null });
    expect(parseCallEligibility('{"minGrade":3,"incubatedOnly":true}')).toMatchObject({
      minGrade: 3,
      incubatedOnly: true,
    });
  });

  it("keeps only the strings of a category list", () => {
    expect(parseCategories('["为老",3,"助残"]')).toEqual(["为老", "助残"]);
    expect(parseCategories("{}")).toEqual([]);
  });
});
