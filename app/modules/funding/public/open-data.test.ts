import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { OPEN_DATA_COLUMNS, openDataCsv, openDataProblems, openDataRecord, REQUIRED_FIELDS } from "./open-data";
import { fundingStats, gradeRows, onTimePct } from "./stats";

const facts = {
  projectNo: "GY2025-003",
  title: '长者助餐，"幸福"食堂',
  description: "为独居老人提供助餐",
  category: "为老",
  serviceArea: "东山街道",
  awardFen: 6_000_050,
  paidFen: 3_000_000,
  startsOn: new Date("2025-03-01T00:00:00+08:00"),
  endsOn: new Date("2026-02-28T00:00:00+08:00"),
  signedAt: new Date("2025-03-10T10:00:00+08:00"),
  closedAt: null,
  updatedAt: new Date("2026-01-02T03:04:05Z"),
  organization: { name: "阳光社工中心", uscc: "52320100MJ0000000X" },
  call: { title: "2025 年公益创投", year: 2025, confirmedAt: new Date("2025-02-20T09:00:00+08:00") },
};

describe("open data records", () => {
  it("shape a project like a 360Giving grant and validate against the field list", () => {
    const r = openDataRecord(facts);
    expect(openDataProblems(r)).toEqual([]);
    expect(Object.keys(REQUIRED_FIELDS).every((f) => f in r)).toBe(true);
    expect(r).toMatchObject({
      id: "360G-yimiao-GY2025-003",
      currency: "CNY",
      amountAwarded: 60000.5,
      amountDisbursed: 30000,
      awardDate: "2025-02-20",
      recipientOrganization: [{ id: "52320100MJ0000000X", name: "阳光社工中心" }],
      plannedDates: [{ startDate: "2025-03-01", endDate: "2026-02-28" }],
      actualDates: [{ startDate: "2025-03-10", endDate: null }],
      beneficiaryLocation: [{ name: "东山街道" }],
      classifications: [{ title: "为老" }],
      dateModified: "2026-01-02T03:04:05.000Z",
    });
    expect(openDataProblems({ ...r, currency: "", plannedDates: null })).toEqual(["currency", "plannedDates"]);
  });

  it("write CSV with 360Giving titles, quoting commas and quotes", () => {
    const csv = openDataCsv([openDataRecord(facts)]);
    const [header, line] = csv.split("\r\n");
    expect(header).toBe(OPEN_DATA_COLUMNS.map((c) => c.title).join(","));
    expect(line).toContain('"长者助餐，""幸福""食堂"');
    expect(line!.startsWith("360G-yimiao-GY2025-003,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});

describe("open data documentation", () => {
  it("the README's open data section and docs/OPEN-DATA.md name every field of a record", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## 开放数据 / Open data"), readme.indexOf("## Project layout"));
    const reference = fs.readFileSync("docs/OPEN-DATA.md", "utf8");
    for (const field of Object.keys(REQUIRED_FIELDS)) {
      expect(section, field).toContain(`| \`${field}\``);
      expect(reference, field).toContain(`\`${field}`);
    }
    expect(section).toContain("/open-data/<callId>/projects.json");
    expect(section).toContain("/open-data/<callId>/projects.csv");
  });
});

describe("public statistics", () => {
  const now = new Date("2026-06-01");
  const project = (over: object) => ({
    category: "为老",
    serviceArea: "东山街道",
    street: "东山街道",
    awardFen: 100_000,
    paidFen: 50_000,
    returnedFen: 0,
    finalGrade: null,
    peoplePlanned: 100,
    peopleServed: 40,
    reports: [],
    ...over,
  });

  it("adds up money, people, grades and on-time reports, in total and by group", () => {
    const stats = fundingStats(
      [
        project({
          finalGrade: "优秀",
          reports: [
            { dueAt: "2026-01-15", submittedAt: "2026-01-10" },
            { dueAt: "2026-04-15", submittedAt: "2026-04-20" },
            { dueAt: "2026-07-15", submittedAt: null },
          ],
        }),
        project({ category: "助残", serviceArea: null, returnedFen: 7_000, peoplePlanned: null, finalGrade: "不合格" }),
        project({ awardFen: 300_000, reports: [{ dueAt: "2026-05-15", submittedAt: null }] }),
      ],
      now,
    );
    expect(stats.totals).toMatchObject({
      projects: 3,
      awardedFen: 500_000,
      paidFen: 150_000,
      returnedFen: 7_000,
      peoplePlanned: 200,
      peopleServed: 120,
      ungraded: 1,
      reportsDue: 3,
      reportsOnTime: 1,
    });
    expect(stats.totals.grades).toEqual({ 优秀: 1, 良好: 0, 合格: 0, 不合格: 1 });
    expect(onTimePct(stats.totals)).toBe(33);
    expect(onTimePct({ reportsDue: 0, reportsOnTime: 0 })).toBeNull();
    expect(stats.byCategory.map((g) => [g.name, g.projects, g.awardedFen])).toEqual([
      ["为老", 2, 400_000],
      ["助残", 1, 100_000],
    ]);
    expect(stats.byServiceArea.map((g) => g.name)).toEqual(["东山街道", "未注明"]);
    expect(gradeRows(stats.totals).map((r) => `${r.label}${r.value}`)).toEqual([
      "优秀1",
      "良好0",
      "合格0",
      "不合格1",
      "未评1",
    ]);
  });

  it("groups by the street the organization is based in, unnamed streets together", () => {
    const stats = fundingStats(
      [
        project({ street: "麒麟街道", finalGrade: "良好" }),
        project({ street: "东山街道", awardFen: 200_000 }),
        project({ street: null }),
        project({ street: "麒麟街道", reports: [{ dueAt: "2026-03-01", submittedAt: "2026-03-05" }] }),
      ],
      now,
    );
    expect(stats.byStreet.map((g) => [g.name, g.projects, g.awardedFen, g.grades["良好"], onTimePct(g)])).toEqual([
      ["东山街道", 1, 200_000, 0, null],
      ["麒麟街道", 2, 200_000, 1, 0],
      ["未注明", 1, 100_000, 0, null],
    ]);
  });
});
