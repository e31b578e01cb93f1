// The input of one leaf's self-score by its method (leaf-input.ts reads what it sends): checklist
// boxes that add up, a tier select, yes/no, or a number up to the leaf's points. Shared by the
// self-assessments scored on an indicator scheme (a rating application's blocks, a funded
// project's evaluation); each form puts it in its own leaf card with its own extras.
import { getCollectionProps, getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { formatPoints } from "~/modules/indicators/scheme";
import type { FormLeaf } from "./leaf-input";

export function LeafSelfScoreInput({
  leaf,
  meta,
  label,
}: {
  leaf: FormLeaf;
  /** the leaf's score field (scoreField(leaf.code)) */
  meta: FieldMetadata<unknown>;
  /** the leaf's code and title, which the inputs are named after */
  label: string;
}) {
  if (leaf.method === "CHECKLIST") {
    const boxes = getCollectionProps(meta as FieldMetadata<string[]>, {
      type: "checkbox",
      options: leaf.items.map((_, i) => String(i)),
    });
    return (
      <>
        {boxes.map((props, i) => (
          <label key={props.key} className="flex items-start gap-2 text-sm">
            <input {...props} key={props.key} className="mt-0.5 h-4 w-4" />
            <span>
              {leaf.items[i].label}（{formatPoints(leaf.items[i].points ?? 0)} 分）
            </span>
          </label>
        ))}
      </>
    );
  }
  const one = meta as FieldMetadata<string>;
  if (leaf.method === "TIERS") {
    return (
      <select {...getSelectProps(one)} key={one.key} aria-label={`${label} 自评档次`} className="input">
        <option value="">请选择</option>
        {leaf.items.map((item, i) => (
          <option key={item.label} value={String(i)}>
            {item.label}（{formatPoints(item.points ?? 0)} 分）
          </option>
        ))}
      </select>
    );
  }
  if (leaf.method === "YES_NO") {
    return (
      <select {...getSelectProps(one)} key={one.key} aria-label={`${label} 自评`} className="input">
        <option value="">请选择</option>
        <option value="yes">是（{formatPoints(leaf.points)} 分）</option>
        <option value="no">否（0 分）</option>
      </select>
    );
  }
  return (
    <input
      {...getInputProps(one, { type: "number" })}
      key={one.key}
      step={0.5}
      min={0}
      max={leaf.points}
      inputMode="decimal"
      aria-label={`${label} 自评分`}
      className="input max-w-[10rem]"
    />
  );
}
