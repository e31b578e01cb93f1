// Pieces of the agreement tab shared by the staff and the organization pages.
import { getFormProps, getInputProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { ConfirmButton } from "~/components/confirm";
import { DataTable } from "~/components/data-table";
import { FormErrors, ErrorList, Field, TextareaField } from "~/components/forms";
import { StatusBadge, type BadgeTone } from "~/components/status-badge";
import { useConformForm, useIsPending } from "~/components/use-form";
import { formatDate, formatDateTime } from "~/utils/format";
import { ReasonSchema, SignAgreementSchema } from "./agreement-forms";
import { agreementKindLabel, agreementWorkflow, type AgreementState } from "./agreement-workflow";

type Reply = Parameters<typeof useConformForm>[0]["reply"];

const AGREEMENT_TONES: Partial<Record<AgreementState, BadgeTone>> = {
  DRAFT: "neutral",
  AWAITING_ORG: "warning",
  AWAITING_BUREAU: "info",
  SIGNED: "success",
  SUPERSEDED: "neutral",
  CANCELLED: "danger",
};

export function AgreementStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return <StatusBadge workflow={agreementWorkflow} state={status} tones={AGREEMENT_TONES} testId={testId} />;
}

type VersionRow = {
  id: string;
  version: number;
  kind: string;
  status: string;
  amendmentReason: string | null;
  endsOn: Date | string;
  issuedAt: Date | string | null;
  orgSignedAt: Date | string | null;
  bureauSignedAt: Date | string | null;
};

/** Every version with its state and signing dates; each opens as a document. */
export function AgreementVersionList({ versions, basePath }: { versions: VersionRow[]; basePath: string }) {
  return (
    <DataTable
      label="协议版本"
      rows={versions}
      rowKey={(v) => v.id}
      rowProps={(v) => ({ "data-testid": `agreement-v${v.version}` })}
      columns={[
        {
          header: "版本",
          primary: true,
          cell: (v) => (
            <Link to={`${basePath}/${v.version}`} className="link">
              第 {v.version} 版 · {agreementKindLabel(v.kind)}
            </Link>
          ),
        },
        { header: "状态", cell: (v) => <AgreementStatusBadge status={v.status} /> },
        { header: "变更事由", cell: (v) => v.amendmentReason ?? "—" },
        { header: "执行期截止", cell: (v) => formatDate(v.endsOn) },
        { header: "出具", cell: (v) => formatDateTime(v.issuedAt) },
        { header: "机构签署", cell: (v) => formatDateTime(v.orgSignedAt) },
        { header: "民政局会签", cell: (v) => formatDateTime(v.bureauSignedAt) },
      ]}
    />
  );
}

/** A signature: the typed name and the declaration, bound to the hash of the text shown above it. */
export function SignAgreementForm({
  intent,
  textHash,
  declaration,
  buttonLabel,
  accountName,
  reply,
}: {
  intent: string;
  textHash: string;
  declaration: string;
  buttonLabel: string;
  accountName: string;
  reply: Reply;
}) {
  const pending = useIsPending({ intent });
  const [form, fields] = useConformForm({ id: intent, schema: SignAgreementSchema, reply });
  const declarationProps = getInputProps(fields.declaration, { type: "checkbox" });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label={buttonLabel}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="textHash" value={textHash} />
      <Field
        meta={fields.signerName}
        label="签署人姓名"
        hint={`须与当前登录账号的姓名一致：${accountName}`}
        autoComplete="name"
        className="max-w-xs"
      />
      <div>
        <label className="flex items-start gap-2 text-sm text-gray-800">
          <input
            {...declarationProps}
            key={declarationProps.key}
            aria-describedby={fields.declaration.errorId}
            className="mt-1"
          />
          <span>{declaration}</span>
        </label>
        <ErrorList id={fields.declaration.errorId} errors={fields.declaration.errors} />
      </div>
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.textHash.errors ?? [])]} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {buttonLabel}
      </button>
    </Form>
  );
}

/** One reason and a confirmed button (recall, cancel an amendment, withdraw an award). */
export function ReasonForm({
  intent,
  label,
  fieldLabel,
  message,
  reply,
  danger,
}: {
  intent: string;
  label: string;
  fieldLabel: string;
  message: string;
  reply: Reply;
  danger?: boolean;
}) {
  const pending = useIsPending({ intent });
  const [form, fields] = useConformForm({ id: intent, schema: ReasonSchema, reply });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label={label}>
      <input type="hidden" name="intent" value={intent} />
      <TextareaField meta={fields.reason} label={fieldLabel} rows={3} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <ConfirmButton
        intent={intent}
        label={label}
        message={message}
        schema={ReasonSchema}
        disabled={pending}
        className={danger ? "btn-danger" : "btn-secondary"}
      >
        {label}
      </ConfirmButton>
    </Form>
  );
}
