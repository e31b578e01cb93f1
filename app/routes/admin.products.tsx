import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { categoryLabel } from "~/modules/showroom/labels";
import { PRODUCT_STATES, productWorkflow, type ProductState } from "~/modules/showroom/product-workflow";
import { changeProductStatus, listProductsForAdmin } from "~/modules/showroom/products.server";
import { workflowErrorResponse } from "~/modules/workflow/transition.server";
import { formatDate, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "产品审核 · 民政局管理后台 · 益苗" }];

const ScreenSchema = z.object({
  productId: z.string().min(1).max(40),
  to: z.enum(["LISTED", "RETURNED", "UNLISTED"]),
  reason: z.string().trim().max(200, "理由最多 200 个字").optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const raw = url.searchParams.get("status") ?? "PENDING";
  const status = raw === "ALL" ? null : productWorkflow.isState(raw) ? raw : "PENDING";
  const page = getPage(url);
  return { status: status ?? "ALL", page, ...(await listProductsForAdmin(status, page)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const submission = parseWithZod(await request.formData(), { schema: ScreenSchema });
  if (submission.status !== "success") return Response.json({ productId: null, error: "请求不正确" }, { status: 400 });
  const { productId, to, reason } = submission.value;
  const rule = productWorkflow.transitions.find((t) => t.to === to && t.by.includes("ADMIN"));
  if (rule?.requiresReason && !reason?.trim()) {
    return Response.json({ productId, error: `「${rule.label}」必须填写理由` }, { status: 400 });
  }
  try {
    await changeProductStatus({ productId, to, actor: { id: user.id, role: "ADMIN" }, reason, request });
  } catch (error) {
    const response = workflowErrorResponse(error);
    if (response) return Response.json({ productId, error: await response.text() }, { status: response.status });
    throw error;
  }
  return { productId, error: null as string | null };
}

export default function AdminProductsPage() {
  const { status, page, total, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { productId: string | null; error: string | null } | undefined;
  const navigation = useNavigation();
  const tabs: { value: string; label: string }[] = [
    ...PRODUCT_STATES.map((s) => ({ value: s, label: productWorkflow.stateLabels[s] })),
    { value: "ALL", label: "全部" },
  ];
  return (
    <div>
      <PageHeader title="产品审核" description="审核社会组织提交的公益产品：质量合格的上架，不合格的退回并说明理由。" />
      <nav className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="状态">
        {tabs.map((t) => (
          <Link
            key={t.value}
            to={`/admin/products?status=${t.value}`}
            className={t.value === status ? "btn-primary px-3 py-1" : "btn-secondary px-3 py-1"}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {products.length === 0 ? <p className="card text-gray-500">没有该状态的产品。</p> : null}
      <ul className="space-y-4">
        {products.map((p) => {
          const available = productWorkflow.available(p.status as ProductState, "ADMIN");
          const busy = navigation.state !== "idle" && navigation.formData?.get("productId") === p.id;
          return (
            <li key={p.id} className="card" aria-label={p.name}>
              <div className="flex flex-wrap gap-4">
                <div className="flex gap-2">
                  {p.images.map((img) => (
                    <a key={img.attachmentId} href={`/files/${img.attachmentId}`} target="_blank" rel="noreferrer">
                      <img src={`/files/${img.attachmentId}`} alt="" width={80} height={80} loading="lazy" className="h-20 w-20 rounded object-cover" />
                    </a>
                  ))}
                </div>
                <div className="min-w-0 flex-1 text-sm">
                  <h2 className="text-base font-medium">{p.name}</h2>
                  <p className="text-gray-600">
                    {p.organization.name} · {categoryLabel(p.category)} · {formatFen(p.priceFen)} · 库存 {p.stock} · 已售 {p.soldCount} · 提交于{" "}
                    {formatDate(p.createdAt)}
                  </p>
                  <p className="text-gray-600">
                    分成：制作者 {p.makerSharePct}% / {p.fundName || "社区微基金"} {p.fundSharePct}% · 交付：
                    {[p.allowShipping ? "快递" : null, p.allowPickup ? "自提" : null].filter(Boolean).join("、")}
                  </p>
                  <p className="mt-1">
                    状态：<strong>{productWorkflow.stateLabels[p.status as ProductState] ?? p.status}</strong>
                    {p.returnReason ? `（${p.returnReason}）` : ""}
                  </p>
                  <details className="mt-1">
                    <summary className="cursor-pointer text-gray-600">介绍与制作者故事</summary>
                    <p className="mt-1 whitespace-pre-line">{p.description}</p>
                    <p className="mt-1 whitespace-pre-line">{p.makerStory}</p>
                  </details>
                </div>
              </div>
              {available.length ? (
                <Form method="post" className="mt-3 flex flex-wrap items-end gap-2">
                  <input type="hidden" name="productId" value={p.id} />
                  {available.some((t) => t.requiresReason) ? (
                    <label className="min-w-[16rem] flex-1 text-sm">
                      理由（退回、下架时必填）
                      <input name="reason" className="input" maxLength={200} />
                    </label>
                  ) : null}
                  {available.map((t) => (
                    <button
                      key={t.to}
                      type="submit"
                      name="to"
                      value={t.to}
                      disabled={busy}
                      className={t.to === "LISTED" ? "btn-primary" : "btn-secondary"}
                    >
                      {t.label}
                    </button>
                  ))}
                </Form>
              ) : null}
              {actionData?.productId === p.id && actionData.error ? (
                <p role="alert" className="mt-2 text-sm text-red-600">
                  {actionData.error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Pagination page={page} pageSize={20} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
