import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";
import { ROUND_FORM, roundFormValues, RoundFormSchema } from "~/modules/rating/round-form";
import { RoundForm } from "~/modules/rating/round-form-view";
import { loadRatingRound, ratingSchemeOptions } from "~/modules/rating/round-queries.server";
import { saveRound } from "~/modules/rating/rounds.server";
import { answerIntent, handler } from "~/utils/action.server";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "修改等级评估 · 益苗" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const round = await loadRatingRound(params.roundId ?? "");
  invariantResponse(round, "未找到该评估", { status: 404 });
  invariantResponse(round.status === "DRAFT", "评估已开放申报，设置不能再修改", { status: 409 });
  return { round, defaults: roundFormValues(round), schemes: await ratingSchemeOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const roundId = params.roundId ?? "";
  return answerIntent(
    ROUND_FORM,
    await readForm(request),
    handler({
      schema: RoundFormSchema,
      run: (values) => saveRound({ roundId, values, actor: admin, request }),
      done: () => redirect(`/admin/rating/${roundId}?saved=1`),
    }),
  );
}

export default function EditRatingRoundPage() {
  const { round, defaults, schemes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <PageHeader title="修改等级评估" description={round.title} />
      <p className="text-sm">
        <Link to={`/admin/rating/${round.id}`} className="link">
          ← 返回评估
        </Link>
      </p>
      <RoundForm defaultValue={defaults} reply={reply} schemes={schemes} submitLabel="保存修改" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
