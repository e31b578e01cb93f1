// The call's disbursement register (拨付登记簿) as an .xlsx workbook: the ledger, every
// tranche of every funded project with its payment record, and the refunds.
import ExcelJS from "exceljs";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { callLedger, ledgerLines } from "./ledger";
import { projectStateLabel } from "./project-workflow";
import { trancheStateLabel } from "./tranche-workflow";
import { TRIGGER_LABELS, type TrancheTrigger } from "./tranches";

const REFUND_KINDS: Record<string, string> = { CLAWBACK: "追回", LEFTOVER: "结余退回" };
const REFUND_STATES: Record<string, string> = { OUTSTANDING: "待退回", RECEIVED: "已退回", WAIVED: "已核销" };
const yuan = (fen: number) => fen / 100;

export async function disbursementRegister(callId: string) {
  const call = await prisma.grantCall.findUnique({
    where: { id: callId },
    select: {
      title: true,
      year: true,
      poolFen: true,
      projects: {
        orderBy: { projectNo: "asc" },
        select: {
          projectNo: true,
          title: true,
          status: true,
          awardFen: true,
          signedAt: true,
          organization: { select: { name: true, uscc: true } },
          tranches: {
            orderBy: { position: "asc" },
            select: {
              position: true,
              percent: true,
              amountFen: true,
              trigger: true,
              status: true,
              gateMetAt: true,
              dueAt: true,
              paidAt: true,
              voucherNo: true,
              receivingAccount: true,
              paidById: true,
              holdReason: true,
            },
          },
          refunds: {
            orderBy: { createdAt: "asc" },
            select: {
              kind: true,
              amountFen: true,
              receivedFen: true,
              status: true,
              reason: true,
              dueAt: true,
              receivedAt: true,
            },
          },
        },
      },
    },
  });
  if (!call) return null;
  const payerIds = [...new Set(call.projects.flatMap((p) => p.tranches.map((t) => t.paidById)).filter(Boolean))];
  const payers = new Map(
    (await prisma.user.findMany({ where: { id: { in: payerIds as string[] } }, select: { id: true, name: true } })).map(
      (u) => [u.id, u.name],
    ),
  );

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "益苗";
  workbook.title = `${call.title} 拨付登记簿`;

  const ledger = callLedger(call.poolFen, call.projects);
  const summary = workbook.addWorksheet("资金台账");
  summary.columns = [
    { header: "项目", key: "label", width: 16 },
    { header: "金额（元）", key: "value", width: 18 },
    { header: "说明", key: "note", width: 48 },
  ];
  for (const line of ledgerLines(ledger))
    summary.addRow({ label: line.label, value: yuan(line.value), note: line.note });
  if (ledger.withdrawn > 0)
    summary.addRow({ label: "已撤销资助", value: yuan(ledger.withdrawn), note: "撤销资助的项目，已回到资金池" });

  const register = workbook.addWorksheet("拨付登记");
  register.columns = [
    { header: "项目编号", key: "no", width: 14 },
    { header: "项目名称", key: "title", width: 30 },
    { header: "承接机构", key: "org", width: 28 },
    { header: "统一社会信用代码", key: "uscc", width: 22 },
    { header: "项目状态", key: "projectStatus", width: 10 },
    { header: "资助金额（元）", key: "award", width: 14 },
    { header: "批次", key: "position", width: 6 },
    { header: "比例（%）", key: "percent", width: 8 },
    { header: "拨付金额（元）", key: "amount", width: 14 },
    { header: "拨付条件", key: "trigger", width: 16 },
    { header: "条件达成日期", key: "gateMet", width: 14 },
    { header: "应拨付日期", key: "due", width: 14 },
    { header: "拨付状态", key: "status", width: 10 },
    { header: "拨付日期", key: "paid", width: 14 },
    { header: "凭证号", key: "voucher", width: 16 },
    { header: "收款账户", key: "account", width: 36 },
    { header: "经办人", key: "payer", width: 10 },
    { header: "暂缓/停止理由", key: "hold", width: 30 },
  ];
  for (const p of call.projects)
    for (const t of p.tranches)
      register.addRow({
        no: p.projectNo,
        title: p.title,
        org: p.organization.name,
        uscc: p.organization.uscc ?? "",
        projectStatus: projectStateLabel(p.status),
        award: yuan(p.awardFen),
        position: t.position,
        percent: t.percent,
        amount: yuan(t.amountFen),
        trigger: TRIGGER_LABELS[t.trigger as TrancheTrigger] ?? t.trigger,
        gateMet: t.gateMetAt ? formatDate(t.gateMetAt) : "",
        due: t.dueAt ? formatDate(t.dueAt) : "",
        status: trancheStateLabel(t.status),
        paid: t.paidAt ? formatDate(t.paidAt) : "",
        voucher: t.voucherNo ?? "",
        account: t.receivingAccount ?? "",
        payer: t.paidById ? (payers.get(t.paidById) ?? "") : "",
        hold: t.holdReason ?? "",
      });

  const refunds = workbook.addWorksheet("退回款");
  refunds.columns = [
    { header: "项目编号", key: "no", width: 14 },
    { header: "承接机构", key: "org", width: 28 },
    { header: "类型", key: "kind", width: 10 },
    { header: "应退金额（元）", key: "amount", width: 14 },
    { header: "已退金额（元）", key: "received", width: 14 },
    { header: "状态", key: "status", width: 10 },
    { header: "应退日期", key: "due", width: 14 },
    { header: "到账日期", key: "receivedAt", width: 14 },
    { header: "理由", key: "reason", width: 40 },
  ];
  for (const p of call.projects)
    for (const r of p.refunds)
      refunds.addRow({
        no: p.projectNo,
        org: p.organization.name,
        kind: REFUND_KINDS[r.kind] ?? r.kind,
        amount: yuan(r.amountFen),
        received: yuan(r.receivedFen),
        status: REFUND_STATES[r.status] ?? r.status,
        due: r.dueAt ? formatDate(r.dueAt) : "",
        receivedAt: r.receivedAt ? formatDate(r.receivedAt) : "",
        reason: r.reason,
      });

  for (const sheet of [summary, register, refunds]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  summary.getColumn("value").numFmt = "#,##0.00";
  for (const key of ["award", "amount"]) register.getColumn(key).numFmt = "#,##0.00";
  for (const key of ["amount", "received"]) refunds.getColumn(key).numFmt = "#,##0.00";
  return { workbook, title: call.title, year: call.year };
}
