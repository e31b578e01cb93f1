import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Badge } from "~/components/status-badge";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { formatRuleValue } from "~/modules/config/rule-display";
import { RuleFormSchema } from "~/modules/config/rule-form";
import { parseRuleInput, RULE_GROUPS, RULE_KEYS, RULES } from "~/modules/config/rules";
import { getRulesOverview, scheduleRule } from "~/modules/config/rules-page.server";
import { answerIntent, handler, RESET_FORM } from "~/utils/action.server";
import { parseDateInput, toDateInput } from "~/utils/dates";
import { formatDate, formatDateTime } from "~/utils/format";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "规则参数 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const now = new Date();
  const url = new URL(request.url);
  const requested = url.searchParams.get("key") ?? "";
  const selectedKey = (RULE_KEYS as string[]).includes(requested) ? requested : "";
  return { rules: await getRulesOverview(now), selectedKey, today: toDateInput(now) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  return answerIntent(
    "set-rule",
    await readForm(request),
    handler({
      schema: RuleFormSchema,
      run: ({ key, value, effectiveFrom, note }) =>
        scheduleRule({
          key,
          value: parseRuleInput(key, value)!,
          effectiveFrom: parseDateInput(effectiveFrom)!,
          note,
          actorId: admin.id,
          request,
        }),
      done: (_, { key, value, effectiveFrom }) =>
        data({
          intent: "set-rule",
          result: RESET_FORM,
          message: `已设置「${RULES[key].label}」为 ${formatRuleValue(key, parseRuleInput(key, value)!)}，自 ${formatDate(parseDateInput(effectiveFrom)!)} 起生效。`,
        }),
    }),
  );
}

type Rules = ReturnType<typeof useLoaderData<typeof loader>>["rules"];

function RuleForm({ rules, selectedKey, today }: { rules: Rules; selectedKey: string; today: string }) {
  const actionData = useActionData<typeof action>();
  const pending = useIsPending();
  const [form, fields] = useConformForm({
    id: "set-rule",
    schema: RuleFormSchema,
    reply: actionData,
    defaultValue: {
      key: selectedKey,
      value: rules.find((r) => r.key === selectedKey)?.currentInput ?? "",
      effectiveFrom: today,
    },
  });
  const chosen = rules.find((r) => r.key === fields.key.value);
  const selectProps = getSelectProps(fields.key, { ariaAttributes: true });

  return (
    <section className="card" aria-labelledby="set-rule-heading" id="set-rule-section">
      <h2 id="set-rule-heading" className="mb-3 text-base font-semibold text-gray-900">
        设置新的值
      </h2>
      {actionData && "message" in actionData ? <Notice className="mb-3">{actionData.message}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="grid gap-3 md:grid-cols-2">
        <div className="md:col-span-2">
          <label htmlFor={fields.key.id} className="mb-1 block text-sm font-medium text-gray-700">
            规则
          </label>
          <select {...selectProps} key={selectProps.key} className="input">
            <option value="">请选择</option>
            {RULE_GROUPS.map((group) => (
              <optgroup key={group} label={group}>
                {rules
                  .filter((r) => r.group === group)
                  .map((r) => (
                    <option key={r.key} value={r.key}>
                      {r.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <ErrorList id={fields.key.errorId} errors={fields.key.errors} />
          {chosen ? (
            <p className="mt-1 text-xs text-gray-500">
              当前值：{chosen.current}；默认值：{chosen.defaultValue}
            </p>
          ) : null}
        </div>
        <Field meta={fields.value} label="新的值" hint={chosen?.hint ?? "金额以元为单位"} />
        <Field meta={fields.effectiveFrom} label="生效日期" type="date" hint="自该日起适用；历史值保留。" />
        <div className="md:col-span-2">
          <label htmlFor={fields.note.id} className="mb-1 block text-sm font-medium text-gray-700">
            说明（可选）
          </label>
          <input
            {...getInputProps(fields.note, { type: "text", ariaAttributes: true })}
            className="input"
            placeholder="如：依据某某文件调整"
          />
          <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
        </div>
        <div className="md:col-span-2">
          <FormErrors id={form.errorId} errors={form.errors} />
          <button type="submit" className="btn-primary" disabled={pending}>
            保存
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function AdminRules() {
  const { rules, selectedKey, today } = useLoaderData<typeof loader>();
  const groups = RULE_GROUPS;
  return (
    <div className="space-y-4">
      <PageHeader
        title="规则参数"
        description="登记、孵化、年检等业务中使用的数额和期限。每次调整都设定生效日期，此前的值作为历史保留。"
      />
      {/* Remounted when another key is picked from the table, so its current value is filled in. */}
      <RuleForm key={selectedKey} rules={rules} selectedKey={selectedKey} today={today} />

      {groups.map((group) => (
        <section key={group} className="card overflow-x-auto" aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`} className="mb-2 text-base font-semibold text-gray-900">
            {group}
          </h2>
          <table className="table-basic">
            <thead>
              <tr>
                <th>规则</th>
                <th>当前值</th>
                <th>默认值</th>
                <th>历史</th>
                <th>
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rules
                .filter((r) => r.group === group)
                .map((r) => (
                  <tr key={r.key} data-testid={`rule-${r.key}`}>
                    <td className="min-w-[10rem]">{r.label}</td>
                    <td className="min-w-[6rem] font-medium" data-testid="rule-current">
                      {r.current}
                    </td>
                    <td className="min-w-[6rem] text-gray-500">{r.defaultValue}</td>
                    <td className="min-w-[9rem]">
                      {r.history.length === 0 ? (
                        <span className="text-gray-500">未设置，使用默认值</span>
                      ) : (
                        <details>
                          <summary className="cursor-pointer text-sm text-brand-700">{r.history.length} 条记录</summary>
                          <ul className="mt-1 space-y-1 text-xs text-gray-700" data-testid="rule-history">
                            {r.history.map((h) => (
                              <li key={h.id}>
                                <span className="font-medium">{h.value}</span>，{formatDate(h.effectiveFrom)} 起
                                {h.inForce ? (
                                  <Badge tone="success" className="ml-1">
                                    现行
                                  </Badge>
                                ) : null}
                                {h.pending ? (
                                  <Badge tone="warning" className="ml-1">
                                    待生效
                                  </Badge>
                                ) : null}
                                {h.note ? <span className="text-gray-500">（{h.note}）</span> : null}
                                <span className="block text-gray-400">设置于 {formatDateTime(h.createdAt)}</span>
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                    <td className="whitespace-nowrap">
                      <Link to={`?key=${encodeURIComponent(r.key)}#set-rule-section`} className="link text-sm">
                        设置新值<span className="sr-only">：{r.label}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
