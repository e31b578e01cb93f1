import { Form, Link } from "@remix-run/react";
import { ScrollBox } from "~/components/scroll-box";
import { useIsPending } from "~/components/use-form";
import { RECORD_SOURCE_CATALOGUE } from "~/modules/indicators/record-sources";
import { formatPoints, METHOD_LABELS } from "~/modules/indicators/scheme";
import type { loader } from "./route";

type Row = Awaited<ReturnType<typeof loader>>["rows"][number];

const INDENT = ["pl-0", "pl-4", "pl-8", "pl-12"];

/** The scheme's indicators as one table, indented by level, as the Excel sheet lists them. */
export function TreeTable({ rows, editable }: { rows: Row[]; editable: boolean }) {
  const removing = useIsPending({ intent: "remove-node" });
  if (rows.length === 0) {
    return (
      <p className="card text-sm text-gray-500">
        还没有指标。{editable ? "请在下方添加一级指标，或在列表页从 Excel 导入。" : ""}
      </p>
    );
  }
  return (
    <ScrollBox label="指标树" className="rounded-lg border border-gray-200 bg-white">
      <table className="table-basic" aria-label="指标">
        <thead>
          <tr>
            <th>编码</th>
            <th>名称</th>
            <th className="text-right">分值</th>
            <th>评分方式</th>
            <th>评分细则/选项</th>
            <th>准备材料</th>
            {editable ? <th>操作</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row) => (
            <tr
              key={row.code}
              data-testid={`node-${row.code}`}
              className={row.level === 1 ? "bg-gray-50 font-medium" : ""}
            >
              <td className="whitespace-nowrap">{row.code}</td>
              <td className={INDENT[row.level - 1] ?? ""}>
                {row.title}
                {row.bonus && row.level === 1 ? <span className="ml-1 text-xs text-amber-700">（加分项）</span> : null}
                {row.ruleText ? <p className="mt-1 text-xs text-red-700">{row.ruleText}</p> : null}
              </td>
              <td className="text-right">{formatPoints(row.points)}</td>
              <td>
                {row.method ? METHOD_LABELS[row.method] : ""}
                {row.source ? (
                  <p className="text-xs text-sky-800">
                    数据来源：{RECORD_SOURCE_CATALOGUE[row.source]?.label ?? row.source}
                  </p>
                ) : null}
              </td>
              <td className="whitespace-pre-line text-xs">{row.itemsText}</td>
              <td className="text-xs">{row.evidence}</td>
              {editable ? (
                <td className="whitespace-nowrap text-xs">
                  <Link to={`?edit=${row.code}#node-editor`} className="link mr-2" aria-label={`编辑 ${row.code}`}>
                    编辑
                  </Link>
                  {row.level < 4 ? (
                    <Link to={`?add=${row.code}#node-editor`} className="link mr-2" aria-label={`添加下级 ${row.code}`}>
                      添加下级
                    </Link>
                  ) : null}
                  <Form method="post" encType="multipart/form-data" className="inline">
                    <input type="hidden" name="intent" value="remove-node" />
                    <input type="hidden" name="code" value={row.code} />
                    <button
                      type="submit"
                      className="link text-red-700"
                      disabled={removing}
                      aria-label={`删除 ${row.code}`}
                    >
                      删除
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
