// Seed: registry history of the demo district — a few 变更 records, the 注销 /
// 撤销 records of the organizations that left the register, credit records and
// rating grades in the proportions of the reference district (5A 2, 4A 3,
// 3A 6, 2A 5, 1A 3 in force), announced 2023–2025, plus one expired grade.
// Run after the organizations exist; looks them up by name.
import type { PrismaClient } from "~/generated/prisma/client";
import { gradeInForce, gradeValidity } from "~/modules/registry/grade";
import { storyDate, storyYear, today, yearOf } from "./dates";

const GRADES: Array<[name: string, grade: number, announced: string]> = [
  ["江宁区慈善基金会", 5, "2025-11-20"],
  ["江宁区老年协会", 5, "2024-12-10"],
  ["江宁区老年协会", 4, "2018-12-14"], // expired at the end of 2023; replaced by the 5A above
  ["江宁区社会工作协会", 4, "2025-11-20"],
  ["江宁区阳光社会工作服务中心", 4, "2025-11-20"],
  ["江宁区教育发展基金会", 4, "2023-12-15"],
  ["江宁区同心社会工作服务中心", 3, "2024-12-10"],
  ["江宁区慈善协会", 3, "2023-12-15"],
  ["江宁区东山街道居家养老服务中心", 3, "2024-12-10"],
  ["江宁区志愿者协会", 3, "2025-11-20"],
  ["江宁区康宁护理院", 3, "2023-12-15"],
  ["江宁区心晴心理咨询服务中心", 3, "2025-11-20"],
  ["江宁区作家协会", 2, "2023-12-15"],
  ["江宁区书法家协会", 2, "2024-12-10"],
  ["江宁区物业管理协会", 2, "2025-11-20"],
  ["江宁区星语儿童康复中心", 2, "2024-12-10"],
  ["江宁区围棋协会", 2, "2025-11-20"],
  ["江宁区篮球协会", 1, "2023-12-15"],
  ["江宁区摄影家协会", 1, "2024-12-10"],
  ["江宁区绿洲环境保护服务中心", 1, "2025-11-20"],
];

/** 变更: the new value is what the organization holds today; the old one is what it held before. */
const CHANGES: Array<{
  name: string;
  field: "address" | "legalRepresentative" | "capitalFen";
  oldValue: string;
  on: string;
  reason: string;
}> = [
  {
    name: "江宁区阳光社会工作服务中心",
    field: "address",
    oldValue: "南京市江宁区东山街道上元大街12号205室",
    on: "2024-03-15",
    reason: "办公场所搬迁",
  },
  {
    name: "江宁区慈善基金会",
    field: "legalRepresentative",
    oldValue: "周国平",
    on: "2025-04-10",
    reason: "理事会换届，选举产生新任理事长",
  },
  {
    name: "江宁区老年协会",
    field: "capitalFen",
    oldValue: "3000000",
    on: "2021-06-01",
    reason: "会员代表大会决议增加活动资金",
  },
];

const STATUS_EVENTS: Record<string, { on: string; reason: string }> = {
  江宁区茶叶协会: { on: "2023-05-16", reason: "会员大会决议解散，清算完毕，依申请注销登记" },
  江宁区益家社会工作服务中心: { on: "2024-08-26", reason: "举办者决定终止，清算完毕，依申请注销登记" },
  江宁街道方山社区健康自我管理小组: { on: "2022-12-20", reason: "活动已停止，经街道审核撤回备案" },
  江宁区收藏家协会: { on: "2024-09-30", reason: "连续两年未参加年度检查，依法撤销登记" },
  江宁区爱心助学服务中心: { on: "2025-03-18", reason: "连续两年未参加年度检查，依法撤销登记" },
};

