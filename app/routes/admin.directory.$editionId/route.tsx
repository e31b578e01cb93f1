import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConfirmGate } from "~/components/confirm";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { getRules } from "~/modules/config/rules.server";
import { checkTaxStatus, reviewEntry } from "~/modules/directory/applications.server";
import { runDirectoryChecks } from "~/modules/directory/checks.server";
import { EditionForm } from "~/modules/directory/edition-form";
import { EDITION_TONES, editionWorkflow } from "~/modules/directory/edition-workflow";
import { moveEdition, updateEdition } from "~/modules/directory/editions.server";
import { ENTRY_STATES, entryWorkflow } from "~/modules/directory/entry-workflow";
import {
  DirectoryDecisionSchema,
  EditionSchema,
  MoveSchema,
  RemoveSchema,
  ReviewSchema,
  RunChecksSchema,
  TaxCheckSchema,
} from "~/modules/directory/forms";
import { decideDirectoryObjection } from "~/modules/directory/objections.server";
import { removeEntryByStaff } from "~/modules/directory/staff-removal.server";
import { automaticLeftOut, entryChecksNow, getStaffEdition, parseEntryStatus } from "~/modules/directory/staff.server";
import { conditionsInForce } from "~/modules/directory/view";
import { parseObjectionStatus } from "~/modules/publicity/desk.server";
import { dispatchIntent, handler } from "~/utils/action.server";
import { toDateInput } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { EntryCard } from "./entry-card";
import { ObjectionsSection } from "./objections";
import { EditionSteps, MOVE_CONFIRM } from "./steps";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.edition.title ?? "推荐性目录"} · 民政局管理后台 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const status = parseEntryStatus(url.searchParams.get("status"));
  const objectionStatus = parseObjectionStatus(url.searchParams.get("objections"));
  const page = getPage(url);
  const data = await getStaffEdition(params.editionId ?? "", status, page, objectionStatus);
  invariantResponse(data, "未找到该目录", { status: 404 });
  const now = new Date();
  const editionStatus = data.edition.status;
  const current = data.entries.filter((e) => ["SUBMITTED", "PASSED", "LISTED"].includes(e.status));
  const [checksNow, rules, leftOut] = await Promise.all([
    entryChecksNow(editionStatus === "SUPERSEDED" ? [] : current, now),
    getRules(now),
    editionStatus === "OPEN" || editionStatus === "REVIEWING" ? automaticLeftOut(data.edition, now) : [],
  ]);
  return {
    ...data,
    checksNow,
    leftOut,
    conditions: conditionsInForce(rules),
    status,
    objectionStatus,
    page,
    now: now.toISOString(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const editionId = params.editionId ?? "";
  const formData = await readForm(request);
  const actor = { id: user.id, request };
  const back = (done: string) => () => {
    const url = new URL(request.url);
    url.searchParams.set("done", done);
    return redirect(`${url.pathname}${url.search}`);
  };
  return dispatchIntent(formData, {
    save: handler({ schema: EditionSchema, run: (v) => updateEdition(editionId, v, actor), done: back("save") }),
    move: handler({
      schema: MoveSchema,
      confirm: (v) => MOVE_CONFIRM[v.to],
      run: (v) => moveEdition(editionId, v.to, actor),
      done: (_, v) => back(`move-${v.to}`)(),
    }),
    review: handler({
      schema: ReviewSchema,
      confirm: { label: "提交审核结果", message: "审核结果将通知机构；审核通过的列入拟列入名单，不予列入的不可撤回。" },
      run: (v) => reviewEntry({ ...v, editionId, actorId: user.id, request }),
      done: (_, v) => back(`review-${v.decision}`)(),
    }),
    tax: handler({
      schema: TaxCheckSchema,
      run: (v) =>
        checkTaxStatus({ editionId, entryId: v.entryId, holds: v.holds === "yes", actorId: user.id, request }),
      done: back("tax"),
    }),
    remove: handler({
      schema: RemoveSchema,
      confirm: { label: "移出目录", message: "该机构将立即移出，移出日期和理由在目录中公开显示，并通知该机构。" },
      run: (v) => removeEntryByStaff({ ...v, editionId, actorId: user.id, request }),
      done: back("remove"),
    }),
    checks: handler({
      schema: RunChecksSchema,
      confirm: { label: "核查移出情形", message: "触发移出情形的机构将立即移出并通知机构。" },
      run: () => runDirectoryChecks(editionId, actor),
      done: ({ checked, removed }) => back(`checks-${checked}-${removed}`)(),
    }),
    decide: handler({
      schema: DirectoryDecisionSchema,
      run: (v) => decideDirectoryObjection({ ...v, editionId, actorId: user.id, request }),
      done: (_, v) => back(`decide-${v.outcome}`)(),
    }),
  });
}

const DONE_NOTICES: Record<string, string> = {
  save: "目录设置已保存。",
  "move-OPEN": "已开放申报，5A 机构和上年度目录内机构已按条件列入拟列入名单。",
  "move-REVIEWING": "申报已截止，请完成审核。",
  "move-PUBLICITY": "拟列入名单已公示，名单内机构已收到通知。",
  "move-PUBLISHED": "目录已发布，上一年度目录已被取代。",
  "move-SUPERSEDED": "本目录已标记为已被新版取代。",
  "review-PASSED": "已审核通过，列入拟列入名单。",
  "review-RETURNED": "已退回补正，机构已收到通知。",
  "review-REJECTED": "已作出不予列入的决定，机构已收到通知。",
  tax: "税前扣除资格核实结果已保存。",
  remove: "已移出，移出日期和理由已公开，机构已收到通知。",
  "decide-UPHELD": "异议成立，该机构已移出拟列入名单并收到通知。",
  "decide-DISMISSED": "已作出“异议不成立”的处理。",
};

function doneNotice(done: string | null) {
  if (!done) return null;
  const checks = /^checks-(\d+)-(\d+)$/.exec(done);
  if (checks) return `已核查 ${checks[1]} 家机构，移出 ${checks[2]} 家。`;
  return DONE_NOTICES[done] ?? null;
}

export default function AdminDirectoryEditionPage() {
  const { edition, counts, total, entries, leftOut, conditions, status, page } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("created") ? "目录草稿已建立，设置完成后可开放申报。" : doneNotice(params.get("done"));
  const editable = edition.status === "DRAFT" || edition.status === "OPEN";
  const isPublic = ["PUBLICITY", "PUBLISHED", "SUPERSEDED"].includes(edition.status);
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <div className="space-y-6">
      <PageHeader
        title={edition.title}
        description={
          <>
            状态：
            <StatusBadge
              workflow={editionWorkflow}
              state={edition.status}
              tones={EDITION_TONES}
              testId="edition-status"
            />
          </>
        }
        actions={
          <Link to="/admin/directory" className="btn-secondary">
            返回目录列表
          </Link>
        }
      />
      <ConfirmGate reply={reply}>
        <div className="space-y-6">
          {notice ? <Notice>{notice}</Notice> : null}
          <SectionCard id="edition-info" title="目录设置">
            <DescriptionList>
              <DescriptionItem label="申报期">
                {formatDate(edition.applyOpensAt)} 至 {formatDate(edition.applyClosesAt)}
              </DescriptionItem>
              <DescriptionItem label="服务领域">{edition.serviceAreas.join("、")}</DescriptionItem>
              <DescriptionItem label="公示期">
                {edition.publicityStartsAt
                  ? `${formatDate(edition.publicityStartsAt)} 至 ${formatDate(edition.publicityEndsAt)}`
                  : `发布公示后 ${edition.publicityDays} 天`}
              </DescriptionItem>
              <DescriptionItem label="发布日期">
                {edition.publishedAt ? formatDate(edition.publishedAt) : null}
              </DescriptionItem>
              {isPublic ? (
                <DescriptionItem label="公开页面" wide>
                  <Link to={`/directory/${edition.id}`} className="link">
                    查看公开目录
                  </Link>
                  {" · "}
                  <Link to={`/directory/${edition.id}/publicity`} className="link">
                    拟列入名单公示
                  </Link>
                </DescriptionItem>
              ) : null}
            </DescriptionList>
            <details className="mt-4 text-sm">
              <summary className="tap cursor-pointer text-gray-700">现行必要条件和列入规则</summary>
              <ul className="mt-2 list-disc space-y-0.5 pl-5 text-gray-700">
                {conditions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </details>
            {editable ? (
              <details className="mt-4">
                <summary className="tap cursor-pointer text-sm text-gray-700">修改设置</summary>
                <div className="mt-3">
                  <EditionForm
                    mode="settings"
                    reply={reply}
                    defaults={{
                      year: String(edition.year),
                      title: edition.title,
                      applyOpensAt: toDateInput(new Date(edition.applyOpensAt)),
                      applyClosesAt: toDateInput(new Date(edition.applyClosesAt)),
                      serviceAreas: edition.serviceAreas.join("、"),
                      publicityDays: String(edition.publicityDays),
                    }}
                  />
                </div>
              </details>
            ) : null}
          </SectionCard>

          <SectionCard id="edition-steps" title="流程">
            <EditionSteps
              status={edition.status}
              canRunChecks={["OPEN", "REVIEWING", "PUBLICITY", "PUBLISHED"].includes(edition.status)}
            />
          </SectionCard>

          <SectionCard id="entries" title={`申报与名单（共 ${all} 家）`}>
            <nav className="mb-3 flex flex-wrap gap-2 text-sm" aria-label="按状态筛选">
              {[null, ...ENTRY_STATES].map((s) => (
                <Link
                  key={s ?? "all"}
                  to={s ? `?status=${s}` : "?"}
                  aria-current={status === s ? "page" : undefined}
                  className={`rounded-full px-3 py-1 ring-1 ring-inset ${status === s ? "bg-brand-600 text-white ring-brand-600" : "ring-gray-300"}`}
                >
                  {s ? entryWorkflow.stateLabels[s] : "全部"}（{s ? (counts[s] ?? 0) : all}）
                </Link>
              ))}
            </nav>
            {entries.length === 0 ? (
              <EmptyState>暂无机构。</EmptyState>
            ) : (
              <div className="space-y-4">
                {entries.map((e) => (
                  <EntryCard key={e.id} entry={e} />
                ))}
              </div>
            )}
            <Pagination page={page} total={total} />
          </SectionCard>

          {leftOut.length ? (
            <SectionCard id="left-out" title="未能自动列入或结转的机构">
              <ul className="space-y-1 text-sm" data-testid="left-out">
                {leftOut.map((l) => (
                  <li key={l.organizationId}>
                    <span className="font-medium">{l.name}</span>：{l.reasons.join("；")}
                  </li>
                ))}
              </ul>
            </SectionCard>
          ) : null}

          {isPublic ? <ObjectionsSection /> : null}
        </div>
      </ConfirmGate>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
