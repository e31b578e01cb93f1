// The scoring page of a rating application (#12 item 7): every leaf of the scheme with the
// organization's self-score and evidence, the expert's score by the leaf's method and a
// 扣分原因 wherever points are taken off, and the on-site visit notes.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo, useRef } from "react";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { formatPoints, METHOD_LABELS } from "~/modules/indicators/scheme";
import { RATING_SUBJECT_TYPE } from "~/modules/rating/labels";
import {
  buildRatingScoreSchema,
  deductionField,
  expertChoices,
  expertScoreField,
  ratingScoreDefaults,
} from "~/modules/rating/review/score-form";
import { RecuseForm } from "./recuse-form";
import type { action, loader } from "./route";
import { TaskHeader } from "./task-header";

export function RatingTaskPage() {
  const task = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const leaves = useMemo(
    () => (task.subjectType === RATING_SUBJECT_TYPE ? task.rating.blocks.flatMap((b) => b.leaves) : []),
    [task],
  );
  const schema = useMemo(() => buildRatingScoreSchema(leaves), [leaves]);
  const intentRef = useRef<"draft" | "submit">("draft");
  const [form, fields] = useConformForm({
    id: "rubric",
    schema,
    reply,
    defaultValue: ratingScoreDefaults(leaves, task.assignment),
    onValidate({ formData }) {
      const pressed = formData.get("intent");
      if (pressed === "draft" || pressed === "submit") intentRef.current = pressed;
      else formData.set("intent", intentRef.current);
      return parseWithZod(formData, { schema });
    },
  });
  const pending = useIsPending();
  const recusing = useIsPending({ intent: "recuse" });
  if (task.subjectType !== RATING_SUBJECT_TYPE) return null;
  const { assignment, rating, round, organization, block, now, reopenReason } = task;
  const locked = block !== null;
  const stored = new Map(assignment.scores.map((s) => [s.criterionId, s]));
  const busy = pending && !recusing;

  return (
    <div className="space-y-4">
      <TaskHeader
        title={task.title}
        roundTitle={round.title}
        assignment={assignment}
        reviewEndsAt={round.reviewEndsAt}
        block={block}
        now={now}
        reopenReason={reopenReason}
        organization={organization}
        ownerLabel="申请评估的社会组织"
      />
      <p className="text-sm text-gray-700">
        指标体系：{rating.schemeTitle}（{formatPoints(rating.totalPoints)} 分）· 组织自评 {rating.selfTotal ?? "—"} 分
      </p>
      {locked ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {block}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4" aria-label="逐项评分">
        {rating.blocks.map((b) => (
          <section key={b.code} className="card overflow-x-auto" aria-labelledby={`block-${b.code}`}>
            <h2 id={`block-${b.code}`} className="mb-2 text-base font-semibold text-gray-900">
              {b.code} {b.title}（{formatPoints(b.points)} 分）
            </h2>
            <table className="table-basic">
              <thead>
                <tr>
                  <th>指标</th>
                  <th>分值</th>
                  <th>自评</th>
                  <th>专家评分</th>
                  <th>扣分原因</th>
                </tr>
              </thead>
              <tbody>
                {b.leaves.map((leaf) => {
                  const score = fields[expertScoreField(leaf.code)];
                  const reason = fields[deductionField(leaf.code)];
                  const choices = expertChoices(leaf);
                  const label = `${leaf.code} ${leaf.title}`;
                  return (
                    <tr key={leaf.code} className="align-top">
                      <td className="min-w-[16rem]">
                        <p className="font-medium text-gray-900">{label}</p>
                        <p className="text-xs text-gray-500">
                          {leaf.method ? METHOD_LABELS[leaf.method] : ""}
                          {leaf.bonus ? " · 加分项" : ""}
                        </p>
                        {leaf.items.length ? (
                          <ul className="mt-1 list-disc pl-4 text-xs text-gray-600">
                            {leaf.items.map((item) => (
                              <li key={item.label}>
                                {item.label}
                                {item.points != null ? `（${formatPoints(item.points)} 分）` : ""}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {leaf.evidence ? <p className="mt-1 text-xs text-gray-500">准备材料：{leaf.evidence}</p> : null}
                        {leaf.files.map((f) => (
                          <a
                            key={f.id}
                            href={`/files/${f.id}`}
                            className="link mr-2 text-xs"
                            target="_blank"
                            rel="noreferrer"
                          >
                            {f.originalName}
                          </a>
                        ))}
                      </td>
                      <td>{formatPoints(leaf.points)}</td>
                      <td>{leaf.self ?? "—"}</td>
                      <td className="min-w-[7rem]">
                        {locked ? (
                          (stored.get(leaf.code)?.score ?? "—")
                        ) : choices ? (
                          <select
                            {...getSelectProps(score)}
                            key={score.key}
                            aria-label={`${label} 专家评分`}
                            className="input"
                          >
                            <option value="">请选择</option>
                            {choices.map((c) => (
                              <option key={c} value={String(c)}>
                                {formatPoints(c)} 分
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input
                            {...getInputProps(score, { type: "number" })}
                            key={score.key}
                            step={0.5}
                            min={0}
                            max={leaf.points}
                            inputMode="decimal"
                            aria-label={`${label} 专家评分`}
                            className="input"
                          />
                        )}
                        <ErrorList id={score.errorId} errors={score.errors} />
                      </td>
                      <td className="min-w-[12rem]">
                        {locked ? (
                          (stored.get(leaf.code)?.note ?? "")
                        ) : (
                          <textarea
                            {...getTextareaProps(reason)}
                            key={reason.key}
                            rows={2}
                            aria-label={`${label} 扣分原因`}
                            className="input"
                          />
                        )}
                        <ErrorList id={reason.errorId} errors={reason.errors} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        ))}
        {locked ? (
          <section className="card" aria-label="现场评估记录">
            <h2 className="mb-2 text-base font-semibold text-gray-900">现场评估记录</h2>
            <p className="whitespace-pre-wrap text-sm text-gray-800">{assignment.comment ?? "—"}</p>
          </section>
        ) : (
          <div className="card space-y-3">
            <TextareaField
              meta={fields.comment}
              label="现场评估记录"
              rows={5}
              hint="实地查看、座谈、查阅材料的情况，提交时必填。"
            />
            <FormErrors id={form.errorId} errors={form.errors} />
            <div className="flex flex-wrap gap-3">
              <button
                type="submit"
                name="intent"
                value="draft"
                formNoValidate
                className="btn-secondary"
                disabled={busy}
              >
                保存草稿
              </button>
              <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
                提交评分
              </button>
            </div>
            <p className="text-xs text-gray-500">扣分的指标须填写扣分原因；提交后评分将锁定，不能再修改。</p>
          </div>
        )}
      </Form>
      {!locked ? <RecuseForm /> : null}
    </div>
  );
}
