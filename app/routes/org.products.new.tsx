import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { IMAGE_KINDS } from "~/modules/attachments/file-types";
import { parseUploadForm, setAsideRefusedUploads, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { PRODUCT_SAVE_INTENT, ProductForm } from "~/modules/showroom/product-form-view";
import { productServerSchema } from "~/modules/showroom/product-form.server";
import { createProduct } from "~/modules/showroom/products.server";
import { answerIntent, handler } from "~/utils/action.server";
import { redirect } from "~/utils/redirect.server";
import { succeed } from "~/utils/write-result";

export const meta: MetaFunction = () => [{ title: "提交公益产品 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrgMember(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  // A refused image is set aside: the product is created with the rest and its edit page names the refused files.
  const { formData, refused, names } = await setAsideRefusedUploads(
    await parseUploadForm(request),
    uploadSchema(IMAGE_KINDS),
  );
  return answerIntent(
    PRODUCT_SAVE_INTENT,
    formData,
    handler({
      // Built here: the image check sniffs content on the server.
      schema: productServerSchema("new"),
      run: async ({ images, ...values }) => {
        const product = await createProduct({
          organizationId: organization.id,
          userId: user.id,
          values,
          images: images ?? [],
          request,
        });
        return succeed({ id: product.id });
      },
      done: ({ id }) =>
        redirect(
          names.length
            ? `/org/products/${id}?refused=${encodeURIComponent(names.join("、"))}`
            : "/org/products?saved=pending",
        ),
      refusedUploads: { fieldErrors: refused, savedNote: null },
    }),
  );
}

export default function NewProductPage() {
  return (
    <div>
      <PageHeader title="提交公益产品" description="提交后由民政局工作人员审核，通过后在公益产品展销厅上架。" />
      <ProductForm id="product-new" mode="new" reply={useActionData<typeof action>()} submitLabel="提交审核" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
