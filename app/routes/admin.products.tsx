import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { categoryLabel } from "~/modules/showroom/labels";
import { PRODUCT_STATES, productWorkflow, type ProductState } from "~/modules/showroom/product-workflow";
import { changeProductStatus, listProductsForAdmin } from "~/modules/showroom/products.server";
import { ProductScreeningSchema, SCREENING_REASON_LABEL } from "~/modules/showroom/staff-forms";
import { WorkflowError, type TransitionRule } from "~/modules/workflow/state-machine";
import { formatDate, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "产品审核 · 民政局管理后台 · 益苗" }];

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
  const formData = await request.formData();
  const formKey = String(formData.get("productId") ?? "");
  const submission = parseWithZod(formData, { schema: ProductScreeningSchema });
  if (submission.status !== "success") {
    // A missing or unknown move (the button pressed) has no field to show it at: report it with the form errors.
    const moveErrors = submission.error?.to ?? submission.error?.productId;
    return Response.json(
      { formKey, reply: submission.reply(moveErrors ? { formErrors: moveErrors } : undefined) },
      { status: 400 },
    );
  }
  const { productId, to, reason } = submission.value;
  try {
    await changeProductStatus({ productId, to, actor: { id: user.id, role: "ADMIN" }, reason, request });
  } catch (error) {
    if (error instanceof WorkflowError) {
      return Response.json(
        { formKey, reply: submission.reply({ formErrors: [error.message] }) },
        { status: error.status },
      );
    }
    throw error;
  }
  return Response.json({ formKey, reply: submission.reply({ resetForm: true }) });
}

type ActionData = { formKey?: string; reply?: SubmissionResult<string[]> };

export default function AdminProductsPage() {
  const { status, page, total, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
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
      {actionData?.reply &&
      !products.some(
        (p) => p.id === actionData.formKey && productWorkflow.available(p.status as ProductState, "ADMIN").length,
      ) ? (
        <div className="mb-4">
          <FormErrors errors={actionData.reply.error?.[""]} />
        </div>
      ) : null}
      {products.length === 0 ? <p className="card text-gray-500">没有该状态的产品。</p> : null}
      <ul className="space-y-4">
        {products.map((p) => {
          const available = productWorkflow.available(p.status as ProductState, "ADMIN");
          return (
            <li key={p.id} className="card" aria-label={p.name}>
              <div className="flex flex-wrap gap-4">
                <div className="flex gap-2">
                  {p.images.map((img) => (
                    <a key={img.attachmentId} href={`/files/${img.attachmentId}`} target="_blank" rel="noreferrer">
                      <img
                        src={`/files/${img.attachmentId}`}
                        alt=""
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
              {available.length ? (
                <ScreeningForm
                  productId={p.id}
                  productName={p.name}
                  available={available}
                  lastResult={actionData?.formKey === p.id ? actionData.reply : undefined}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      <Pagination page={page} pageSize={20} total={total} />
    </div>
  );
}

/** 上架 / 退回 / 下架 for one product: one reason box, one button per move the workflow allows. */
function ScreeningForm({
  productId,
  productName,
  available,
  lastResult,
}: {
  productId: string;
  productName: string;
  available: TransitionRule<ProductState>[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("productId") === productId;
  const [form, fields] = useForm({
    id: `screen-${productId}`,
    lastResult,
    constraint: getZodConstraint(ProductScreeningSchema),
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: ProductScreeningSchema });
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 space-y-2" aria-label={`审核 ${productName}`}>
      <input type="hidden" name="productId" value={productId} />
      {available.some((t) => t.requiresReason) ? (
        <TextareaField meta={fields.reason} label={SCREENING_REASON_LABEL} rows={2} />
      ) : null}
      {/* Errors on the move itself (the button pressed) come from the server, folded into the form errors. */}
      <FormErrors id={form.errorId} errors={form.errors} />
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
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
