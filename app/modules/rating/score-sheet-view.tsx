// The score sheet table: per leaf 分值, 自评, each expert (with 扣分原因), the experts' mean and the
// committee, block subtotals; a leaf the experts marked well below the self-score is highlighted;
// a leaf computed from the organization's record shows its points once, with the fact (or, when
// the record changed between the submissions, what each column's total was computed with).
import { formatPoints } from "~/modules/indicators/scheme";
import { GAP_SHARE } from "./score-sheet";

type RecordScore = { points: number; fact: string; detail: string | null };
type Cell = { score: number; note: string | null } | null;
type Sheet = {
  expertLabels: string[];
  blocks: {
    code: string;
    title: string;
    points: number;
    self: number | null;
    experts: (number | null)[];
    expertMean: number | null;
    committee: number | null;
    leaves: {
      code: string;
      title: string;
      points: number;
      self: number | null;
      experts: Cell[];
      expertMean: number | null;
      committee: { score: number; reason: string | null } | null;
      gap: boolean;
      record: RecordScore | null;
      recordByColumn: (RecordScore & { label: string })[] | null;
    }[];
  }[];
};

const show = (n: number | null | undefined) => (n === null || n === undefined ? "—" : formatPoints(n));

function RecordFact({ score }: { score: RecordScore }) {
  return (
    <p className="text-xs text-gray-600">
      {score.fact}
      {score.detail ? `：${score.detail}` : ""}
    </p>
  );
}

export function ScoreSheetTable({ sheet }: { sheet: Sheet }) {
  return (
    <section tabIndex={0} className="card overflow-x-auto" aria-labelledby="score-sheet-heading">
      <h2 id="score-sheet-heading" className="mb-1 text-base font-semibold text-gray-900">
        评分表
      </h2>
      <p className="mb-3 text-xs text-gray-500">
        标黄的指标：专家平均分比自评分低出本项分值的 {GAP_SHARE * 100}% 以上。
      </p>
      <table className="table-basic" data-testid="score-sheet">
        <thead>
          <tr>
            <th>指标</th>
            <th>分值</th>
            <th>自评</th>
            {sheet.expertLabels.map((label) => (
              <th key={label}>{label}</th>
            ))}
            <th>专家平均</th>
            <th>评估委员会</th>
          </tr>
        </thead>
        {sheet.blocks.map((block) => (
          <tbody key={block.code}>
            <tr className="bg-gray-50 font-medium">
              <td>
                {block.code} {block.title}
              </td>
              <td>{formatPoints(block.points)}</td>
              <td>{show(block.self)}</td>
              {block.experts.map((score, i) => (
                <td key={sheet.expertLabels[i]}>{show(score)}</td>
              ))}
              <td>{show(block.expertMean)}</td>
              <td>{show(block.committee)}</td>
            </tr>
            {block.leaves.map((leaf) =>
              leaf.record ? (
                <tr key={leaf.code} data-testid={`record-leaf-${leaf.code}`}>
                  <td className="pl-6">
                    {leaf.code} {leaf.title}
                  </td>
                  <td>{formatPoints(leaf.points)}</td>
                  <td colSpan={sheet.expertLabels.length + 3}>
                    {leaf.recordByColumn ? (
                      <>
                        根据记录计算（各方提交时的记录不同）：
                        <ul>
                          {leaf.recordByColumn.map((column) => (
                            <li key={column.label}>
                              {column.label}：<strong>{formatPoints(column.points)}</strong> 分
                              <RecordFact score={column} />
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      <>
                        根据记录计算：<strong>{formatPoints(leaf.record.points)}</strong> 分
                        <RecordFact score={leaf.record} />
                      </>
                    )}
                  </td>
                </tr>
              ) : (
                <tr key={leaf.code} className={leaf.gap ? "bg-amber-50" : undefined} data-gap={leaf.gap || undefined}>
                  <td className="pl-6">
                    {leaf.code} {leaf.title}
                    {leaf.gap ? <span className="sr-only">（专家评分明显低于自评）</span> : null}
                  </td>
                  <td>{formatPoints(leaf.points)}</td>
                  <td>{show(leaf.self)}</td>
                  {leaf.experts.map((cell, i) => (
                    <td key={sheet.expertLabels[i]}>
                      {show(cell?.score)}
                      {cell?.note ? <p className="text-xs text-gray-600">扣分原因：{cell.note}</p> : null}
                    </td>
                  ))}
                  <td>{show(leaf.expertMean)}</td>
                  <td>
                    {show(leaf.committee?.score)}
                    {leaf.committee?.reason ? <p className="text-xs text-gray-600">{leaf.committee.reason}</p> : null}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        ))}
      </table>
    </section>
  );
}
