// The expert's per-leaf scoring form of an indicator scheme, shared by the subjects scored on one
// (rating applications, funded-project evaluations): every leaf with its 评分细则 and the owner's
// self-score, optionally what the record suggests, the expert's score by the leaf's method, a
// 扣分原因 wherever points are taken off, and the expert's notes. A draft keeps what is filled in.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useMemo, type ComponentProps } from "react";
import { useDraftForm } from "~/components/draft-form";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { useIsPending, type useConformForm } from "~/components/use-form";
import { formatPoints, METHOD_LABELS, type ScoreItem } from "~/modules/indicators/scheme";
import {
  buildRatingScoreSchema,
  deductionField,
  expertChoices,
  expertScoreField,
  ratingScoreDefaults,
} from "~/modules/rating/review/score-form";
import { RecuseForm } from "./recuse-form";

export type ScoringLeaf = {
  code: string;
  title: string;
  points: number;
  method: "CHECKLIST" | "TIERS" | "YES_NO" | "MANUAL" | null;
  items: ScoreItem[];
  evidence: string | null;
  bonus: boolean;
  self: number | null;
  files: { id: string; originalName: string }[];
  /** what the project's record suggests for this leaf, when it reads the record */
  suggested?: { points: number; label: string } | null;
};
export type ScoringBlock = { code: string; title: string; points: number; leaves: ScoringLeaf[] };

type Stored = { scores: { criterionId: string; score: number; note: string | null }[]; comment: string | null };

export function LeafScoreForm({
  blocks,
  assignment,
  locked,
  reply,
  notesLabel,
  notesHint,
  showSuggested = false,
}: {
  blocks: ScoringBlock[];
  assignment: Stored;
  locked: boolean;
  reply: Parameters<typeof useConformForm>[0]["reply"];
  notesLabel: string;
  notesHint: string;
  showSuggested?: boolean;
}) {
  const leaves = useMemo(() => blocks.flatMap((b) => b.leaves), [blocks]);
  const schema = useMemo(() => buildRatingScoreSchema(leaves), [leaves]);
  const [form, fields] = useDraftForm({
    id: "rubric",
    fields: schema,
    schema,
    draftIntent: "draft",
    reply,
    defaultValue: ratingScoreDefaults(leaves, assignment),
  });
  const pending = useIsPending();
  const recusing = useIsPending({ intent: "recuse" });
  const stored = new Map(assignment.scores.map((s) => [s.criterionId, s]));
  const busy = pending && !recusing;

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4" aria-label="逐项评分">
      {blocks.map((b) => (
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
                {showSuggested ? <th>据记录计算</th> : null}
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
                    {showSuggested ? (
                      <td className="min-w-[7rem] text-sm">
                        {leaf.suggested ? (
                          <>
                            {formatPoints(leaf.suggested.points)} 分
                            <span className="block text-xs text-gray-500">{leaf.suggested.label}</span>
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                    ) : null}
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
        <section className="card" aria-label={notesLabel}>
          <h2 className="mb-2 text-base font-semibold text-gray-900">{notesLabel}</h2>
          <p className="whitespace-pre-wrap text-sm text-gray-800">{assignment.comment ?? "—"}</p>
        </section>
      ) : (
        <div className="card space-y-3">
          <TextareaField meta={fields.comment} label={notesLabel} rows={5} hint={notesHint} />
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="draft" formNoValidate className="btn-secondary" disabled={busy}>
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
  );
}

/**
 * The scoring part of a page scored on an indicator scheme: why the scores are locked (submitted,
 * or the round has closed), the form, and the recusal while it is open.
 */
export function SchemeScoring({
  block,
  ...form
}: Omit<ComponentProps<typeof LeafScoreForm>, "locked"> & { block: string | null }) {
  const locked = block !== null;
  return (
    <>
      {locked ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {block}
        </p>
      ) : null}
      <LeafScoreForm {...form} locked={locked} />
      {!locked ? <RecuseForm /> : null}
    </>
  );
}
