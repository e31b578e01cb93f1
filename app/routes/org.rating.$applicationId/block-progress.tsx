// Progress of the self-assessment per first-level block: leaves scored, evidence, subtotal.
import { Link } from "@remix-run/react";
import { SectionCard } from "~/components/section-card";
import { formatPoints } from "~/modules/indicators/scheme";

type Block = {
  code: string;
  title: string;
  points: number;
  score: number;
  scored: number;
  leaves: number;
  withEvidence: number;
  bonus: boolean;
};

export function BlockProgress({
  application,
  editable,
}: {
  application: { id: string; blocks: Block[] };
  editable: boolean;
}) {
  return (
    <SectionCard id="self-progress" title="自评进度" scrollable>
      <table className="table-basic">
        <thead>
          <tr>
            <th>一级指标</th>
            <th>分值</th>
            <th>已自评</th>
            <th>已上传材料</th>
            <th>自评小计</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {application.blocks.map((b) => (
            <tr key={b.code} data-testid={`block-${b.code}`}>
              <td>
                {b.code} {b.title}
                {b.bonus ? "（加分项）" : ""}
              </td>
              <td>{formatPoints(b.points)}</td>
              <td>
                {b.scored} / {b.leaves}
              </td>
              <td>
                {b.withEvidence} / {b.leaves}
              </td>
              <td>{formatPoints(b.score)}</td>
              <td>
                <Link to={`/org/rating/${application.id}/blocks/${b.code}`} className="link">
                  {editable ? "填写自评" : "查看"}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SectionCard>
  );
}
