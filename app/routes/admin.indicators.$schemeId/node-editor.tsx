import { getFormProps, getInputProps } from "@conform-to/react";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { SectionCard } from "~/components/section-card";
import { useConformForm, useIsPending } from "~/components/use-form";
import { NodeSchema } from "~/modules/indicators/node-form";
import { recordSourceOptions } from "~/modules/indicators/record-sources";
import { LEAF_METHODS, METHOD_LABELS, parentCode, type SchemePurpose } from "~/modules/indicators/scheme";
import type { action, loader } from "./route";

type Row = Awaited<ReturnType<typeof loader>>["rows"][number];

const METHOD_OPTIONS = LEAF_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }));

/** The next free code under `parent` (null: a first-level block). */
function nextCode(rows: Row[], parent: string | null) {
  const siblings = rows.filter((r) => parentCode(r.code) === parent);
  const last = Math.max(0, ...siblings.map((r) => Number(r.code.split(".").at(-1)) || 0));
  return parent ? `${parent}.${last + 1}` : String(last + 1);
}

/** Adds an indicator (a first-level block, or under ?add=code) or edits ?edit=code. */
export function NodeEditor({ rows, purpose }: { rows: Row[]; purpose: SchemePurpose }) {
  const [searchParams] = useSearchParams();
  const editing = rows.find((r) => r.code === searchParams.get("edit")) ?? null;
  const parent = rows.find((r) => r.code === searchParams.get("add"))?.code ?? null;
  const defaultValue = editing
    ? {
        code: editing.code,
        title: editing.title,
        points: String(editing.points),
        method: editing.method ?? "",
        itemsText: editing.itemsText,
        evidence: editing.evidence ?? "",
        bonus: editing.bonus ? "on" : "",
        ruleText: editing.ruleText,
        source: editing.source ?? "",
      }
    : { code: nextCode(rows, parent) };
  const formKey = editing ? `edit-${editing.code}` : `add-${parent ?? "root"}`;
  const reply = useActionData<typeof action>();
  const busy = useIsPending({ intent: "save-node" });
  const [form, fields] = useConformForm({
    id: `node-${formKey}`,
    intent: "save-node",
    schema: NodeSchema,
    reply,
    defaultValue,
  });
  const sources = recordSourceOptions(purpose);
  const heading = editing ? `编辑指标 ${editing.code}` : parent ? `在 ${parent} 下添加指标` : "添加一级指标";

  return (
    <div id="node-editor">
      <SectionCard id="node-form" title={heading}>
        <Form
          method="post"
          encType="multipart/form-data"
          {...getFormProps(form)}
          key={formKey}
          className="grid gap-4 sm:grid-cols-4"
        >
          <input type="hidden" name="intent" value="save-node" />
          {editing ? <input type="hidden" name="originalCode" value={editing.code} /> : null}
          <Field
            meta={fields.code}
            label="编码"
            hint={editing ? "编码不能修改；如需调整层级，请删除后重新添加" : "如 1、1.2、1.2.3，最多 4 级"}
          />
          <Field meta={fields.title} label="名称" className="sm:col-span-2" />
          <Field meta={fields.points} label="分值" inputMode="decimal" hint="可为小数，如 2.5" />
          <SelectField
            meta={fields.method}
            label="评分方式"
            options={METHOD_OPTIONS}
            placeholder="（有下级指标的不填）"
          />
          <TextareaField
            meta={fields.itemsText}
            label="评分细则/选项"
            rows={4}
            className="sm:col-span-3"
            hint="每行一项。逐项计分：“□ 按期换届 得 4 分”，各项合计等于分值；分档计分：“面积≥80㎡ 得 5 分”，最高一档等于分值。"
          />
          <TextareaField meta={fields.evidence} label="准备材料" rows={2} className="sm:col-span-2" />
          <Field
            meta={fields.ruleText}
            label="限制条件"
            className="sm:col-span-2"
            hint="本项得 0 分时：“封顶3A：应建党组织而未建的，不得评为4A及以上”或“否决：……”"
          />
          <SelectField
            meta={fields.source}
            label="数据来源"
            options={sources}
            placeholder="（人工评分）"
            className="sm:col-span-2"
            hint={
              sources.find((o) => o.value === fields.source.value)?.rule ??
              (purpose === "RATING"
                ? "选择后本项按组织的记录计算得分，自评和专家均不再填写。"
                : "选择后评估专家可看到按项目记录计算的参考分。")
            }
          />
          <div className="pt-6 text-sm">
            <label className="flex items-center gap-2">
              <input
                {...getInputProps(fields.bonus, { type: "checkbox" })}
                key={fields.bonus.key}
                className="h-4 w-4"
              />
              加分项（不计入总分，按加分上限计）
            </label>
            <ErrorList id={fields.bonus.errorId} errors={fields.bonus.errors} />
          </div>
          <div className="sm:col-span-4">
            <FormErrors id={form.errorId} errors={form.errors} />
          </div>
          <div className="flex gap-2 sm:col-span-4">
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? "正在保存…" : "保存指标"}
            </button>
            {editing || parent ? (
              <Link to="." className="btn-secondary">
                取消
              </Link>
            ) : null}
          </div>
        </Form>
      </SectionCard>
    </div>
  );
}
