import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveStoragePath } from "~/modules/attachments/uploads.server";
import { generateUscc, isValidUscc } from "~/modules/organizations/uscc";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma } from "~/utils/db.server";
import { PDF_BYTES } from "../../../tests/unit/helpers/sample-files";
import { createTestUser } from "../../../tests/unit/helpers/users";
import type { ApplicationData } from "./application-form";
import type { DocumentKey } from "./documents";
import {
  listApplicationDocuments,
  nameConflictMessage,
  saveApplication,
  startApplication,
} from "./registration.server";
import { decideApplication } from "./staff-review.server";

const request = () => new Request("http://localhost/org/registration");

async function applicant(orgName = `测试筹备组织${Math.random().toString(36).slice(2, 8)}`) {
  const user = await createTestUser({ role: "ORG_MEMBER" });
  const org = await prisma.organization.create({
    data: { name: orgName, type: "SOCIAL_SERVICE", memberships: { create: { userId: user.id, role: "OWNER" } } },
    select: { id: true },
  });
  return { userId: user.id, organizationId: org.id };
}

function pdf(name: string) {
  return new File([PDF_BYTES], name, { type: "application/pdf" });
}

function allDocuments(kind: "REGISTRATION" | "FILING"): Partial<Record<DocumentKey, File>> {
  const files: Partial<Record<DocumentKey, File>> = {
    charter: pdf("章程草案.pdf"),
    premises: pdf("住所证明.pdf"),
    persons: pdf("负责人.pdf"),
  };
  if (kind === "REGISTRATION") files.capital = pdf("验资证明.pdf");
  return files;
}

function serviceData(name: string, areaCode = "320104"): ApplicationData {
  return {
    orgType: "SOCIAL_SERVICE",
    proposedName: name,
    address: "南京市江宁区东山街道竹山路100号",
    area: "南京市江宁区",
    areaCode,
    purpose: "为社区居民提供专业社会工作服务。",
    scope: "社区服务；社会工作培训。",
    category: "公益慈善类",
    legalRepresentative: "陈晓",
    persons: [{ name: "陈晓", title: "主任", phone: "13800000003" }],
    capitalFen: 5_000_000,
  };
}

async function submitted(data: ApplicationData) {
  const who = await applicant();
  const app = await startApplication({ ...who, orgType: data.orgType, request: request() });
  await saveApplication({
    ...who,
    applicationId: app.id,
    actorId: who.userId,
    data,
    files: allDocuments(data.orgType === "COMMUNITY" ? "FILING" : "REGISTRATION"),
    submit: true,
    request: request(),
  });
  return { ...who, applicationId: app.id };
}

