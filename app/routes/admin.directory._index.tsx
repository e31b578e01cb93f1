import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { getRules } from "~/modules/config/rules.server";
import { EditionForm } from "~/modules/directory/edition-form";
import { EDITION_TONES, editionWorkflow } from "~/modules/directory/edition-workflow";
import { createEdition } from "~/modules/directory/editions.server";
import { EditionSchema } from "~/modules/directory/forms";
import { listEditions } from "~/modules/directory/staff.server";
import { conditionsInForce } from "~/modules/directory/view";
import { answerIntent, handler } from "~/utils/action.server";
import { shanghaiMidnight, shanghaiParts, toDateInput } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "推荐性目录 · 民政局管理后台 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const now = new Date();
  const [editions, rules] = await Promise.all([listEditions(), getRules(now)]);
  const { year } = shanghaiParts(now);
  // The next year without an edition, its window from today to 31 October (or a month when later).
  const nextYear = editions.some((e) => e.year === year) ? year + 1 : year;
  const closes = nextYear === year && shanghaiParts(now).month < 10 ? shanghaiMidnight(year, 10, 31) : null;
  return {
    editions,
    conditions: conditionsInForce(rules),
    defaults: {
      year: String(nextYear),
      title: `${nextYear}年度政府购买服务推荐性目录`,
      applyOpensAt: toDateInput(now),
      applyClosesAt: toDateInput(closes ?? new Date(now.getTime() + 30 * 86_400_000)),
      serviceAreas: rules["directory.serviceAreas"].join("、"),
      publicityDays: String(rules["directory.publicityDays"]),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const formData = await readForm(request);
  return answerIntent(
    "save",
    formData,
    handler({
      schema: EditionSchema,
      run: (v) => createEdition(v, { id: user.id, request }),
      done: ({ id }) => redirect(`/admin/directory/${id}?created=1`),
    }),
  );
}

export default function AdminDirectoryPage() {
  const { editions, conditions, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="政府购买服务推荐性目录"
        description="每年一版：开放申报、审核、拟列入名单公示、发布；必要条件由平台根据记录核对。"
      />
      <SectionCard id="editions" title="历年目录">
        {editions.length === 0 ? (
          <EmptyState>尚未建立目录。</EmptyState>
        ) : (
          <DataTable
            label="历年目录"
            rows={editions}
            rowKey={(e) => e.id}
            columns={[
              {
                header: "目录",
                cell: (e) => (
                  <Link to={`/admin/directory/${e.id}`} className="link">
                    {e.title}
                  </Link>
                ),
              },
              {
                header: "状态",
                cell: (e) => <StatusBadge workflow={editionWorkflow} state={e.status} tones={EDITION_TONES} />,
              },
              { header: "申报期", cell: (e) => `${formatDate(e.applyOpensAt)} 至 ${formatDate(e.applyClosesAt)}` },
              { header: "发布日期", cell: (e) => (e.publishedAt ? formatDate(e.publishedAt) : "—") },
            ]}
          />
        )}
      </SectionCard>

      <SectionCard id="edition-new" title="新建年度目录（草稿）">
        <EditionForm mode="new" defaults={defaults} reply={reply} />
        <div className="mt-4 border-t border-gray-100 pt-3 text-sm">
          <p className="font-medium">现行必要条件和列入规则</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-gray-700" data-testid="conditions-in-force">
            {conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p className="mt-2 text-gray-600">
            条件中的人数、年限和等级在
            <Link to="/admin/rules" className="link">
              规则参数
            </Link>
            中按生效日期设置，核对时取当日有效的数值。
          </p>
        </div>
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
