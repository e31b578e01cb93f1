import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { parseUploadForm } from "~/modules/attachments/uploads.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { ProductForm } from "~/modules/showroom/product-form-view";
import { productServerSchema } from "~/modules/showroom/product-form.server";
import { productWorkflow, type ProductState } from "~/modules/showroom/product-workflow";
import { changeProductStatus, getOrgProduct, updateProduct } from "~/modules/showroom/products.server";
import { workflowErrorResponse } from "~/modules/workflow/transition.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "编辑公益产品 · 益苗" }];

const UnlistSchema = z.object({
  intent: z.literal("unlist"),
  reason: z.string({ required_error: "请填写下架理由" }).trim().min(2, "请填写下架理由").max(200, "理由最多 200 个字"),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const product = await getOrgProduct(organization.id, params.productId ?? "");
  invariantResponse(product, "未找到该产品", { status: 404 });
  return { product };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  const productId = params.productId ?? "";
  const existing = await getOrgProduct(organization.id, productId);
  invariantResponse(existing, "未找到该产品", { status: 404 });
  const formData = await parseUploadForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "unlist") {
      const submission = parseWithZod(formData, { schema: UnlistSchema });
      if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
      await changeProductStatus({
        productId,
        to: "UNLISTED",
        organizationId: organization.id,
        actor: { id: user.id, role: "ORG_MEMBER" },
        reason: submission.value.reason,
        request,
      });
      return redirect(`/org/products/${productId}?done=unlisted`);
    }
    if (intent === "relist") {
      await changeProductStatus({
        productId,
        to: "PENDING",
        organizationId: organization.id,
        actor: { id: user.id, role: "ORG_MEMBER" },
        request,
      });
      return redirect("/org/products?saved=pending");
    }
    const submission = await parseWithZod(formData, { schema: productServerSchema("edit"), async: true });
    if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
    const { images, ...values } = submission.value;
    const result = await updateProduct({
      organizationId: organization.id,
      userId: user.id,
      productId,
      values,
      images: images ?? [],
      request,
    });
    return redirect(`/org/products?saved=${result.rescreening || existing.status === "PENDING" ? "pending" : "saved"}`);
  } catch (error) {
    const response = workflowErrorResponse(error);
    if (response) throw response;
    throw error;
  }
}

export default function EditProductPage() {
  const { product } = useLoaderData<typeof loader>();
  const actionResult = useActionData<typeof action>();
  // Each form only takes back its own submission's result.
  const fromUnlist = actionResult?.initialValue?.intent === "unlist";
  const lastResult = fromUnlist ? undefined : actionResult;
  const status = product.status as ProductState;
  const [unlistForm, unlistFields] = useForm({
    id: "product-unlist",
    lastResult: fromUnlist ? actionResult : undefined,
    constraint: getZodConstraint(UnlistSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UnlistSchema }),
  });
  return (
    <div>
      <PageHeader
        title={product.name}
        description={
          <>
            状态：{productWorkflow.stateLabels[status] ?? status}
            {product.returnReason ? `（${product.returnReason}）` : ""}
            {status === "LISTED" ? (
              <Link to={`/products/${product.id}`} className="link ml-2">
                查看展示页
              </Link>
            ) : null}
          </>
        }
      />
      {product.images.length ? (
        <ul className="mb-4 flex flex-wrap gap-2">
          {product.images.map((img) => (
            <li key={img.attachmentId}>
              <img
                src={`/files/${img.attachmentId}`}
                alt=""
                width={96}
                height={96}
                loading="lazy"
                className="h-24 w-24 rounded object-cover"
              />
            </li>
          ))}
        </ul>
      ) : null}
      <ProductForm
        id="product-edit"
        mode="edit"
        lastResult={lastResult}
        submitLabel={status === "RETURNED" ? "修改后重新提交" : "保存"}
        defaultValue={{
          name: product.name,
          category: product.category,
          description: product.description,
          makerStory: product.makerStory,
          price: (product.priceFen / 100).toFixed(2),
          stock: String(product.stock),
          makerSharePct: String(product.makerSharePct),
          fundSharePct: String(product.fundSharePct),
          fundName: product.fundName ?? "",
          allowShipping: product.allowShipping,
          allowPickup: product.allowPickup,
        }}
      />
      {status === "LISTED" ? (
        <Form method="post" encType="multipart/form-data" {...getFormProps(unlistForm)} className="card mt-6 space-y-3">
          <h2 className="font-medium">下架产品</h2>
          <input type="hidden" name="intent" value="unlist" />
          <label htmlFor={unlistFields.reason.id} className="block text-sm font-medium text-gray-700">
            下架理由
          </label>
          <textarea {...getTextareaProps(unlistFields.reason)} rows={2} className="input" />
          <FormErrors errors={unlistFields.reason.errors} />
          <button type="submit" className="btn-danger">
            下架
          </button>
        </Form>
      ) : null}
      {status === "UNLISTED" ? (
        <Form method="post" encType="multipart/form-data" className="card mt-6">
          <input type="hidden" name="intent" value="relist" />
          <button type="submit" className="btn-secondary">
            申请重新上架
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
