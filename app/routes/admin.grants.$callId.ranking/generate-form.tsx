// 生成拟入围名单: while the round is open, blocked until every review is in.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { GenerateSchema } from "~/modules/grants/ranking/ranking";
import { useRankingAnswer } from "./use-answer";

export function GenerateForm({ problems }: { problems: string[] }) {
  const { reply } = useRankingAnswer();
  const pending = useIsPending();
  const [form] = useConformForm({ id: "generate-shortlist", schema: GenerateSchema, reply, intent: "generate" });
  const blocked = problems.length > 0;
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-2" aria-label="生成拟入围名单">
      <input type="hidden" name="intent" value="generate" />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="btn-primary"
          disabled={blocked || pending}
          aria-describedby={blocked ? "generate-blocked" : undefined}
        >
          生成拟入围名单
        </button>
        <span className="text-sm text-gray-600">
          按上方排名与资金规则生成拟入围名单，生成后可逐项调整，再发布公示。
        </span>
      </div>
      {blocked ? (
        <div id="generate-blocked" className="text-sm text-amber-700" data-testid="generate-blocked">
          暂不能生成：{problems.join("；")}。
        </div>
      ) : null}
      <FormErrors id={form.errorId} errors={form.errors} />
    </Form>
  );
}
