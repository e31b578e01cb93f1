import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { parseUploadForm } from "~/modules/attachments/uploads.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { ProductForm } from "~/modules/showroom/product-form-view";
import { productServerSchema } from "~/modules/showroom/product-form.server";
import { createProduct } from "~/modules/showroom/products.server";

export const meta: MetaFunction = () => [{ title: "提交公益产品 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrgMember(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  const formData = await parseUploadForm(request);
  const submission = await parseWithZod(formData, { schema: productServerSchema("new"), async: true });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const { images, ...values } = submission.value;
  await createProduct({
    organizationId: organization.id,
    userId: user.id,
    values: { ...values },
    images: images ?? [],
    request,
  });
  return redirect("/org/products?saved=pending");
}

export default function NewProductPage() {
  const lastResult = useActionData<typeof action>();
  return (
    <div>
      <PageHeader title="提交公益产品" description="提交后由民政局工作人员审核，通过后在公益产品展销厅上架。" />
      <ProductForm id="product-new" mode="new" lastResult={lastResult} submitLabel="提交审核" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
