import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { RemindSchema } from "~/modules/grants/review/panel";
import type { action, loader } from "./route";

/** 评审进度: the round's counts, the last seed, and chasing late reviewers. */
export function ProgressCard() {
  const { call, totals } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form] = useConformForm({ id: "remind-late", intent: "remind", schema: RemindSchema, reply });
  const busy = useIsPending();
  const reminded =
    // A success carries no form result, only what to show.
    reply && !("result" in reply) && reply.intent === "remind" ? reply.message : null;
  return (
    <section className="card space-y-3" aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="text-base font-semibold text-gray-900">
        评审进度
      </h2>
      <p className="text-lg" data-testid="review-totals">
        评审进度：已提交 {totals.submitted} / {totals.assignments}
      </p>
      <ul className="flex flex-wrap gap-2 text-sm">
        <li className="rounded bg-gray-50 px-2 py-1">
          申报 <span className="font-semibold">{totals.applications}</span> 项
        </li>
        <li className="rounded bg-gray-50 px-2 py-1">
          评审任务 <span className="font-semibold">{totals.assignments}</span> 项
        </li>
        <li
          className={`rounded px-2 py-1 ${totals.overdue ? "bg-red-50 text-red-800" : "bg-gray-50"}`}
          data-testid="overdue-count"
        >
          逾期未提交 <span className="font-semibold">{totals.overdue}</span> 项
        </li>
        {totals.recused ? (
          <li className="rounded bg-gray-50 px-2 py-1">
            回避 <span className="font-semibold">{totals.recused}</span> 人次
          </li>
        ) : null}
      </ul>
      <p className="text-sm text-gray-600" data-testid="last-seed">
        最近一次自动分配的随机种子：
        {call.assignmentSeed ? (
          <code className="rounded bg-gray-100 px-1.5 py-0.5 font-mono">{call.assignmentSeed}</code>
        ) : (
          "尚未自动分配"
        )}
      </p>
      {reminded ? <Notice testId="remind-result">{reminded}</Notice> : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="remind" />
        <button type="submit" className="btn-secondary" disabled={busy}>
          催办逾期专家
        </button>
        <p className="mt-1 text-xs text-gray-500">
          向已逾期或两天内到期仍未提交的专家发送站内通知和邮件；24 小时内不重复催办同一位专家。
        </p>
        <FormErrors id={form.errorId} errors={form.errors} />
      </Form>
    </section>
  );
}
