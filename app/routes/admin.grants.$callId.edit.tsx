import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { submitCallForm } from "~/modules/grants/calls/actions.server";
import { CallForm } from "~/modules/grants/calls/form";
import { DEFAULT_CATEGORIES } from "~/modules/grants/calls/settings";
import { getCall, storedSettings, updateCallDescription } from "~/modules/grants/calls/store.server";
import { CallDescriptionSchema, callFormDefaults } from "~/modules/grants/calls/validation";
import { CallEligibilityList, CallMoneyRules, CallRubric, CallTranches } from "~/modules/grants/calls/view";
import { answerIntent, handler } from "~/utils/action.server";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `编辑：${data?.call.title ?? "公益创投活动"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const call = await getCall(params.callId!);
  invariantResponse(call, "活动不存在", { status: 404 });
  const isDraft = call.status === "DRAFT";
  return {
    call,
    isDraft,
    defaults: isDraft
      ? callFormDefaults(
          { ...storedSettings(call), title: call.title, year: call.year, description: call.description },
          new Date(),
        )
      : null,
    extraCategories: call.categories.filter((c) => !(DEFAULT_CATEGORIES as readonly string[]).includes(c)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const callId = params.callId!;
  const formData = await readForm(request);
  if (formData.get("intent") === "description") {
    return answerIntent(
      "description",
      formData,
      handler({
        schema: CallDescriptionSchema,
        run: (v) => updateCallDescription(callId, v.description, admin, request),
        done: () => redirect(`/admin/grants/${callId}?saved=1`),
      }),
    );
  }
  return submitCallForm({ formData, callId, actor: admin, request });
}

function DescriptionForm({ description }: { description: string }) {
  const pending = useIsPending();
  const [form, fields] = useConformForm({
    id: "call-description",
    schema: CallDescriptionSchema,
    reply: useActionData<typeof action>(),
    intent: "description",
    defaultValue: { intent: "description", description },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-3">
      <input type="hidden" name="intent" value="description" />
      <TextareaField meta={fields.description} label="活动说明" rows={6} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={pending}>
        保存说明
      </button>
    </Form>
  );
}

export default function EditGrantCallPage() {
  const { call, isDraft, defaults, extraCategories } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <PageHeader
        title={`编辑：${call.title}`}
        description={
          isDraft
            ? "草稿可随时修改；发布前会再次检查。"
            : "活动已发布，只能修改活动说明；资金规则、申报资格和评分细则不能再修改。"
        }
      />
      <p className="text-sm">
        <Link to={`/admin/grants/${call.id}`} className="link">
          ← 返回活动
        </Link>
      </p>
      {isDraft && defaults ? (
        <CallForm defaultValue={defaults} reply={reply} extraCategories={extraCategories} />
      ) : (
        <>
          <DescriptionForm description={call.description} />
          <section className="card space-y-4" aria-label="已发布的规则（只读）">
            <h2 className="text-base font-semibold text-gray-900">资金规则（只读）</h2>
            <CallMoneyRules call={call} />
            <h2 className="text-base font-semibold text-gray-900">申报资格（只读）</h2>
            <CallEligibilityList eligibility={call.eligibility} />
            <h2 className="text-base font-semibold text-gray-900">评分细则（只读）</h2>
            <CallRubric criteria={call.criteria} />
            <h2 className="text-base font-semibold text-gray-900">拨付计划（只读）</h2>
            <CallTranches tranches={call.tranches} />
          </section>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
