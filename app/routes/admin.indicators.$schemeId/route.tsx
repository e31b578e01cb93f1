import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Badge } from "~/components/status-badge";
import { parseUploadForm, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireRole } from "~/modules/auth/permissions.server";
import { createNextVersion, removeNode, saveNode } from "~/modules/indicators/builder.server";
import { readSchemeWorkbook } from "~/modules/indicators/excel.server";
import { NodeSchema } from "~/modules/indicators/node-form";
import { formatItemsText, ruleTextFor } from "~/modules/indicators/row-text";
import { checkTree, flatten, formatPoints, nodesOf, PURPOSE_LABELS } from "~/modules/indicators/scheme";
import { loadSchemeTree, versionsOf } from "~/modules/indicators/scheme.server";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { dispatchIntent, handler } from "~/utils/action.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { NodeEditor } from "./node-editor";
import { TreeTable } from "./tree-table";
import { VersionCard } from "./version-card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.scheme.title ?? "指标体系"} · 评估指标体系 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const tree = await loadSchemeTree(prisma, params.schemeId ?? "");
  invariantResponse(tree, "未找到该指标体系", { status: 404 });
  const { roots, rules, ...scheme } = tree;
  const rows = nodesOf(roots).map(({ children, ...node }) => ({
    ...node,
    isLeaf: children.length === 0,
    itemsText: formatItemsText(node.method, node.items),
    ruleText: ruleTextFor(rules, node.code),
  }));
  return {
    scheme,
    rows,
    issues: checkTree({ totalPoints: tree.totalPoints, rules, nodes: flatten(tree) }),
    versions: await versionsOf(tree.key),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const schemeId = params.schemeId ?? "";
  const formData = await parseUploadForm(request);
  const back = (done: string) => () => redirect(`/admin/indicators/${schemeId}?done=${done}`);
  return dispatchIntent(formData, {
    "save-node": handler({
      schema: NodeSchema,
      run: (value) => {
        const originalCode = String(formData.get("originalCode") ?? "") || null;
        return saveNode({ actor: admin, schemeId, originalCode, value, request });
      },
      done: back("saved"),
    }),
    "remove-node": handler({
      schema: z.object({ code: z.string({ required_error: "缺少编码" }) }),
      run: ({ code }) => removeNode({ actor: admin, schemeId, code, request }),
      done: back("removed"),
    }),
    "new-version": handler({
      schema: z.object({}),
      run: () => createNextVersion({ actor: admin, schemeId, request }),
      done: (result) => redirect(`/admin/indicators/${result.id}?done=version`),
    }),
    "import-version": handler({
      // Built here so the server-only content check never reaches the browser bundle.
      schema: z.object({ file: uploadSchema(["xlsx"]) }),
      run: async ({ file }) => {
        const tree = await loadSchemeTree(prisma, schemeId);
        invariantResponse(tree, "未找到该指标体系", { status: 404 });
        const read = await readSchemeWorkbook(await file.arrayBuffer(), tree.totalPoints);
        if (!read.ok) return { ok: false as const, fieldErrors: { file: read.errors } };
        return createNextVersion({ actor: admin, schemeId, sheet: read, request });
      },
      done: (result) => redirect(`/admin/indicators/${result.id}?done=imported`),
    }),
  });
}

const DONE: Record<string, string> = {
  saved: "指标已保存。",
  removed: "指标已删除。",
  version: "已创建新版本（草稿），可以修改。原版本保持不变。",
  imported: "已从 Excel 导入为新版本（草稿）。",
};

export default function IndicatorSchemePage() {
  const { scheme, rows, issues } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = DONE[searchParams.get("done") ?? ""];
  const editable = !scheme.frozenAt;
  return (
    <div className="space-y-4">
      <PageHeader
        title={scheme.title}
        description={`第 ${scheme.version} 版 · ${PURPOSE_LABELS[scheme.purpose]}`}
        actions={
          <>
            <a href={`/admin/indicators/${scheme.id}/export`} className="btn-secondary" download>
              导出 Excel
            </a>
            <Link to="/admin/indicators" className="btn-secondary">
              返回列表
            </Link>
          </>
        }
      />
      {done ? <Notice>{done}</Notice> : null}
      <DescriptionList>
        <DescriptionItem label="适用组织类型">
          {scheme.orgType ? orgTypeLabel(scheme.orgType) : "不限类型"}
          {scheme.subtype ? `（${scheme.subtype}）` : ""}
        </DescriptionItem>
        <DescriptionItem label="总分">{formatPoints(scheme.totalPoints)} 分</DescriptionItem>
        <DescriptionItem label="加分上限">{formatPoints(scheme.bonusCap)} 分</DescriptionItem>
        <DescriptionItem label="状态">
          {scheme.frozenAt ? <Badge tone="brand">已启用（锁定）</Badge> : <Badge tone="neutral">草稿</Badge>}
        </DescriptionItem>
      </DescriptionList>
      {issues.length > 0 ? (
        <Notice tone="warning">
          <p className="font-medium">指标体系尚未完成，不能用于评估：</p>
          <ul className="list-disc pl-5" data-testid="scheme-issues">
            {issues.map((issue) => (
              <li key={issue.message}>{issue.message}</li>
            ))}
          </ul>
        </Notice>
      ) : rows.length > 0 ? (
        <Notice tone="success">各级指标分值合计正确，可用于评估。</Notice>
      ) : null}
      {scheme.frozenAt ? (
        <Notice tone="info">
          该版本已被评估使用并锁定，不能修改。如需调整，请创建新版本；已有评估结果仍对应本版本。
        </Notice>
      ) : null}
      <TreeTable rows={rows} editable={editable} />
      {editable ? <NodeEditor rows={rows} purpose={scheme.purpose} /> : null}
      <VersionCard />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
