import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { RowForm } from "~/components/row-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { categoryLabel } from "~/modules/showroom/labels";
import { PRODUCT_STATES, productWorkflow, type ProductState } from "~/modules/showroom/product-workflow";
import { changeProductStatus } from "~/modules/showroom/products.server";
import { ProductScreeningSchema, SCREENING_REASON_LABEL } from "~/modules/showroom/staff-forms";
import { ADMIN_PRODUCT_ORDER, listProductsForAdmin } from "~/modules/showroom/staff-lists.server";
import type { TransitionRule } from "~/modules/workflow/state-machine";
import { answerIntent, handler, replyData } from "~/utils/action.server";
import { formatDate, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE, readPageStart } from "~/utils/paging";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "产品审核 · 民政局管理后台 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const raw = url.searchParams.get("status") ?? "PENDING";
  const status = raw === "ALL" ? null : productWorkflow.isState(raw) ? raw : "PENDING";
  const page = getPage(url);
  const start = readPageStart(url.searchParams, ADMIN_PRODUCT_ORDER);
  return { status: status ?? "ALL", page, ...(await listProductsForAdmin(status, page, start)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const formData = await readForm(request);
  // One form per product: the reply names the product it answers.
  const intent = screeningIntent(String(formData.get("productId") ?? ""));
  return answerIntent(
    intent,
    formData,
    handler({
      schema: ProductScreeningSchema,
      run: ({ productId, to, reason }) =>
        changeProductStatus({ productId, to, actor: { id: user.id, role: "ADMIN" }, reason, request }),
      // The page stays; the form is emptied for the next move.
      done: () => replyData(intent, { initialValue: null }, 200),
    }),
  );
}

const SCREENING_PREFIX = "screen-";
const screeningIntent = (productId: string) => `${SCREENING_PREFIX}${productId}`;

export default function AdminProductsPage() {
  const { status, page, total, products, cursors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const repliedTo = actionData?.intent.slice(SCREENING_PREFIX.length);
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
      {/* A refused move whose product left this list (someone else moved it) is reported above the list. */}
      {actionData &&
      !products.some(
        (p) => p.id === repliedTo && productWorkflow.available(p.status as ProductState, "ADMIN").length,
      ) ? (
        <div className="mb-4">
          <FormErrors errors={actionData.result.error?.[""]} />
        </div>
      ) : null}
      {products.length === 0 ? <EmptyState>没有该状态的产品。</EmptyState> : null}
      <ul className="space-y-4">
        {products.map((p) => {
          const available = productWorkflow.available(p.status as ProductState, "ADMIN");
          return (
            <li key={p.id} className="card" aria-label={p.name}>
              <div className="flex flex-wrap gap-4">
                <div className="flex gap-2">
                  {p.images.map((img, i) => (
                    <a key={img.attachmentId} href={`/files/${img.attachmentId}`} target="_blank" rel="noreferrer">
                      <img
                        src={`/files/${img.attachmentId}`}
                        alt={`${p.name}（图 ${i + 1}）`}
                        width={80}
                        height={80}
                        loading="lazy"
                        className="h-20 w-20 rounded object-cover"
                      />
                    </a>
                  ))}
                </div>
                <div className="min-w-0 flex-1 text-sm">
                  <h2 className="text-base font-medium">{p.name}</h2>
                  <p className="text-gray-600">
                    {p.organization.name} · {categoryLabel(p.category)} · {formatFen(p.priceFen)} · 库存 {p.stock} ·
                    已售 {p.soldCount} · 提交于 {formatDate(p.createdAt)}
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
              {available.length ? <ScreeningForm productId={p.id} productName={p.name} available={available} /> : null}
            </li>
          );
        })}
      </ul>
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} cursors={cursors} />
    </div>
  );
}

/**
 * 上架 / 退回 / 下架 for one product: one reason box, one button per move the workflow allows.
 * A RowForm (decision 036): conform in the browser, and on the server only for the row answered.
 */
function ScreeningForm({
  productId,
  productName,
  available,
}: {
  productId: string;
  productName: string;
  available: TransitionRule<ProductState>[];
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("productId") === productId;
  return (
    <RowForm id={screeningIntent(productId)} schema={ProductScreeningSchema} reply={useActionData<typeof action>()}>
      {(form, fields) => (
        <Form method="post" {...getFormProps(form)} className="mt-3 space-y-2" aria-label={`审核 ${productName}`}>
          <input type="hidden" name="productId" value={productId} />
          {available.some((t) => t.requiresReason) ? (
            <TextareaField meta={fields.reason} label={SCREENING_REASON_LABEL} rows={2} />
          ) : null}
          {/* A missing or unknown move (the button pressed) has no field to show it at: it joins the form errors. */}
          <FormErrors
            id={form.errorId}
            errors={[...(form.errors ?? []), ...(fields.to.errors ?? []), ...(fields.productId.errors ?? [])]}
          />
          <div className="flex flex-wrap gap-2">
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
          </div>
        </Form>
      )}
    </RowForm>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
