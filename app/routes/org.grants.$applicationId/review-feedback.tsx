// 评审结果 on the applicant's page, once the list is confirmed.
import { ScrollBox } from "~/components/scroll-box";
import type { getApplicationFeedback } from "~/modules/grants/publicity/feedback.server";
import { formatScore } from "~/modules/grants/publicity/publicity";
import { RECOMMENDATIONS, type Recommendation } from "~/modules/review/assignment-workflow";
import { formatFen } from "~/utils/format";

type Feedback = NonNullable<Awaited<ReturnType<typeof getApplicationFeedback>>>;

/** 评审结果: shown once the list is confirmed (or the entry was removed after an objection). Reviewers stay anonymous. */
export function ReviewFeedback({ feedback, status }: { feedback: Feedback; status: string }) {
  const funded = status === "FUNDED";
  return (
    <section className="card space-y-4 scroll-mt-4" id="feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading" className="font-medium">
        评审结果
      </h2>
      {funded ? (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="funded-amount">
          项目已立项，核定资助金额 {formatFen(feedback.amountFen)}。
        </p>
      ) : status === "NOT_FUNDED" ? (
        <p className="rounded-md bg-gray-50 p-3 text-sm text-gray-800">
          {feedback.removedReply
            ? `经公示异议核实，项目已移出拟入围名单：${feedback.removedReply}`
            : "项目未进入资助名单。"}
        </p>
      ) : null}
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-gray-500">综合得分</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="final-score">
            {formatScore(feedback.finalScore)} 分
          </dd>
        </div>
        <div>
          <dt className="text-gray-500">排名</dt>
          <dd className="text-lg font-semibold tabular-nums">
            第 {feedback.rank} 名 / 共 {feedback.total} 个项目
          </dd>
        </div>
        <div>
          <dt className="text-gray-500">入围分数线（入选项目最低得分）</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="cut-off">
            {feedback.cutOff == null ? "—" : `${formatScore(feedback.cutOff)} 分`}
          </dd>
        </div>
      </dl>
      <ScrollBox label="专家评分">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-medium">各项评分（专家平均分）</caption>
          <thead className="text-gray-500">
            <tr>
              <th className="py-2 pr-3">评分项</th>
              <th className="py-2 pr-3 text-right">平均得分</th>
              <th className="py-2 text-right">满分</th>
            </tr>
          </thead>
          <tbody>
            {feedback.criteria.map((c, i) => (
              <tr key={`${i}-${c.name}`} className="border-t border-gray-100">
                <td className="py-2 pr-3">{c.name}</td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {c.average == null ? "—" : formatScore(c.average)}
                </td>
                <td className="py-2 text-right tabular-nums">{c.maxScore}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <div>
        <h3 className="mb-2 text-sm font-medium">专家意见</h3>
        {feedback.comments.length === 0 ? (
          <p className="text-sm text-gray-500">暂无专家意见。</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {feedback.comments.map((c) => (
              <li key={c.label} className="rounded-md border border-gray-200 p-3">
                <p className="font-medium">
                  {c.label}
                  {c.recommendation ? (
                    <span className="ml-2 font-normal text-gray-600">
                      {RECOMMENDATIONS[c.recommendation as Recommendation] ?? c.recommendation}
                    </span>
                  ) : null}
                </p>
                <p className="mt-1 whitespace-pre-wrap text-gray-800">{c.comment || "（无文字意见）"}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
