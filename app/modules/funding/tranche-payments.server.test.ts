import { describe, expect, test } from "vitest";
import { toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createConfirmedCall, createProjectInCall, markSigned } from "../../../tests/support/funding-fixtures";
import { createTestUser } from "../../../tests/unit/helpers/users";
import { moveTranche, recordGateByHand, recordPayment } from "./tranche-payments.server";
import { meetTrancheGates } from "./tranches.server";

async function signedProject() {
  const staff = await createTestUser({ role: "ADMIN" });
  const member = await createTestUser();
  const org = await prisma.organization.create({
    data: { name: `付款测试中心${member.id}`, type: "SOCIAL_SERVICE", memberships: { create: { userId: member.id } } },
    select: { id: true },
  });
  const call = await createConfirmedCall({ createdById: staff.id });
  const project = await createProjectInCall({
    callId: call.id,
    organizationId: org.id,
    userId: member.id,
    staffId: staff.id,
  });
  const signedAt = new Date(Date.now() - 3 * 86_400_000);
  await markSigned(project.id, signedAt);
  await prisma.$transaction((tx) =>
    meetTrancheGates(tx, {
      projectId: project.id,
      trigger: "SIGNING",
      at: signedAt,
      actor: { id: staff.id, role: "ADMIN" },
      reason: "双方签订协议",
    }),
  );
  const tranches = await prisma.grantTranche.findMany({
    where: { projectId: project.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return { staff, member, projectId: project.id, tranches: tranches.map((t) => t.id) };
}

const today = () => toDateInput(new Date());
const statusOf = async (id: string) =>
  (await prisma.grantTranche.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("recordPayment", () => {
  test("records the first tranche: PAID with date, voucher and account, audited, the organization told", async () => {
    const { staff, member, projectId, tranches } = await signedProject();
    const result = await recordPayment({
      projectId,
      trancheId: tranches[0]!,
      paidOn: today(),
      voucherNo: `PZ-${tranches[0]}`,
      receivingAccount: "中国银行南京东山支行 6217 0000 1234",
      actor: staff,
    });
    expect(result.ok).toBe(true);
    const row = await prisma.grantTranche.findUniqueOrThrow({
      where: { id: tranches[0]! },
      select: { status: true, voucherNo: true, receivingAccount: true, paidById: true, paidAt: true },
    });
    expect(row).toMatchObject({ status: "PAID", voucherNo: `PZ-${tranches[0]}`, paidById: staff.id });
    expect(await prisma.auditEvent.count({ where: { entityId: tranches[0]!, toState: "PAID" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: member.id, title: { contains: "已拨付" } } })).toBe(1);
  });

  test("the second tranche is refused before its gate, whatever the form says", async () => {
    const { staff, projectId, tranches } = await signedProject();
    const result = await recordPayment({
      projectId,
      trancheId: tranches[1]!,
      paidOn: today(),
      voucherNo: "PZ-2",
      receivingAccount: "中国银行南京东山支行 6217",
      actor: staff,
    });
    expect(result).toMatchObject({
      ok: false,
      status: 409,
      formErrors: ["拨付条件「中期评估合格后」尚未达成，不能拨付"],
    });
    expect(await statusOf(tranches[1]!)).toBe("PLANNED");
  });

  test("field checks: a future date, a date before the gate, a voucher number used before, another project's tranche", async () => {
    const { staff, projectId, tranches } = await signedProject();
    const base = {
      projectId,
      trancheId: tranches[0]!,
      voucherNo: "PZ-X",
      receivingAccount: "工商银行 6222 0000",
      actor: staff,
    };
    expect(await recordPayment({ ...base, paidOn: toDateInput(new Date(Date.now() + 3 * 86_400_000)) })).toMatchObject({
      fieldErrors: { paidOn: ["拨付日期不能晚于今天"] },
    });
    const early = await recordPayment({ ...base, paidOn: toDateInput(new Date(Date.now() - 10 * 86_400_000)) });
    expect(early).toMatchObject({ ok: false });
    expect((early as { fieldErrors: Record<string, string[]> }).fieldErrors.paidOn![0]).toContain(
      "不能早于拨付条件达成日",
    );
    const other = await signedProject();
    await recordPayment({
      ...base,
      projectId: other.projectId,
      trancheId: other.tranches[0]!,
      voucherNo: "PZ-USED",
      paidOn: today(),
    });
    const reused = await recordPayment({ ...base, voucherNo: "PZ-USED", paidOn: today() });
    expect((reused as { fieldErrors: Record<string, string[]> }).fieldErrors.voucherNo![0]).toContain("该凭证号已用于");
    expect(await recordPayment({ ...base, trancheId: other.tranches[1]!, paidOn: today() })).toMatchObject({
      status: 404,
    });
  });
});

describe("moveTranche and recordGateByHand", () => {
  test("withhold then resume then stop, each with its reason", async () => {
    const { staff, projectId, tranches } = await signedProject();
    const move = (to: "WITHHELD" | "PAYABLE" | "STOPPED") =>
      moveTranche({ projectId, trancheId: tranches[0]!, to, reason: `理由${to}`, actor: staff });
    expect((await move("WITHHELD")).ok).toBe(true);
    expect(
      await prisma.grantTranche.findUniqueOrThrow({
        where: { id: tranches[0]! },
        select: { status: true, holdReason: true },
      }),
    ).toEqual({ status: "WITHHELD", holdReason: "理由WITHHELD" });
    expect((await move("PAYABLE")).ok).toBe(true);
    expect(await statusOf(tranches[0]!)).toBe("PAYABLE");
    expect((await move("STOPPED")).ok).toBe(true);
    await expect(move("PAYABLE")).resolves.toMatchObject({ ok: false, status: 409 });
    await expect(move("WITHHELD")).rejects.toThrow("不能变为");
  });

  test("staff record the mid-term gate by hand: the project's date is set and the tranche becomes payable", async () => {
    const { staff, projectId, tranches } = await signedProject();
    const result = await recordGateByHand({
      projectId,
      trigger: "MIDTERM_PASS",
      metOn: today(),
      reason: "中期评估线下完成，结果合格",
      actor: staff,
    });
    expect(result).toMatchObject({ ok: true, opened: 1 });
    expect(await statusOf(tranches[1]!)).toBe("PAYABLE");
    const again = await recordGateByHand({
      projectId,
      trigger: "MIDTERM_PASS",
      metOn: today(),
      reason: "再次登记",
      actor: staff,
    });
    expect(again).toMatchObject({ ok: false, status: 409 });
    const signing = await recordGateByHand({
      projectId,
      trigger: "SIGNING",
      metOn: today(),
      reason: "手工",
      actor: staff,
    });
    expect(signing).toMatchObject({ ok: false });
  });
});