const CREDIT: Array<{
  name: string;
  kind: string;
  description: string;
  authority: string;
  on: string;
  ended?: string;
}> = [
  {
    name: "江宁区收藏家协会",
    kind: "ADMIN_PENALTY",
    description: `${storyYear(2022)}、${storyYear(2023)} 年度连续两年未按规定参加年度检查，依据《社会团体登记管理条例》予以撤销登记。`,
    authority: "南京市江宁区民政局",
    on: "2024-09-30",
  },
  {
    name: "江宁区悦动体育健身俱乐部",
    kind: "ABNORMAL_LIST",
    description: `未按规定报送 ${storyYear(2024)} 年度工作报告，列入活动异常名录。`,
    authority: "南京市江宁区民政局",
    on: "2025-07-15",
  },
  {
    name: "江宁区电子商务协会",
    kind: "ABNORMAL_LIST",
    description: "通过登记的住所无法取得联系，列入活动异常名录。",
    authority: "南京市江宁区民政局",
    on: "2024-06-20",
    ended: "2024-11-05",
  },
];

export async function seedRegistry(prisma: PrismaClient, now = today) {
  if ((await prisma.organizationGrade.count()) > 0) return { skipped: true as const };
  const names = [
    ...new Set([
      ...GRADES.map((g) => g[0]),
      ...CHANGES.map((c) => c.name),
      ...Object.keys(STATUS_EVENTS),
      ...CREDIT.map((c) => c.name),
    ]),
  ];
  const orgs = await prisma.organization.findMany({
    where: { name: { in: names } },
    select: { id: true, name: true, status: true, address: true, legalRepresentative: true, capitalFen: true },
  });
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const org = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new Error(`seedRegistry: no organization named ${name}`);
    return found;
  };
  const admin = await prisma.user.findFirst({
    where: { role: "ADMIN" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const recordedById = admin?.id ?? null;

  return prisma.$transaction(async (tx) => {
    await tx.organizationChange.createMany({
      data: [
        ...CHANGES.map((c) => {
          const o = org(c.name);
          const current = c.field === "capitalFen" ? (o.capitalFen == null ? null : String(o.capitalFen)) : o[c.field];
          return {
            organizationId: o.id,
            kind: "CHANGE",
            field: c.field,
            oldValue: c.oldValue,
            newValue: current,
            reason: c.reason,
            effectiveAt: storyDate(c.on),
            recordedById,
            createdAt: storyDate(c.on),
          };
        }),
        ...Object.entries(STATUS_EVENTS)
          .map(([name, event]) => ({ o: org(name), event }))
          .filter(({ o }) => o.status === "DEREGISTERED" || o.status === "REVOKED")
          .map(({ o, event }) => ({
            organizationId: o.id,
            kind: o.status === "DEREGISTERED" ? "DEREGISTER" : "REVOKE",
            oldValue: "REGISTERED",
            newValue: o.status,
            reason: event.reason,
            effectiveAt: storyDate(event.on),
            recordedById,
            createdAt: storyDate(event.on),
          })),
      ],
    });

    await tx.creditRecord.createMany({
      data: CREDIT.map((c) => ({
        organizationId: org(c.name).id,
        kind: c.kind,
        description: c.description,
        authority: c.authority,
        decidedAt: storyDate(c.on),
        endedAt: c.ended ? storyDate(c.ended) : null,
        recordedById,
        createdAt: storyDate(c.on),
      })),
    });

    const gradeRows = GRADES.map(([name, grade, announced]) => ({
      organizationId: org(name).id,
      grade,
      announcedAt: storyDate(announced),
      ...gradeValidity(storyDate(announced)),
      note: `${yearOf(storyDate(announced))} 年度社会组织评估`,
      recordedById,
      createdAt: storyDate(announced),
    }));
    await tx.organizationGrade.createMany({ data: gradeRows });

    // currentGrade = the grade in force today, grouped so each value is one update.
    const byGrade = new Map<number, string[]>();
    for (const organizationId of new Set(gradeRows.map((r) => r.organizationId))) {
      const grade = gradeInForce(
        gradeRows.filter((r) => r.organizationId === organizationId),
        now,
      );
      if (grade != null) byGrade.set(grade, [...(byGrade.get(grade) ?? []), organizationId]);
    }
    for (const [grade, ids] of byGrade) {
      await tx.organization.updateMany({ where: { id: { in: ids } }, data: { currentGrade: grade } });
    }
    return {
      skipped: false as const,
      changes: CHANGES.length,
      credit: CREDIT.length,
      grades: gradeRows.length,
      inForce: Object.fromEntries([...byGrade].map(([g, ids]) => [`${g}A`, ids.length])),
    };
  });
}