describe("an application from draft to registration", () => {
  it("goes through correction and approval, and registers the organization with a valid code", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const who = await applicant();
    const app = await startApplication({ ...who, orgType: "SOCIAL_SERVICE", request: request() });

    // A draft may be saved half-filled; nothing is submitted yet.
    await saveApplication({
      ...who,
      applicationId: app.id,
      actorId: who.userId,
      data: { orgType: "SOCIAL_SERVICE", proposedName: "江宁区益邻社会工作服务中心", persons: [] },
      files: {},
      submit: false,
      request: request(),
    });
    let row = await prisma.registrationApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({
      status: "DRAFT",
      submissions: 0,
      proposedName: "江宁区益邻社会工作服务中心",
      kind: "REGISTRATION",
    });
    expect(await prisma.notification.count({ where: { userId: admin.id } })).toBe(0);

    const data = serviceData("江宁区益邻社会工作服务中心");
    await saveApplication({
      ...who,
      applicationId: app.id,
      actorId: who.userId,
      data,
      files: allDocuments("REGISTRATION"),
      submit: true,
      request: request(),
    });
    row = await prisma.registrationApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.status).toBe("SUBMITTED");
    expect(row.submissions).toBe(1);
    expect(row.dueAt!.getTime() - row.firstSubmittedAt!.getTime()).toBe(60 * 86_400_000);
    expect(JSON.parse(row.data)).toEqual(data);
    expect(await listApplicationDocuments(app.id)).toHaveLength(4);
    const adminNotes = await prisma.notification.findMany({
      where: { userId: admin.id },
      select: { title: true, link: true },
    });
    expect(adminNotes).toEqual([
      { title: "新的登记申请：江宁区益邻社会工作服务中心", link: `/admin/registrations/${app.id}` },
    ]);

    await decideApplication({
      applicationId: app.id,
      to: "CORRECTION",
      reason: "住所证明不清晰，请重新上传",
      actorId: admin.id,
    });
    row = await prisma.registrationApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ status: "CORRECTION", correctionNotes: "住所证明不清晰，请重新上传" });
    const memberNote = await prisma.notification.findFirstOrThrow({
      where: { userId: who.userId, title: { contains: "补正" } },
    });
    expect(memberNote).toMatchObject({
      body: "补正内容：住所证明不清晰，请重新上传",
      link: `/org/registration/${app.id}`,
    });

    // Resubmit with a new 住所证明: the old file goes, the clock does not restart.
    const [oldPremises] = (await listApplicationDocuments(app.id)).filter((d) => d.purpose === "registration.premises");
    const oldKey = (await prisma.attachment.findUniqueOrThrow({ where: { id: oldPremises!.id } })).storageKey;
    await saveApplication({
      ...who,
      applicationId: app.id,
      actorId: who.userId,
      data,
      files: { premises: pdf("住所证明-清晰版.pdf") },
      submit: true,
      request: request(),
    });
    const resubmitted = await prisma.registrationApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", submissions: 2 });
    expect(resubmitted.dueAt).toEqual(row.dueAt);
    const documents = await listApplicationDocuments(app.id);
    expect(documents).toHaveLength(4);
    expect(documents.find((d) => d.purpose === "registration.premises")?.originalName).toBe("住所证明-清晰版.pdf");
    expect(fs.existsSync(resolveStoragePath(oldKey))).toBe(false);

    await decideApplication({ applicationId: app.id, to: "ACCEPTED", actorId: admin.id });
    const { uscc } = await decideApplication({ applicationId: app.id, to: "APPROVED", actorId: admin.id });

    expect(uscc).not.toBeNull();
    expect(isValidUscc(uscc!)).toBe(true);
    expect(uscc!.slice(0, 2)).toBe("52");
    expect(uscc!.slice(2, 8)).toBe("320104");
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: who.organizationId } });
    expect(org).toMatchObject({
      name: "江宁区益邻社会工作服务中心",
      type: "SOCIAL_SERVICE",
      status: "REGISTERED",
      uscc,
      areaCode: "320104",
      address: data.address,
      area: data.area,
      purpose: data.purpose,
      scope: data.scope,
      legalRepresentative: "陈晓",
      capitalFen: 5_000_000n,
      category: "公益慈善类",
      supervisingUnit: null,
    });
    expect(org.registeredAt).not.toBeNull();
    const change = await prisma.organizationChange.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(change).toMatchObject({ kind: "REGISTER", newValue: uscc, recordedById: admin.id });
    const decided = await prisma.registrationApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(decided.status).toBe("APPROVED");
    expect(decided.decidedAt).not.toBeNull();

    const transitions = await prisma.auditEvent.findMany({
      where: { entityType: "RegistrationApplication", entityId: app.id, action: "registration.transition" },
      orderBy: { createdAt: "asc" },
      select: { fromState: true, toState: true, actorId: true },
    });
    expect(transitions.map((t) => `${t.fromState}→${t.toState}`)).toEqual([
      "DRAFT→SUBMITTED",
      "SUBMITTED→CORRECTION",
      "CORRECTION→SUBMITTED",
      "SUBMITTED→ACCEPTED",
      "ACCEPTED→APPROVED",
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "organization.register", entityId: org.id } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: who.userId, title: { startsWith: "准予登记" } } })).toBe(
      1,
    );
  });

  it("gives each approved type its digit and never repeats a code", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    // A code already issued with the body the counter would pick first.
    const seededCode = generateUscc({ typeDigit: "2", areaCode: "320115", orgCodeBase8: "MJ000002" });
    await prisma.organization.create({
      data: { name: "已登记的老机构", type: "SOCIAL_SERVICE", status: "REGISTERED", uscc: seededCode },
    });

    const group = await submitted({
      orgType: "SOCIAL_GROUP",
      proposedName: "江宁区书画艺术协会",
      level: "LOCAL",
      address: "南京市江宁区文靖东路1号",
      area: "南京市江宁区",
      areaCode: "320115",
      purpose: "繁荣书画艺术。",
      scope: "书画交流；展览。",
      category: "文化类",
      supervisingUnit: "区文化和旅游局",
      legalRepresentative: "韩文博",
      persons: [{ name: "韩文博", title: "会长", phone: "13851832269" }],
      capitalFen: 3_000_000,
      individualMembers: 60,
      unitMembers: 0,
    });
    const filing = await submitted({
      orgType: "COMMUNITY",
      proposedName: "东山街道竹山社区邻里互助队",
      address: "南京市江宁区东山街道竹山社区党群服务中心",
      area: "江宁区东山街道竹山社区",
      areaCode: "320115",
      purpose: "邻里互助。",
      scope: "探访独居老人；社区环境维护。",
      category: "城乡社区服务类",
      legalRepresentative: "周婷",
      persons: [{ name: "周婷", title: "队长", phone: "13800000021" }],
    });
    const codes: string[] = [];
    for (const app of [group, filing]) {
      await decideApplication({ applicationId: app.applicationId, to: "ACCEPTED", actorId: admin.id });
      const { uscc } = await decideApplication({ applicationId: app.applicationId, to: "APPROVED", actorId: admin.id });
      codes.push(uscc!);
    }
    expect(codes.every(isValidUscc)).toBe(true);
    expect(codes.map((c) => c.slice(0, 8))).toEqual(["51320115", "59320115"]);
    // One organization was coded before: the counter starts at MJ000002, which is taken.
    expect(codes.map((c) => c.slice(8, 16))).toEqual(["MJ000003", "MJ000004"]);
    const community = await prisma.organization.findUniqueOrThrow({ where: { id: filing.organizationId } });
    expect(community).toMatchObject({ type: "COMMUNITY", status: "REGISTERED", capitalFen: null });
  });
});

