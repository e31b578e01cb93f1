// The editable sections of the annual report (一 to 六), for the report page's form.
import type { FieldMetadata } from "@conform-to/react";
import { ComputedTotal } from "~/components/computed-total";
import { Field, FileField, SelectField, TextareaField } from "~/components/forms";
import { allowedLabel, DOCUMENT_KINDS, FILE_KINDS } from "~/modules/attachments/file-types";
import {
  BALANCE_LINES,
  CHARTER_OPTIONS,
  checkFinance,
  COUNT_LABELS,
  EXPENSE_LINES,
  financeTotals,
  INCOME_LINES,
  PARTY_ORG_OPTIONS,
  TEXT_LABELS,
  TOTAL_LABELS,
  TYPED_MONEY_FIELDS,
  typedMoney,
  withFinanceTotals,
  type ComputedTotal as ComputedTotalKey,
  type MoneyField,
} from "~/modules/inspection/report-form";
import { formatDate } from "~/utils/format";

const ACCEPT = DOCUMENT_KINDS.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(",");

type FieldOf = (name: string) => FieldMetadata<unknown>;

export function ActivitiesSection({ f }: { f: FieldOf }) {
  return (
    <section className="card grid gap-4" aria-labelledby="sec-activities">
      <h2 id="sec-activities" className="font-medium">
        一、业务活动情况
      </h2>
      <TextareaField
        meta={f("activitiesSummary")}
        label={TEXT_LABELS.activitiesSummary}
        rows={6}
        hint="对照章程规定的宗旨和业务范围，说明本年度开展的主要活动、服务对象和成效。"
      />
      <SelectField
        meta={f("charterCompliance")}
        label={TEXT_LABELS.charterCompliance}
        options={CHARTER_OPTIONS.map((o) => ({ value: o, label: o }))}
      />
    </section>
  );
}

export function ChangesSection({ f, optional }: { f: FieldOf; optional: string }) {
  return (
    <section className="card grid gap-4" aria-labelledby="sec-changes">
      <h2 id="sec-changes" className="font-medium">
        二、人员和机构变动情况{optional}
      </h2>
      <TextareaField
        meta={f("personnelChanges")}
        label={TEXT_LABELS.personnelChanges}
        rows={3}
        hint="没有变动请填“无”。"
      />
      <TextareaField
        meta={f("structureChanges")}
        label={TEXT_LABELS.structureChanges}
        rows={3}
        hint="没有变动请填“无”。"
      />
    </section>
  );
}

export function PeopleSection({ f, optional }: { f: FieldOf; optional: string }) {
  return (
    <section className="card grid gap-4 sm:grid-cols-3" aria-labelledby="sec-people">
      <h2 id="sec-people" className="font-medium sm:col-span-3">
        三、会员和工作人员{optional}
      </h2>
      <Field meta={f("memberCount")} label={COUNT_LABELS.memberCount} inputMode="numeric" />
      <Field meta={f("staffCount")} label={COUNT_LABELS.staffCount} inputMode="numeric" />
      <Field meta={f("volunteerCount")} label={COUNT_LABELS.volunteerCount} inputMode="numeric" />
    </section>
  );
}

export function PartySection({ f, optional }: { f: FieldOf; optional: string }) {
  return (
    <section className="card grid gap-4 sm:grid-cols-2" aria-labelledby="sec-party">
      <h2 id="sec-party" className="font-medium sm:col-span-2">
        四、党建工作{optional}
      </h2>
      <SelectField
        meta={f("partyOrgStatus")}
        label={TEXT_LABELS.partyOrgStatus}
        options={PARTY_ORG_OPTIONS.map((o) => ({ value: o, label: o }))}
      />
      <Field meta={f("partyMemberCount")} label={COUNT_LABELS.partyMemberCount} inputMode="numeric" />
      <TextareaField
        meta={f("partyActivities")}
        label={TEXT_LABELS.partyActivities}
        rows={3}
        className="sm:col-span-2"
      />
    </section>
  );
}

