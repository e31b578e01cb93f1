import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";
import { getRules } from "~/modules/config/rules.server";
import { newRoundDefaults, ROUND_FORM, RoundFormSchema } from "~/modules/rating/round-form";
import { RoundForm } from "~/modules/rating/round-form-view";
import { ratingSchemeOptions } from "~/modules/rating/round-queries.server";
import { saveRound } from "~/modules/rating/rounds.server";
import { answerIntent, handler } from "~/utils/action.server";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "新建等级评估 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const today = new Date();
  return { defaults: newRoundDefaults(await getRules(today), today), schemes: await ratingSchemeOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  return answerIntent(
    ROUND_FORM,
    await readForm(request),
    handler({
      schema: RoundFormSchema,
      run: (values) => saveRound({ roundId: null, values, actor: admin, request }),
      done: ({ roundId }) => redirect(`/admin/rating/${roundId}?saved=1`),
    }),
  );
}

export default function NewRatingRoundPage() {
  const { defaults, schemes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <PageHeader title="新建等级评估" description="默认值取自规则参数，可按本轮实际情况修改。保存后可开放申报。" />
      <p className="text-sm">
        <Link to="/admin/rating" className="link">
          ← 返回评估列表
        </Link>
      </p>
      <RoundForm defaultValue={defaults} reply={reply} schemes={schemes} submitLabel="保存评估" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
