import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { ScrollBox } from "~/components/scroll-box";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { getRules } from "~/modules/config/rules.server";
import { ROUND_STATUS_LABELS } from "~/modules/inspection/labels";
import { roundDeadlines } from "~/modules/inspection/obligation";
import { listRounds, openRound } from "~/modules/inspection/rounds.server";
import { answerIntent, handler } from "~/utils/action.server";
import { parseDateInput, shanghaiEndOfDay, shanghaiParts, toDateInput } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

const dateField = (label: string) =>
  z.string({ required_error: `请填写${label}` }).refine((v) => parseDateInput(v) !== null, `${label}格式不正确`);

const OpenRoundSchema = z
  .object({
    year: z
      .number({ required_error: "请填写年度", invalid_type_error: "年度须为四位数字" })
      .int("年度须为四位数字")
      .min(2000, "年度不能早于 2000 年")
      .max(2100, "年度不能晚于 2100 年"),
    deadline: dateField("社会团体、社会服务机构截止日期"),
    foundationDeadline: dateField("基金会截止日期"),
  })
  .superRefine((v, ctx) => {
    for (const key of ["deadline", "foundationDeadline"] as const) {
      const d = parseDateInput(v[key]);
      if (d && shanghaiParts(d).year <= v.year) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [key],
          message: `截止日期应在${v.year}年之后（次年报告上一年度）`,
        });
      }
    }
  });

export const meta: MetaFunction = () => [{ title: "年检管理 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const now = new Date();
  const defaultYear = shanghaiParts(now).year - 1;
  const [rounds, rules] = await Promise.all([listRounds(), getRules(now)]);
  const deadlineRules = {
    "inspection.deadline": rules["inspection.deadline"],
    "inspection.foundationDeadline": rules["inspection.foundationDeadline"],
    "inspection.exemptMonths": rules["inspection.exemptMonths"],
  };
  const suggested = roundDeadlines(defaultYear, deadlineRules);
  return {
    rounds,
    deadlineRules,
    defaults: {
      year: String(defaultYear),
      deadline: toDateInput(suggested.deadline),
      foundationDeadline: toDateInput(suggested.foundationDeadline),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  // Deadlines are the end of the chosen day, Shanghai time.
  const endOf = (value: string) => {
    const p = shanghaiParts(parseDateInput(value)!);
    return shanghaiEndOfDay(p.year, p.month, p.day);
  };
  return answerIntent(
    "open-round",
    await readForm(request),
    handler({
      schema: OpenRoundSchema,
      run: (v) =>
        openRound({
          year: v.year,
          deadline: endOf(v.deadline),
          foundationDeadline: endOf(v.foundationDeadline),
          actorId: user.id,
          request,
        }),
      done: (result, v) => redirect(`/admin/inspection/${v.year}?opened=${result.obligated}&exempt=${result.exempt}`),
    }),
  );
}

export default function AdminInspectionIndex() {
  const { rounds, defaults, deadlineRules } = useLoaderData<typeof loader>();
  const [form, fields] = useConformForm({
    id: "open-round",
    schema: OpenRoundSchema,
    reply: useActionData<typeof action>(),
    defaultValue: defaults,
  });
  const pending = useIsPending();
  return (
    <div>
      <PageHeader
        title="年检管理"
        description="开启年度检查、审查年度报告、登记结论和整改。"
        actions={
          <>
            <Link to="/admin/inspection/rectifications" className="btn-secondary">
              整改审核
            </Link>
            <Link to="/admin/inspection/revocation" className="btn-secondary">
              拟撤销登记名单
            </Link>
            <Link to="/admin/inspection/stats" className="btn-secondary">
              年检统计
            </Link>
          </>
        }
      />
      <section className="card mb-6">
        <h2 className="mb-1 font-medium">开启年检</h2>
        <p className="mb-4 text-sm text-gray-500">
          开启后，系统列出所有应参检的已登记社会组织（登记不满规定月数的标记为免检），并通知各组织。同一年度只能开启一次。
        </p>
        <Form
          method="post"
          {...getFormProps(form)}
          className="grid gap-4 sm:grid-cols-3"
          onChange={(event) => {
            // A new year brings the deadlines configured for it (still editable).
            const target = event.target as HTMLInputElement;
            if (target.name !== fields.year.name || !/^\d{4}$/.test(target.value)) return;
            const next = roundDeadlines(Number(target.value), deadlineRules);
            form.update({ name: fields.deadline.name, value: toDateInput(next.deadline) });
            form.update({ name: fields.foundationDeadline.name, value: toDateInput(next.foundationDeadline) });
          }}
        >
          <Field meta={fields.year} label="年检年度（报告哪一年）" inputMode="numeric" />
          <Field meta={fields.deadline} label="社会团体、社会服务机构截止日期" type="date" />
          <Field meta={fields.foundationDeadline} label="基金会截止日期" type="date" />
          <div className="sm:col-span-3">
            <FormErrors id={form.errorId} errors={form.errors} />
          </div>
          <div className="sm:col-span-3">
            <button type="submit" className="btn-primary" disabled={pending}>
              开启年检
            </button>
          </div>
        </Form>
      </section>
      <ScrollBox label="年检批次" className="rounded-lg border border-gray-200 bg-white">
        <table className="table-basic">
          <thead>
            <tr>
              <th>年度</th>
              <th>状态</th>
              <th>截止日期</th>
              <th>基金会截止</th>
              <th>列入</th>
              <th>已提交待审</th>
              <th>已出结论</th>
              <th>未参检</th>
              <th>免检</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rounds.length === 0 ? (
              <tr>
                <td colSpan={9} className="py-6 text-center text-gray-500">
                  还没有开启过年检。
                </td>
              </tr>
            ) : (
              rounds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/admin/inspection/${r.year}`} className="link">
                      {r.year}年度
                    </Link>
                  </td>
                  <td>{ROUND_STATUS_LABELS[r.status] ?? r.status}</td>
                  <td className="whitespace-nowrap">{formatDate(r.deadline)}</td>
                  <td className="whitespace-nowrap">{formatDate(r.foundationDeadline)}</td>
                  <td>{r.total}</td>
                  <td>{r.byStatus.SUBMITTED ?? 0}</td>
                  <td>{r.byStatus.CONCLUDED ?? 0}</td>
                  <td>{r.byStatus.MISSED ?? 0}</td>
                  <td>{r.byStatus.EXEMPT ?? 0}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