/** Section 五, with a foundation's audit report upload; the totals are computed as the lines are typed. */
export function FinanceSection({
  f,
  auditUpload,
}: {
  f: FieldOf;
  auditUpload: { required: boolean; files: { id: string; originalName: string }[] } | null;
}) {
  const typed = typedMoney(Object.fromEntries(TYPED_MONEY_FIELDS.map((key) => [key, f(key).value])));
  const totals = financeTotals(typed);
  // The checks the system can make, shown while typing; they stop only 提交.
  const live = checkFinance(withFinanceTotals(typed));
  const warn = (key: MoneyField) => {
    const message = live[key];
    return message && !f(key).errors?.includes(message) ? (
      <span className="text-amber-700" data-testid={`live-${key}`}>
        {message}
      </span>
    ) : undefined;
  };
  const totalOf = (key: ComputedTotalKey, className: string) => (
    <ComputedTotal
      label={TOTAL_LABELS[key]}
      fen={totals[key].fen}
      note={totals[key].complete ? "自动计算" : "自动计算，各项尚未填全"}
      className={className}
      testId={`total-${key}`}
    />
  );
  return (
    <section className="card" aria-labelledby="sec-finance">
      <h2 id="sec-finance" className="font-medium">
        五、财务情况（单位：元）
      </h2>
      <p className="mt-1 text-xs text-gray-500">
        收入合计、费用合计按各项自动计算；资产合计须等于负债合计加净资产合计。没有的项目请填 0。
      </p>
      <h3 className="mt-4 text-sm font-medium text-gray-700">收入（按来源）</h3>
      <div className="mt-2 grid gap-4 sm:grid-cols-3">
        {INCOME_LINES.map(([key, label]) => (
          <Field key={key} meta={f(key)} label={label} inputMode="decimal" />
        ))}
        {totalOf("incomeTotal", "sm:col-span-3")}
      </div>
      <h3 className="mt-6 text-sm font-medium text-gray-700">费用（按类别）</h3>
      <div className="mt-2 grid gap-4 sm:grid-cols-2">
        {EXPENSE_LINES.map(([key, label]) => (
          <Field key={key} meta={f(key)} label={label} inputMode="decimal" />
        ))}
        {totalOf("expenseTotal", "sm:col-span-2")}
      </div>
      <h3 className="mt-6 text-sm font-medium text-gray-700">资产、负债和净资产（年末数）</h3>
      <div className="mt-2 grid gap-4 sm:grid-cols-3">
        {BALANCE_LINES.map(([key, label]) => (
          <Field key={key} meta={f(key)} label={label} inputMode="decimal" hint={warn(key)} />
        ))}
      </div>
      {auditUpload ? (
        <div className="mt-6">
          <FileField
            meta={f("auditReport")}
            label={auditUpload.required ? "年度审计报告（基金会必须上传）" : "年度审计报告"}
            accept={ACCEPT}
            hint={`支持 ${allowedLabel(DOCUMENT_KINDS)}，不超过 10 MB。`}
          />
          {auditUpload.files.length > 0 ? (
            <p className="mt-2 text-sm">
              已上传：
              {auditUpload.files.map((a) => (
                <a key={a.id} href={`/files/${a.id}`} className="link mr-2" target="_blank" rel="noreferrer">
                  {a.originalName}
                </a>
              ))}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

type OpenRectification = {
  id: string;
  requirement: string;
  dueAt: string | Date;
  reviewNote: string | null;
  report: { year: number };
};

/** Section 六: shown while the organization has rectifications to report on. */
export function RectificationSection({ f, open }: { f: FieldOf; open: OpenRectification[] }) {
  return (
    <section className="card grid gap-4 border-amber-300" aria-labelledby="sec-rect">
      <h2 id="sec-rect" className="font-medium">
        六、整改情况
      </h2>
      <ul className="list-disc pl-5 text-sm text-gray-700">
        {open.map((r) => (
          <li key={r.id}>
            {r.report.year}年度年检整改要求：{r.requirement}（期限 {formatDate(r.dueAt)}）
            {r.reviewNote ? `；退回意见：${r.reviewNote}` : ""}
          </li>
        ))}
      </ul>
      <TextareaField
        meta={f("rectificationReport")}
        label={TEXT_LABELS.rectificationReport}
        rows={4}
        hint="贵机构有尚未完成的整改，提交年度报告时须一并报告整改情况。"
      />
    </section>
  );
}
