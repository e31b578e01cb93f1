import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { ScrollBox } from "~/components/scroll-box";
import { SectionCard } from "~/components/section-card";
import { Badge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { CAPITAL_LABELS, orgStatusLabel, orgTypeLabel, type OrgType } from "~/modules/organizations/labels";
import { changeKindLabel, formatChangeValue, registeredFieldLabel } from "~/modules/registry/changes";
import { canEndCreditRecord, creditKindLabel } from "~/modules/registry/credit";
import {
  ChangeSchema,
  CreditEndSchema,
  CreditSchema,
  DeregisterSchema,
  GradeSchema,
  RevokeSchema,
  type OrgIntent,
} from "~/modules/registry/forms";
import { gradeLabel, gradeRowInForce } from "~/modules/registry/grade";
import {
  addCreditRecord,
  changeOrganizationStatus,
  endAbnormalListing,
  getAdminOrganization,
  recordChange,
  recordGrade,
} from "~/modules/registry/registry.server";
import { dispatchIntent, handler, RESET_FORM } from "~/utils/action.server";
import { parseDateInput, toDateInput } from "~/utils/dates";
import { fenToYuanInput, formatDate, formatFen, yuanToFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { readForm } from "~/utils/request-body.server";
import { ChangeForm } from "./change-form";
import { CreditEndForm, CreditForm } from "./credit-forms";
import { GradeForm } from "./grade-form";
import { StatusForm } from "./status-form";
import { DoneNotice } from "./use-org-form";

const MEMBERSHIP_ROLE_LABELS: Record<string, string> = { OWNER: "负责人", MEMBER: "成员" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.org.name ?? "社会组织"} · 益苗` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const org = await getAdminOrganization(params.orgId ?? "");
  invariantResponse(org, "未找到该社会组织", { status: 404 });
  const now = new Date();
  return {
    org: { ...org, capitalYuan: fenToYuanInput(org.capitalFen) },
    gradeInForce: gradeRowInForce(org.grades, now),
    today: toDateInput(now),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const org = await getAdminOrganization(params.orgId ?? "");
  invariantResponse(org, "未找到该社会组织", { status: 404 });
  const formData = await readForm(request);
  const ctx = { actorId: admin.id, request };
  // Success empties the form that sent it and says what was done there.
  const done = (intent: OrgIntent, message: string, recordId?: string) =>
    data({ intent, result: RESET_FORM, message, recordId });
  const statusChange = (to: "DEREGISTERED" | "REVOKED") => (v: { reason: string; effectiveAt: string }) =>
    changeOrganizationStatus(
      { organizationId: org.id, to, reason: v.reason, effectiveAt: parseDateInput(v.effectiveAt)! },
      ctx,
    );

  return dispatchIntent(formData, {
    change: handler({
      schema: ChangeSchema,
      run: (v) => {
        const capital = v.capitalYuan ? yuanToFen(v.capitalYuan) : null;
        return recordChange(
          {
            organizationId: org.id,
            effectiveAt: parseDateInput(v.effectiveAt)!,
            reason: v.reason,
            values: {
              name: v.name,
              address: v.address,
              purpose: v.purpose,
              scope: v.scope,
              area: v.area,
              legalRepresentative: v.legalRepresentative,
              capitalFen: capital == null ? null : BigInt(capital),
              supervisingUnit: v.supervisingUnit,
            },
          },
          ctx,
        );
      },
      done: (r) => done("change", `已办理变更登记，共 ${String(r.changed)} 项。`),
    }),
    deregister: handler({
      schema: DeregisterSchema,
      run: statusChange("DEREGISTERED"),
      done: () => done("deregister", "已注销登记。"),
    }),
    revoke: handler({ schema: RevokeSchema, run: statusChange("REVOKED"), done: () => done("revoke", "已撤销登记。") }),
    credit: handler({
      schema: CreditSchema,
      run: (v) =>
        addCreditRecord(
          {
            organizationId: org.id,
            kind: v.kind,
            description: v.description,
            authority: v.authority,
            decidedAt: parseDateInput(v.decidedAt)!,
          },
          ctx,
        ),
      done: (_, v) => done("credit", `已记录信用信息：${creditKindLabel(v.kind)}。`),
    }),
    "credit-end": handler({
      schema: CreditEndSchema,
      run: (v) =>
        endAbnormalListing(
          { organizationId: org.id, recordId: v.recordId, endedAt: parseDateInput(v.endedAt)!, note: v.note ?? "" },
          ctx,
        ),
      done: (_, v) => done("credit-end", "已移出活动异常名录。", v.recordId),
    }),
    grade: handler({
      schema: GradeSchema,
      run: (v) =>
        recordGrade(
          {
            organizationId: org.id,
            grade: v.grade as 1 | 2 | 3 | 4 | 5,
            announcedAt: parseDateInput(v.announcedAt)!,
            note: v.note,
          },
          ctx,
        ),
      done: (r, v) =>
        done(
          "grade",
          r.currentGrade === v.grade
            ? `已记录评估等级 ${gradeLabel(v.grade)}，现行等级为 ${gradeLabel(r.currentGrade)}。`
            : `已记录评估等级 ${gradeLabel(v.grade)}；该等级自公告次年 1 月 1 日起生效，现行等级为 ${gradeLabel(r.currentGrade)}。`,
        ),
    }),
  } satisfies Record<OrgIntent, unknown>);
}

export default function AdminOrganizationDetail() {
  const { org, gradeInForce } = useLoaderData<typeof loader>();
  const registered = org.status === "REGISTERED";

  return (
    <div className="space-y-4">
      <PageHeader
        title={org.name}
        description={`${orgTypeLabel(org.type)} · ${orgStatusLabel(org.status)}`}
        actions={
          <>
            {org.status !== "PREPARING" ? (
              <Link to={`/orgs/${org.id}`} className="btn-secondary">
                查看公示页
              </Link>
            ) : null}
            <Link to="/admin/organizations" className="btn-secondary">
              返回列表
            </Link>
          </>
        }
      />
      <DoneNotice intent={["deregister", "revoke"]} />

      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard className="space-y-3" id="registered" title="登记信息">
          <DescriptionList layout="divided">
            <DescriptionItem label="统一社会信用代码">
              {org.uscc ? <span className="font-mono">{org.uscc}</span> : null}
            </DescriptionItem>
            <DescriptionItem label="登记状态">{orgStatusLabel(org.status)}</DescriptionItem>
            <DescriptionItem label="登记日期">{formatDate(org.registeredAt)}</DescriptionItem>
            <DescriptionItem label="评估等级">
              {gradeInForce
                ? `${gradeLabel(gradeInForce.grade)}（${formatDate(gradeInForce.validFrom)} 至 ${formatDate(gradeInForce.validTo)}）`
                : "无等级"}
            </DescriptionItem>
            <DescriptionItem label="法定代表人">{org.legalRepresentative}</DescriptionItem>
            <DescriptionItem label={CAPITAL_LABELS[org.type as OrgType] ?? "资金"}>
              {formatFen(org.capitalFen)}
            </DescriptionItem>
            <DescriptionItem label="业务主管单位">{org.supervisingUnit}</DescriptionItem>
            <DescriptionItem label="类别">{org.category}</DescriptionItem>
            <DescriptionItem label="住所">{org.address}</DescriptionItem>
            <DescriptionItem label="活动地域">
              {org.area ?? "—"}
              {org.areaCode ? <span className="ml-1 text-xs text-gray-500">（{org.areaCode}）</span> : null}
            </DescriptionItem>
            <DescriptionItem label="宗旨">
              {org.purpose ? <span className="whitespace-pre-line">{org.purpose}</span> : null}
            </DescriptionItem>
            <DescriptionItem label="业务范围">
              {org.scope ? <span className="whitespace-pre-line">{org.scope}</span> : null}
            </DescriptionItem>
          </DescriptionList>
        </SectionCard>

        <div className="space-y-4">
          <SectionCard className="space-y-3" id="contact" title="联系人（不公开）">
            <DescriptionList layout="divided">
              <DescriptionItem label="联系人">{org.contactName}</DescriptionItem>
              <DescriptionItem label="联系电话">{org.contactPhone}</DescriptionItem>
              <DescriptionItem label="电子邮箱">{org.contactEmail}</DescriptionItem>
            </DescriptionList>
          </SectionCard>
          <SectionCard className="space-y-3" id="members" title="机构账号">
            {org.memberships.length === 0 ? (
              <EmptyState>尚无机构账号。</EmptyState>
            ) : (
              <ul className="space-y-1 text-sm">
                {org.memberships.map((m) => (
                  <li key={m.user.id}>
                    <Link to={`/admin/users/${m.user.id}`} className="link">
                      {m.user.name}
                    </Link>
                    <span className="ml-2 text-xs text-gray-500">
                      {m.user.email} · {MEMBERSHIP_ROLE_LABELS[m.role] ?? m.role} · 加入于 {formatDate(m.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
        </div>
      </div>

      <SectionCard className="space-y-3" id="change-history" title="变更记录">
        {org.changes.length === 0 ? (
          <EmptyState>暂无记录。</EmptyState>
        ) : (
          <ScrollBox label="变更记录">
            <table className="table-basic">
              <thead>
                <tr>
                  <th>日期</th>
                  <th>事项</th>
                  <th>变更前</th>
                  <th>变更后</th>
                  <th>原因</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {org.changes.map((c) => (
                  <tr key={c.id}>
                    <td className="whitespace-nowrap">{formatDate(c.effectiveAt)}</td>
                    <td className="whitespace-nowrap">
                      {c.kind === "CHANGE" ? registeredFieldLabel(c.field) : changeKindLabel(c.kind)}
                    </td>
                    <td className="min-w-[8rem] break-words">
                      {c.kind === "CHANGE"
                        ? formatChangeValue(c.field, c.oldValue)
                        : c.oldValue
                          ? orgStatusLabel(c.oldValue)
                          : "—"}
                    </td>
                    <td className="min-w-[8rem] break-words">
                      {c.kind === "CHANGE"
                        ? formatChangeValue(c.field, c.newValue)
                        : c.newValue
                          ? orgStatusLabel(c.newValue)
                          : "—"}
                    </td>
                    <td className="min-w-[8rem]">{c.reason ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </SectionCard>

      {registered ? (
        <>
          <SectionCard className="space-y-3" id="change" title="变更登记">
            {/* Remounted after each change so the fields show the new registered values. */}
            <ChangeForm key={org.changes.length} />
          </SectionCard>
          <SectionCard className="space-y-3" id="status" title="注销、撤销">
            <div className="grid gap-6 md:grid-cols-2">
              <StatusForm intent="deregister" />
              <StatusForm intent="revoke" />
            </div>
          </SectionCard>
        </>
      ) : (
        <p className="card text-sm text-gray-600">
          {org.status === "PREPARING"
            ? "该组织尚未登记，不能办理变更、注销或撤销。"
            : `该组织${orgStatusLabel(org.status)}，不能再办理变更。`}
        </p>
      )}

      <SectionCard className="space-y-3" id="credit" title="信用信息">
        <DoneNotice intent="credit-end" />
        {org.creditRecords.length === 0 ? (
          <EmptyState>暂无信用记录。</EmptyState>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm">
            {org.creditRecords.map((r) => (
              <li key={r.id} className="py-2.5">
                <p className="font-medium text-gray-900">
                  {creditKindLabel(r.kind)}
                  <span className="ml-2 text-xs font-normal text-gray-500">
                    {formatDate(r.decidedAt)}
                    {r.kind === "ABNORMAL_LIST" ? (r.endedAt ? `，${formatDate(r.endedAt)} 已移出` : "，尚未移出") : ""}
                  </span>
                </p>
                <p className="mt-0.5 whitespace-pre-line text-gray-700">{r.description}</p>
                {r.authority ? <p className="text-xs text-gray-500">决定机关：{r.authority}</p> : null}
                {canEndCreditRecord(r) ? <CreditEndForm recordId={r.id} /> : null}
              </li>
            ))}
          </ul>
        )}
        {org.status !== "PREPARING" ? <CreditForm key={org.creditRecords.length} /> : null}
      </SectionCard>

      <SectionCard className="space-y-3" id="grades" title="评估等级">
        {org.grades.length === 0 ? (
          <EmptyState>暂无评估等级记录。</EmptyState>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm">
            {org.grades.map((g) => (
              <li key={g.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-medium">
                  {gradeLabel(g.grade)}
                  {gradeInForce?.id === g.id ? (
                    <Badge tone="success" className="ml-2">
                      现行
                    </Badge>
                  ) : null}
                </span>
                <span className="text-gray-600">
                  {formatDate(g.announcedAt)} 公告，有效期 {formatDate(g.validFrom)} 至 {formatDate(g.validTo)}
                  {g.note ? `（${g.note}）` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
        {registered ? <GradeForm key={org.grades.length} /> : null}
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
