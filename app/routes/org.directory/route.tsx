import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConditionList } from "~/components/condition-list";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { applyToEdition } from "~/modules/directory/applications.server";
import { allMet } from "~/modules/directory/conditions";
import { editionWorkflow } from "~/modules/directory/edition-workflow";
import { ENTRY_ROUTES, ENTRY_TONES, entryWorkflow, type EntryRoute } from "~/modules/directory/entry-workflow";
import { buildApplySchema } from "~/modules/directory/forms";
import { getOrgDirectory } from "~/modules/directory/org.server";
import { applyWindowProblem, parseAreas } from "~/modules/directory/publication";
import { answerIntent, handler } from "~/utils/action.server";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { ApplyForm } from "./apply-form";

export const meta: MetaFunction = () => [{ title: "推荐性目录 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const now = new Date();
  const data = await getOrgDirectory(organization.id, now);
  return { ...data, windowProblem: data.edition ? applyWindowProblem(data.edition, now) : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  const formData = await readForm(request);
  const editionId = String(formData.get("editionId") ?? "");
  const edition = await prisma.directoryEdition.findUnique({
    where: { id: editionId },
    select: { serviceAreas: true },
  });
  const schema = buildApplySchema(edition ? parseAreas(edition.serviceAreas) : []);
  const intent = formData.get("intent") === "update" ? "update" : "apply";
  return answerIntent(
    intent,
    formData,
    handler({
      schema,
      run: (v) =>
        applyToEdition({
          editionId,
          organizationId: organization.id,
          userId: user.id,
          serviceAreas: v.serviceAreas,
          capability: v.capability,
          taxDeclared: v.taxDeclared,
          taxNote: v.taxNote,
          request,
        }),
      done: () => redirect(`/org/directory?${intent === "apply" ? "applied" : "updated"}=1`),
    }),
  );
}

export default function OrgDirectoryPage() {
  const { edition, checks, current, history, windowProblem } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const eligible = allMet(checks);
  const canApply = edition && !windowProblem && (!current || current.status === "RETURNED");
  const canUpdate = edition && !windowProblem && current?.status === "PASSED" && current.route !== "APPLIED";
  return (
    <div className="space-y-6">
      <PageHeader
        title="政府购买服务推荐性目录"
        description="必要条件由平台根据登记、年检、信用、评估和公益创投记录自动核对。"
      />
      {params.get("applied") ? <Notice>申报已提交，请等待区民政局审核。</Notice> : null}
      {params.get("updated") ? <Notice>服务领域和服务能力说明已保存。</Notice> : null}
      {!edition ? (
        <EmptyState>暂无推荐性目录。区民政局开放申报后，可在此申报。</EmptyState>
      ) : (
        <SectionCard id="directory-edition" title={edition.title}>
          <p className="text-sm text-gray-700">
            状态：
            <StatusBadge workflow={editionWorkflow} state={edition.status} tones={{}} /> · 申报期{" "}
            {formatDate(edition.applyOpensAt)} 至 {formatDate(edition.applyClosesAt)}
            {edition.status === "PUBLISHED" || edition.status === "PUBLICITY" ? (
              <>
                {" "}
                ·{" "}
                <Link to={`/directory/${edition.id}`} className="link">
                  查看目录
                </Link>
              </>
            ) : null}
          </p>
          {current ? (
            <div className="mt-3 text-sm" data-testid="directory-entry-status">
              本机构：
              <StatusBadge workflow={entryWorkflow} state={current.status} tones={ENTRY_TONES} />（
              {ENTRY_ROUTES[current.route as EntryRoute] ?? current.route}）
              {current.returnNote ? <p className="mt-1">补正要求：{current.returnNote}</p> : null}
              {current.rejectReason ? <p className="mt-1">不予列入理由：{current.rejectReason}</p> : null}
              {current.removalReason ? (
                <p className="mt-1">
                  {formatDate(current.removedAt)} 移出目录：{current.removalReason}
                </p>
              ) : null}
            </div>
          ) : null}
        </SectionCard>
      )}

      <SectionCard id="directory-conditions" title="必要条件核对">
        {eligible ? (
          <Notice>本机构目前满足全部必要条件。</Notice>
        ) : (
          <Notice tone="warning">本机构目前有未满足的必要条件，满足后方可申报：</Notice>
        )}
        <ConditionList checks={checks} />
      </SectionCard>

      {edition && (canApply || canUpdate) ? (
        eligible || canUpdate ? (
          <SectionCard id="directory-apply" title={canUpdate ? "完善目录信息" : current ? "补正后重新提交" : "申报"}>
            <ApplyForm
              editionId={edition.id}
              intent={canUpdate ? "update" : "apply"}
              areas={edition.serviceAreas}
              defaults={
                current
                  ? {
                      serviceAreas: current.areas.map((a) => a.area),
                      capability: current.capability ?? "",
                      taxDeclared: current.taxDeclared,
                      taxNote: current.taxNote ?? "",
                    }
                  : null
              }
            />
          </SectionCard>
        ) : null
      ) : edition && windowProblem && !current ? (
        <p className="text-sm text-gray-600">{windowProblem}。</p>
      ) : null}

      {history.length > 1 ? (
        <SectionCard id="directory-history" title="历年情况">
          <ul className="space-y-1 text-sm">
            {history.map((h) => (
              <li key={h.id}>
                {h.edition.title}：
                {entryWorkflow.stateLabels[h.status as keyof typeof entryWorkflow.stateLabels] ?? h.status}
                {h.removalReason ? `（${formatDate(h.removedAt)} 移出：${h.removalReason}）` : ""}
              </li>
            ))}
          </ul>
        </SectionCard>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