describe("refusals", () => {
  it("refuses approval when another organization holds the name, and changes nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const app = await submitted(serviceData("江宁区晨曦社会工作服务中心"));
    await decideApplication({ applicationId: app.applicationId, to: "ACCEPTED", actorId: admin.id });
    await prisma.organization.create({
      data: { name: "江宁区晨曦社会工作服务中心", type: "SOCIAL_SERVICE", status: "REGISTERED" },
    });

    await expect(
      decideApplication({ applicationId: app.applicationId, to: "APPROVED", actorId: admin.id }),
    ).rejects.toThrow("名称「江宁区晨曦社会工作服务中心」已被其他社会组织使用，不能准予登记，请退回补正");
    expect((await prisma.registrationApplication.findUniqueOrThrow({ where: { id: app.applicationId } })).status).toBe(
      "ACCEPTED",
    );
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: app.organizationId } });
    expect(org).toMatchObject({ status: "PREPARING", uscc: null });
    expect(await prisma.auditEvent.count({ where: { entityId: app.applicationId, toState: "APPROVED" } })).toBe(0);
  });

  it("refuses moves the table does not allow, and 补正 without the points to correct", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const app = await submitted(serviceData("江宁区向阳社会工作服务中心"));
    await expect(
      decideApplication({ applicationId: app.applicationId, to: "APPROVED", actorId: admin.id }),
    ).rejects.toBeInstanceOf(WorkflowError);
    await expect(
      decideApplication({ applicationId: app.applicationId, to: "CORRECTION", reason: "  ", actorId: admin.id }),
    ).rejects.toThrow("「退回补正」必须填写理由");
    await expect(
      decideApplication({ applicationId: app.applicationId, to: "REJECTED", actorId: admin.id }),
    ).rejects.toThrow("「不予登记」必须填写理由");
    expect((await prisma.registrationApplication.findUniqueOrThrow({ where: { id: app.applicationId } })).status).toBe(
      "SUBMITTED",
    );
  });

  it("does not let the applicant change a submitted application or open a second one", async () => {
    const app = await submitted(serviceData("江宁区明德社会工作服务中心"));
    await expect(
      saveApplication({
        organizationId: app.organizationId,
        applicationId: app.applicationId,
        actorId: app.userId,
        data: serviceData("改过的名字"),
        files: {},
        submit: false,
        request: request(),
      }),
    ).rejects.toThrow("申请当前为「已提交」，不能修改");
    await expect(
      startApplication({
        organizationId: app.organizationId,
        userId: app.userId,
        orgType: "SOCIAL_SERVICE",
        request: request(),
      }),
    ).rejects.toThrow("本机构已有正在办理的申请");
  });

  it("tells a registered name from one merely taken", async () => {
    const mine = await applicant("本机构的名字");
    await prisma.organization.create({ data: { name: "已登记的中心", type: "SOCIAL_SERVICE", status: "REGISTERED" } });
    await prisma.organization.create({ data: { name: "筹备中的中心", type: "SOCIAL_SERVICE" } });
    expect(await nameConflictMessage("已登记的中心", mine.organizationId)).toBe(
      "「已登记的中心」与已登记的社会组织重名，请更换名称",
    );
    expect(await nameConflictMessage("筹备中的中心", mine.organizationId)).toBe(
      "「筹备中的中心」已被其他社会组织使用，请更换名称",
    );
    expect(await nameConflictMessage("本机构的名字", mine.organizationId)).toBeNull();
    expect(await nameConflictMessage("没人用的名字", mine.organizationId)).toBeNull();
  });
});
