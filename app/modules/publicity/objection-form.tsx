// The public objection form of every publicity (decision 013): the objector's name and contact,
// the entry objected to (each area names the field after what it lists), the reasons and an
// optional evidence file, with the signed stamp and the honeypot that keep robots out. The
// server half is objection-post.server.ts.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import { Field, FileField, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { allowedLabel, FILE_KINDS } from "~/modules/attachments/file-types";
import { buildObjectionFormSchema, OBJECTION_EVIDENCE_KINDS } from "./objection";

const ACCEPT = OBJECTION_EVIDENCE_KINDS.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(",");

export type ObjectionFormReply = { intent: "objection"; result: SubmissionResult<string[]>; stamp?: string };

export function PublicObjectionForm({
  entryField,
  entryLabel,
  entryMessage,
  entries,
  preselected,
  stamp,
  answer,
}: {
  entryField: string;
  /** "异议项目" */
  entryLabel: string;
  /** "请选择异议项目" */
  entryMessage: string;
  entries: { value: string; label: string }[];
  preselected: string | null;
  stamp: string;
  answer: ObjectionFormReply | undefined;
}) {
  const schema = useMemo(
    () => buildObjectionFormSchema(entryField, entryMessage, z.instanceof(File, { message: "请选择要上传的文件" })),
    [entryField, entryMessage],
  );
  const pending = useIsPending();
  const [form, fields] = useConformForm({
    id: "objection",
    schema,
    reply: answer,
    defaultValue: { [entryField]: preselected ?? "" },
  });
  const entryMeta = (fields as unknown as Record<string, Parameters<typeof SelectField>[0]["meta"]>)[entryField]!;
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="card relative grid gap-4 sm:grid-cols-2"
    >
      <input type="hidden" name="stamp" value={answer?.stamp ?? stamp} />
      {/* Honeypot: hidden from people and screen readers; robots that fill every field give themselves away. */}
      <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor="objection-website">网站（请勿填写）</label>
        <input id="objection-website" type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <Field meta={fields.name} label="姓名" autoComplete="name" />
      <Field meta={fields.contact} label="联系方式" hint="手机号码或电子邮箱，仅用于核实异议，不会公开。" />
      <SelectField meta={entryMeta} label={entryLabel} options={entries} className="sm:col-span-2" />
      <TextareaField
        meta={fields.content}
        label="异议内容及理由"
        rows={6}
        hint="请写明具体事实和理由，20–2000 字。"
        className="sm:col-span-2"
      />
      <FileField
        meta={fields.evidence}
        label="证明材料（选填）"
        accept={ACCEPT}
        hint={`支持 ${allowedLabel(OBJECTION_EVIDENCE_KINDS)}，不超过 10 MB；仅区民政局工作人员可查看。`}
        className="sm:col-span-2"
      />
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          提交异议
        </button>
      </div>
    </Form>
  );
}
