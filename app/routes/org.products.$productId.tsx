import { getFormProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { useConformForm } from "~/components/use-form";
import { IMAGE_KINDS } from "~/modules/attachments/file-types";
import { parseUploadForm, setAsideRefusedUploads, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { PRODUCT_SAVE_INTENT, ProductForm } from "~/modules/showroom/product-form-view";
import { productServerSchema } from "~/modules/showroom/product-form.server";
import { productWorkflow, type ProductState } from "~/modules/showroom/product-workflow";
import { changeProductStatus, getOrgProduct, updateProduct } from "~/modules/showroom/products.server";
import { dispatchIntent, handler } from "~/utils/action.server";
import { fenToYuanInput } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { succeed } from "~/utils/write-result";

export const meta: MetaFunction = () => [{ title: "编辑公益产品 · 益苗" }];

const RelistSchema = z.object({});

const UnlistSchema = z.object({
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
  const { formData, refused } = await setAsideRefusedUploads(await parseUploadForm(request), uploadSchema(IMAGE_KINDS));
  const actor = { id: user.id, role: "ORG_MEMBER" } as const;
  return dispatchIntent(formData, {
    unlist: handler({
      schema: UnlistSchema,
      run: ({ reason }) =>
        changeProductStatus({ productId, to: "UNLISTED", organizationId: organization.id, actor, reason, request }),
      done: () => redirect(`/org/products/${productId}?done=unlisted`),
    }),
    relist: handler({
      schema: RelistSchema,
      run: () => changeProductStatus({ productId, to: "PENDING", organizationId: organization.id, actor, request }),
      done: () => redirect("/org/products?saved=pending"),
    }),
    [PRODUCT_SAVE_INTENT]: handler({
      // Built here: the image check sniffs content on the server.
      schema: productServerSchema("edit"),
      run: async ({ images, ...values }) =>
        succeed(
          await updateProduct({
            organizationId: organization.id,
            userId: user.id,
            productId,
            values,
            images: images ?? [],
            request,
          }),
        ),
      done: (result) =>
        redirect(`/org/products?saved=${result.rescreening || existing.status === "PENDING" ? "pending" : "saved"}`),
      refusedUploads: {
        fieldErrors: refused,
        savedNote: "其余内容已保存；标出的图片未被接受，请重新选择后再保存。",
      },
    }),
  });
}

export default function EditProductPage() {
  const { product } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const status = product.status as ProductState;
  const refusedNames = useSearchParams()[0].get("refused");
  const [unlistForm, unlistFields] = useConformForm({
    id: "product-unlist",
    intent: "unlist",
    schema: UnlistSchema,
    reply,
  });
  const [relistForm] = useConformForm({ id: "product-relist", intent: "relist", schema: RelistSchema, reply });
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
      {refusedNames ? (
        <Notice tone="warning" className="mb-4">
          产品已提交审核。以下图片未被接受，未保存：{refusedNames}。可在下方重新选择图片后保存。
        </Notice>
      ) : null}
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
        reply={reply}
        submitLabel={status === "RETURNED" ? "修改后重新提交" : "保存"}
        defaultValue={{
          name: product.name,
          category: product.category,
          description: product.description,
          makerStory: product.makerStory,
          price: fenToYuanInput(product.priceFen),
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
          <FormErrors errors={[...(unlistFields.reason.errors ?? []), ...(unlistForm.errors ?? [])]} />
          <button type="submit" className="btn-danger">
            下架
          </button>
        </Form>
      ) : null}
      {status === "UNLISTED" ? (
        <Form method="post" encType="multipart/form-data" {...getFormProps(relistForm)} className="card mt-6">
          <input type="hidden" name="intent" value="relist" />
          <FormErrors id={relistForm.errorId} errors={relistForm.errors} />
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
