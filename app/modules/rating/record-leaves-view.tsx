// "根据记录计算": the rating leaves whose points come from the organization's own record, with
// the points and the fact they come from. Shown where the other leaves are typed (the
// organization's self-assessment, the expert's scoring page), so nobody looks for a field.
import { formatPoints } from "~/modules/indicators/scheme";
import type { RecordLeafView } from "./record-sources";

export function RecordLeavesCard({ leaves, who }: { leaves: RecordLeafView[]; who: string }) {
  if (leaves.length === 0) return null;
  return (
    <section className="card" aria-labelledby="record-leaves-heading" data-testid="record-leaves">
      <h2 id="record-leaves-heading" className="mb-1 text-base font-semibold text-gray-900">
        根据记录计算
      </h2>
      <p className="mb-3 text-xs text-gray-500">
        以下指标由系统根据本组织在平台上的记录计算得分，计入总分，{who}无需填写。
      </p>
      <ul className="space-y-2 text-sm">
        {leaves.map((leaf) => (
          <li key={leaf.code} data-testid={`record-leaf-${leaf.code}`}>
            <p className="font-medium text-gray-900">
              {leaf.code} {leaf.title}：{formatPoints(leaf.score)} 分（满分 {formatPoints(leaf.points)} 分）
            </p>
            <p className="text-xs text-gray-600">
              {leaf.fact}
              {leaf.detail ? `：${leaf.detail}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
