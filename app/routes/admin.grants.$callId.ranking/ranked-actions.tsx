// Once the shortlist is generated: publish it for publicity, or withdraw it.
import { getFormProps, getTextareaProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ErrorList, FormErrors } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { publishProblem } from "~/modules/grants/publicity/publicity";
import { PublishSchema, WithdrawSchema } from "~/modules/grants/ranking/ranking";
import { useRankingAnswer } from "./use-answer";

export function RankedActions({ publicityDays, selectedCount }: { publicityDays: number; selectedCount: number }) {
  const { reply } = useRankingAnswer();
  const pending = useIsPending();
  const [publishForm] = useConformForm({ id: "publish-shortlist", schema: PublishSchema, reply, intent: "publish" });
  const [withdrawForm, withdrawFields] = useConformForm({
    id: "withdraw-shortlist",
    schema: WithdrawSchema,
    reply,
    intent: "withdraw",
  });
  const blocked = publishProblem(selectedCount);
  return (
    <section className="card grid gap-4 md:grid-cols-2" aria-label="名单办理">
      <Form method="post" {...getFormProps(publishForm)} className="space-y-2">
        <input type="hidden" name="intent" value="publish" />
        <h2 className="text-sm font-medium text-gray-900">发布公示</h2>
        <p className="text-sm text-gray-600">
          {selectedCount} 个拟入围项目将向社会公示 {publicityDays} 天（至第 {publicityDays} 天 24
          时止），入围机构会收到通知。发布后名单不能再调整。
        </p>
        <button
          type="submit"
          className="btn-primary"
          disabled={blocked != null || pending}
          aria-describedby={blocked ? "publish-blocked" : undefined}
        >
          发布公示（公示 {publicityDays} 天）
        </button>
        {blocked ? (
          <p id="publish-blocked" className="text-sm text-amber-700" data-testid="publish-blocked">
            {blocked}
          </p>
        ) : null}
        <FormErrors id={publishForm.errorId} errors={publishForm.errors} />
      </Form>
      <Form method="post" {...getFormProps(withdrawForm)} className="space-y-2">
        <input type="hidden" name="intent" value="withdraw" />
        <h2 className="text-sm font-medium text-gray-900">撤回拟入围名单</h2>
        <div>
          <label htmlFor={withdrawFields.reason.id} className="mb-1 block text-sm font-medium text-gray-700">
            撤回理由
          </label>
          <textarea
            {...getTextareaProps(withdrawFields.reason)}
            key={withdrawFields.reason.key}
            rows={2}
            className="input"
          />
          <ErrorList id={withdrawFields.reason.errorId} errors={withdrawFields.reason.errors} />
        </div>
        <p className="text-xs text-gray-500">撤回后回到专家评审，已做的调整将一并清除。</p>
        <button type="submit" className="btn-secondary" disabled={pending}>
          撤回
        </button>
        <FormErrors id={withdrawForm.errorId} errors={withdrawForm.errors} />
      </Form>
    </section>
  );
}
