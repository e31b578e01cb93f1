import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";
import { submitCallForm } from "~/modules/grants/calls/actions.server";
import { CallForm } from "~/modules/grants/calls/form";
import { callFormDefaults } from "~/modules/grants/calls/validation";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "新建公益创投活动 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return { defaults: callFormDefaults(null, new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  return submitCallForm({ formData: await readForm(request), callId: null, actor: admin, request });
}

export default function NewGrantCallPage() {
  const { defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <PageHeader title="新建公益创投活动" description="填写活动规则后可先保存草稿，检查无误再发布。" />
      <p className="text-sm">
        <Link to="/admin/grants" className="link">
          ← 返回活动列表
        </Link>
      </p>
      <CallForm defaultValue={defaults} reply={reply} extraCategories={[]} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
