// Demo registration applications: one submitted and overdue, one submitted with its
// decision clock running, one returned for correction, one draft. They belong to organizations still preparing
// (PREPARING) in the base demo data; the draft goes to the demo organization
// account when its organization is preparing, otherwise to a new group.
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { writeUpload } from "~/modules/attachments/uploads.server";
import { getRules } from "~/modules/config/rules.server";
import { applicationKindLabel, kindForType, type ApplicationData } from "~/modules/registration/application-form";
import { checkCompleteness, checkTypeRules } from "~/modules/registration/application-rules";
import { APPLICATION_SUBJECT_TYPE, documentsFor, registrationDocuments } from "~/modules/registration/documents";
import { decisionDueAt } from "~/modules/registration/review";
import { formatDate } from "~/utils/format";
import { storyDate, today } from "./dates";

/** A one-page PDF saying what it stands for (ASCII text: the base PDF fonts have no Chinese). */
function demoPdf(lines: string[]) {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = ["BT", "/F1 12 Tf", "72 760 Td", "16 TL", ...lines.map((l) => `(${escape(l)}) Tj T*`), "ET"].join(
    "\n",
  );
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const DOCUMENT_FILE_NAMES = {
  charter: "章程草案.pdf",
  premises: "住所证明.pdf",
  capital: "验资证明.pdf",
  persons: "负责人身份证明及简历.pdf",
} as const;

type Plan = {
  /** An organization of the base demo data, by name. */
  organizationName: string;
  /** Who fills in the form: an existing account, or one created for the organization. */
  applicant: { email: string; name: string; phone: string; createdAt: string };
  data: ApplicationData;
  createdAt: string;
  submittedAt?: string;
  correction?: { at: string; notes: string };
};

const OVERDUE: Plan = {
  organizationName: "江宁区农业科技协会",
  applicant: { email: "yinfusheng@yimiao.demo", name: "尹福生", phone: "13913021187", createdAt: "2026-08-27 16:05" },
  createdAt: "2026-09-01 09:12",
  submittedAt: "2026-09-08 10:20",
  data: {
    orgType: "SOCIAL_GROUP",
    proposedName: "江宁区农业科技协会",
    level: "LOCAL",
    address: "南京市江宁区谷里街道亲见路2号",
    area: "南京市江宁区",
    areaCode: "320115",
    purpose: "推广农业新技术，服务现代农业发展，促进农民增收和乡村振兴。",
    scope: "农业技术推广与培训；农产品品牌建设交流；农业科技咨询服务；农业科普活动。",
    category: "科技类",
    legalRepresentative: "尹福生",
    persons: [
      { name: "尹福生", title: "会长", phone: "13913021187" },
      { name: "陶志明", title: "副会长", phone: "13705164428" },
      { name: "钱小燕", title: "秘书长", phone: "18951712036" },
    ],
    capitalFen: 5_000_000,
    individualMembers: 86,
    unitMembers: 12,
  },
};

const CORRECTION: Plan = {
  organizationName: "江宁区暖心陪伴社会工作服务中心",
  applicant: { email: "huanglei@yimiao.demo", name: "黄蕾", phone: "13800000024", createdAt: "2026-11-10 20:05" },
  createdAt: "2026-11-11 19:30",
  submittedAt: "2026-11-13 09:40",
  correction: {
    at: "2026-11-18 15:10",
    notes:
      "1. 住所证明为租赁合同复印件，租期不足一年，请补充一年以上的租赁合同或产权证明；\n2. 章程草案第十二条与第二十条关于理事会任期的规定不一致，请修改后重新上传。",
  },
  data: {
    orgType: "SOCIAL_SERVICE",
    proposedName: "江宁区暖心陪伴社会工作服务中心",
    address: "南京市江宁区东山街道东新南路66号",
    area: "南京市江宁区",
    areaCode: "320115",
    purpose: "为独居、空巢老人及困境儿童提供陪伴关爱服务，倡导邻里互助。",
    scope: "独居老人探访陪伴；困境儿童关爱；社区志愿者招募培训。",
    category: "城乡社区服务类",
    legalRepresentative: "黄蕾",
    persons: [
      { name: "黄蕾", title: "主任", phone: "13770510382" },
      { name: "潘玉洁", title: "副主任", phone: "13813876215" },
    ],
    capitalFen: 3_000_000,
  },
};

/** Submitted twelve days before the story's today: the decision clock is running. */
const RUNNING: Plan = {
  organizationName: "江宁区邻里守望社会工作服务中心",
  applicant: { email: "fangjing@yimiao.demo", name: "方静", phone: "13776632018", createdAt: "2026-10-28 09:10" },
  createdAt: "2026-11-02 14:00",
  submittedAt: "2026-11-09 10:05",
  data: {
    orgType: "SOCIAL_SERVICE",
    proposedName: "江宁区邻里守望社会工作服务中心",
    address: "南京市江宁区秣陵街道天元西路88号",
    area: "南京市江宁区",
    areaCode: "320115",
    purpose: "运用社会工作方法，为社区困境家庭和独居老人提供关爱服务，促进邻里互助。",
    scope: "困境家庭个案服务；独居老人关爱探访；社区互助网络建设；志愿者培训。",
    category: "城乡社区服务类",
    legalRepresentative: "方静",
    persons: [
      { name: "方静", title: "主任", phone: "13776632018" },
      { name: "陆海涛", title: "副主任", phone: "13951003627" },
    ],
    capitalFen: 3_000_000,
  },
};

/** Used when the demo organization account's organization is already registered. */
const NEW_APPLYING_GROUP = {
  organization: {
    name: "东山街道百家湖社区邻里守望队",
    type: "COMMUNITY",
    address: "南京市江宁区东山街道百家湖社区居委会",
    area: "江宁区东山街道百家湖社区",
    category: "城乡社区服务类",
    contactName: "许文静",
    contactPhone: "13584026619",
    contactEmail: "shouwang@baijiahu.yimiao.demo",
  },
  applicant: { email: "xuwenjing@yimiao.demo", name: "许文静", phone: "13584026619", createdAt: "2026-11-19 10:02" },
};

const DRAFT_DATA = {
  orgType: "COMMUNITY",
  proposedName: "东山街道百家湖社区邻里守望队",
  address: "南京市江宁区东山街道百家湖社区居委会",
  area: "江宁区东山街道百家湖社区",
  areaCode: "320115",
  purpose: "组织居民开展邻里守望和互助服务，建设平安和谐社区。",
  category: "城乡社区服务类",
  persons: [{ name: "许文静", title: "队长", phone: "13584026619" }],
} satisfies ApplicationData;

export async function seedRegistration(prisma: PrismaClient) {
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@yimiao.demo" }, select: { id: true } });
  // New demo accounts sign in with the same password as the others.
  const demoPassword = await prisma.password.findFirstOrThrow({
    where: { user: { email: "org@yimiao.demo" } },
    select: { hash: true },
  });
  const rules = await getRules(today, prisma);

  async function memberOf(organizationId: string, person: Plan["applicant"]) {
    const existing = await prisma.user.findUnique({ where: { email: person.email }, select: { id: true } });
    const user =
      existing ??
      (await prisma.user.create({
        data: {
          email: person.email,
          name: person.name,
          phone: person.phone,
          role: "ORG_MEMBER",
          createdAt: storyDate(person.createdAt),
          password: { create: { hash: demoPassword.hash } },
        },
        select: { id: true },
      }));
    await prisma.membership.upsert({
      where: { userId_organizationId: { userId: user.id, organizationId } },
      create: { userId: user.id, organizationId, role: "OWNER", createdAt: storyDate(person.createdAt) },
      update: {},
    });
    return user.id;
  }

  async function preparingOrganization(name: string) {
    const org = await prisma.organization.findUnique({ where: { name }, select: { id: true, status: true } });
    if (!org || org.status !== "PREPARING") throw new Error(`seedRegistration: ${name} must exist and be PREPARING`);
    return org.id;
  }

  async function addApplication(
    organizationId: string,
    applicantId: string,
    plan: Omit<Plan, "organizationName" | "applicant">,
  ) {
    const kind = kindForType(plan.data.orgType);
    const submitted = plan.submittedAt != null;
    if (submitted) {
      // Anything shown as submitted meets the checks a real submission meets.
      const issues = [...checkCompleteness(plan.data), ...checkTypeRules(plan.data, rules)];
      if (issues.length)
        throw new Error(`seedRegistration: ${plan.data.proposedName}: ${issues.map((i) => i.message).join("; ")}`);
    }
    const firstSubmittedAt = plan.submittedAt ? storyDate(plan.submittedAt) : null;
    const status = plan.correction ? "CORRECTION" : submitted ? "SUBMITTED" : "DRAFT";
    const application = await prisma.registrationApplication.create({
      data: {
        organizationId,
        kind,
        orgType: plan.data.orgType,
        proposedName: plan.data.proposedName ?? "",
        status,
        data: JSON.stringify(plan.data),
        correctionNotes: plan.correction?.notes ?? null,
        submissions: submitted ? 1 : 0,
        firstSubmittedAt,
        submittedAt: firstSubmittedAt,
        dueAt: firstSubmittedAt ? decisionDueAt(firstSubmittedAt, rules["registration.reviewDays"]) : null,
        createdById: applicantId,
        createdAt: storyDate(plan.createdAt),
        updatedAt: storyDate(plan.correction?.at ?? plan.submittedAt ?? plan.createdAt),
      },
      select: { id: true },
    });

    const link = `/org/registration/${application.id}`;
    const adminLink = `/admin/registrations/${application.id}`;
    const audit: Prisma.AuditEventCreateManyInput[] = [
      {
        actorId: applicantId,
        action: "registration.create",
        entityType: "RegistrationApplication",
        entityId: application.id,
        toState: "DRAFT",
        reason: `${applicationKindLabel(kind)}申请：${plan.data.proposedName}`,
        createdAt: storyDate(plan.createdAt),
      },
    ];
    if (!submitted) {
      await prisma.auditEvent.createMany({ data: audit });
      return application.id;
    }

    // The documents a submission needs, as real (small) PDF files.
    const keys = documentsFor(kind);
    const documents = [];
    for (const key of keys) {
      const name = DOCUMENT_FILE_NAMES[key];
      const bytes = demoPdf([
        "Yimiao demo material",
        `${registrationDocuments.purposeOf(key)} - application ${application.id}`,
        "Stands in for the scanned document an applicant uploads.",
      ]);
      const file = new File([bytes], name, { type: "application/pdf" });
      const stored = await writeUpload(file);
      documents.push({
        uploaderId: applicantId,
        organizationId,
        purpose: registrationDocuments.purposeOf(key),
        originalName: name,
        mimeType: "application/pdf",
        sizeBytes: bytes.length,
        storageKey: stored.storageKey,
        subjectType: APPLICATION_SUBJECT_TYPE,
        subjectId: application.id,
        createdAt: storyDate(plan.submittedAt!),
      });
    }
    await prisma.attachment.createMany({ data: documents });

    audit.push(
      {
        actorId: applicantId,
        action: "attachment.upload",
        entityType: "RegistrationApplication",
        entityId: application.id,
        reason: keys.map((k) => `${registrationDocuments.label(k)}：${DOCUMENT_FILE_NAMES[k]}`).join("；"),
        createdAt: storyDate(plan.submittedAt!),
      },
      {
        actorId: applicantId,
        action: "registration.transition",
        entityType: "RegistrationApplication",
        entityId: application.id,
        fromState: "DRAFT",
        toState: "SUBMITTED",
        reason: "提交申请",
        createdAt: storyDate(plan.submittedAt!),
      },
    );
    const dueAt = decisionDueAt(firstSubmittedAt!, rules["registration.reviewDays"]);
    const admins = await prisma.user.findMany({ where: { role: "ADMIN", status: "ACTIVE" }, select: { id: true } });
    const kindLabel = applicationKindLabel(kind);
    const notifications: Prisma.NotificationCreateManyInput[] = admins.map((a) => ({
      userId: a.id,
      title: `新的${kindLabel}申请：${plan.data.proposedName}`,
      body: `第 1 次提交。请在 ${formatDate(dueAt)} 前作出决定。`,
      link: adminLink,
      createdAt: storyDate(plan.submittedAt!),
    }));
    notifications.push({
      userId: applicantId,
      title: `${kindLabel}申请已提交：${plan.data.proposedName}`,
      body: `区民政局将审查您的申请，办理期限至 ${formatDate(dueAt)}。`,
      link,
      createdAt: storyDate(plan.submittedAt!),
      readAt: storyDate(plan.submittedAt!),
    });
    if (plan.correction) {
      audit.push({
        actorId: admin.id,
        action: "registration.transition",
        entityType: "RegistrationApplication",
        entityId: application.id,
        fromState: "SUBMITTED",
        toState: "CORRECTION",
        reason: plan.correction.notes,
        createdAt: storyDate(plan.correction.at),
      });
      notifications.push({
        userId: applicantId,
        title: `${kindLabel}申请需要补正：${plan.data.proposedName}`,
        body: `补正内容：${plan.correction.notes}`,
        link,
        createdAt: storyDate(plan.correction.at),
      });
    }
    await prisma.auditEvent.createMany({ data: audit });
    await prisma.notification.createMany({ data: notifications });
    return application.id;
  }

  // The organization behind RUNNING is new to the base data: it starts preparing here.
  await prisma.organization.create({
    data: {
      name: RUNNING.organizationName,
      type: RUNNING.data.orgType,
      address: RUNNING.data.address,
      area: RUNNING.data.area,
      areaCode: "320115",
      category: RUNNING.data.category,
      contactName: RUNNING.applicant.name,
      contactPhone: RUNNING.applicant.phone,
      contactEmail: "linli@shouwang.yimiao.demo",
      createdAt: storyDate(RUNNING.applicant.createdAt),
    },
    select: { id: true },
  });
  for (const plan of [OVERDUE, CORRECTION, RUNNING]) {
    const organizationId = await preparingOrganization(plan.organizationName);
    const applicantId = await memberOf(organizationId, plan.applicant);
    await addApplication(organizationId, applicantId, plan);
  }

  // The draft: the demo organization account's own organization if it is still preparing.
  const demo = await prisma.membership.findFirst({
    where: { user: { email: "org@yimiao.demo" } },
    orderBy: { createdAt: "asc" },
    select: { userId: true, organization: { select: { id: true, status: true, type: true, name: true } } },
  });
  if (demo && demo.organization.status === "PREPARING") {
    await addApplication(demo.organization.id, demo.userId, {
      createdAt: "2026-11-20 14:30",
      data: {
        ...DRAFT_DATA,
        orgType: demo.organization.type as ApplicationData["orgType"],
        proposedName: demo.organization.name,
      },
    });
  } else {
    const org = await prisma.organization.create({
      data: {
        ...NEW_APPLYING_GROUP.organization,
        areaCode: "320115",
        createdAt: storyDate(NEW_APPLYING_GROUP.applicant.createdAt),
      },
      select: { id: true },
    });
    const applicantId = await memberOf(org.id, NEW_APPLYING_GROUP.applicant);
    await addApplication(org.id, applicantId, { createdAt: "2026-11-20 14:30", data: DRAFT_DATA });
  }
}
