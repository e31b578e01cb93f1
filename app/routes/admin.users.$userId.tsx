import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { AuditTrail } from "~/components/audit-trail";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { listEntityAuditEvents } from "~/modules/admin/audit-log.server";
import { RESET_TOKEN_MINUTES } from "~/modules/auth/auth.server";
import { requireRole } from "~/modules/auth/permissions.server";
import { ROLE_LABELS, type Role } from "~/modules/auth/roles";
import { orgStatusLabel } from "~/modules/organizations/labels";
import { parseExpertiseTags } from "~/modules/review/expertise";
import { accountStatusLabels, lockedUntilDate } from "~/modules/users/status";
import {
  createPasswordResetLink,
  disableUser,
  enableUser,
  getUserDetail,
  unlockUser,
} from "~/modules/users/users.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

const ReasonSchema = z.string().trim().max(500, "原因最多 500 个字");

const DisableSchema = z.object({
  intent: z.literal("disable"),
  reason: z
    .string({ required_error: "请填写停用原因" })
    .trim()
    .min(2, "停用原因至少 2 个字")
    .max(500, "原因最多 500 个字"),
});
const EnableSchema = z.object({ intent: z.literal("enable"), reason: ReasonSchema.optional() });
const UnlockSchema = z.object({ intent: z.literal("unlock") });
const ResetLinkSchema = z.object({ intent: z.literal("reset-link") });
const ActionSchema = z.discriminatedUnion("intent", [DisableSchema, EnableSchema, UnlockSchema, ResetLinkSchema]);

type Intent = z.infer<typeof ActionSchema>["intent"];
const INTENTS: Intent[] = ["disable", "enable", "unlock", "reset-link"];
type ActionData = {
  intent: Intent | null;
  result: SubmissionResult<string[]>;
  message?: string;
  resetLink?: string;
  /** Sent from the server: the constant lives in a server-only module. */
  resetLinkMinutes?: number;
};

const MEMBERSHIP_ROLE_LABELS: Record<string, string> = { OWNER: "负责人", MEMBER: "成员" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? "账号详情"} · 益苗` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const user = await getUserDetail(params.userId ?? "");
  invariantResponse(user, "未找到该账号", { status: 404 });
  const now = new Date();
  const events = await listEntityAuditEvents("User", user.id);
  return {
    user: {
      ...user,
      reviewerProfile: user.reviewerProfile
        ? { ...user.reviewerProfile, expertiseTags: parseExpertiseTags(user.reviewerProfile.expertiseTags) }
        : null,
    },
    // Computed here so server and client agree on whether the lock is still on.
    locked: lockedUntilDate(user.lockedUntil, now) != null,
    statusLabels: accountStatusLabels(user, now),
    isSelf: user.id === admin.id,
    events,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const user = await getUserDetail(params.userId ?? "");
  invariantResponse(user, "未找到该账号", { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ActionSchema });
  if (submission.status !== "success") {
    // Route the errors back to the form that was submitted.
    const intent = INTENTS.find((i) => i === formData.get("intent")) ?? null;
    return Response.json({ intent, result: submission.reply() } satisfies ActionData, { status: 400 });
  }
  const input = submission.value;
  const ctx = { actorId: admin.id, request };
  const fail = (message: string) =>
    Response.json({ intent: input.intent, result: submission.reply({ formErrors: [message] }) } satisfies ActionData, {
      status: 400,
    });

  if (input.intent === "reset-link") {
    const token = await createPasswordResetLink({ userId: user.id }, ctx);
    const resetLink = `${new URL(request.url).origin}/reset-password/${token}`;
    return {
      intent: input.intent,
      result: submission.reply(),
      resetLink,
      resetLinkMinutes: RESET_TOKEN_MINUTES,
    } satisfies ActionData;
  }

  const outcome =
    input.intent === "disable"
      ? await disableUser({ userId: user.id, reason: input.reason }, ctx)
      : input.intent === "enable"
        ? await enableUser({ userId: user.id, reason: input.reason }, ctx)
        : await unlockUser({ userId: user.id }, ctx);
  if (!outcome.ok) return fail(outcome.message);
  const messages: Record<typeof input.intent, string> = {
    disable: "账号已停用，该用户的所有登录已立即失效。",
    enable: "账号已启用，用户现在可以登录。",
    unlock: "已解除锁定。",
  };
  return {
    intent: input.intent,
    result: submission.reply({ resetForm: true }),
    message: messages[input.intent],
  } satisfies ActionData;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="sm:grid sm:grid-cols-[8rem_1fr] sm:gap-2">
      <dt className="text-gray-500">{label}</dt>
      <dd className="text-gray-900">{children}</dd>
    </div>
  );
}

/** One of the account actions; each has its own conform form so errors land on the right one. */
function useIntentForm(intent: Intent, schema: z.ZodTypeAny, actionData: ActionData | undefined) {
  return useForm({
    id: `user-${intent}`,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    // Revalidating on blur would remove the error while the pointer is on its way
    // to the button just below it, shifting the button so the click misses.
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

function AccountActions() {
  const { user, locked, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const [disableForm, disableFields] = useIntentForm("disable", DisableSchema, actionData);
  const [enableForm, enableFields] = useIntentForm("enable", EnableSchema, actionData);
  const [unlockForm] = useIntentForm("unlock", UnlockSchema, actionData);
  const [resetForm] = useIntentForm("reset-link", ResetLinkSchema, actionData);

  return (
    <section className="card space-y-5" aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="text-base font-semibold text-gray-900">
        账号操作
      </h2>
      {actionData?.message ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">
          {actionData.message}
        </p>
      ) : null}

      {user.status === "ACTIVE" ? (
        isSelf ? (
          <p className="text-sm text-gray-600">这是您自己的账号，不能停用。如需停用，请由其他管理员操作。</p>
        ) : (
          <Form method="post" {...getFormProps(disableForm)} className="space-y-3">
            <input type="hidden" name="intent" value="disable" />
            <TextareaField
              meta={disableFields.reason}
              label="停用原因"
              rows={2}
              hint="停用后该用户将立即退出登录，且无法再登录。"
            />
            <FormErrors id={disableForm.errorId} errors={disableForm.errors} />
            <button type="submit" className="btn-danger" disabled={busy}>
              停用账号
            </button>
          </Form>
        )
      ) : (
        <Form method="post" {...getFormProps(enableForm)} className="space-y-3">
          <input type="hidden" name="intent" value="enable" />
          <TextareaField meta={enableFields.reason} label="启用说明（可选）" rows={2} />
          <FormErrors id={enableForm.errorId} errors={enableForm.errors} />
          <button type="submit" className="btn-primary" disabled={busy}>
            启用账号
          </button>
        </Form>
      )}

      {locked ? (
        <Form method="post" {...getFormProps(unlockForm)} className="space-y-2 border-t border-gray-100 pt-4">
          <input type="hidden" name="intent" value="unlock" />
          <p className="text-sm text-gray-600">该账号因密码连续错误被临时锁定。确认是本人后可提前解除。</p>
          <FormErrors id={unlockForm.errorId} errors={unlockForm.errors} />
          <button type="submit" className="btn-secondary" disabled={busy}>
            解除锁定
          </button>
        </Form>
      ) : null}

      <Form method="post" {...getFormProps(resetForm)} className="space-y-2 border-t border-gray-100 pt-4">
        <input type="hidden" name="intent" value="reset-link" />
        <p className="text-sm text-gray-600">用户忘记密码又收不到邮件时，可生成重置链接，核实身份后交给本人。</p>
        <FormErrors id={resetForm.errorId} errors={resetForm.errors} />
        <button type="submit" className="btn-secondary" disabled={busy}>
          生成密码重置链接
        </button>
        {actionData?.resetLink ? (
          <div role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            <p className="font-medium">密码重置链接（仅显示这一次）：</p>
            <p className="mt-1 break-all font-mono text-xs" data-testid="reset-link">
              {actionData.resetLink}
            </p>
            <p className="mt-1">
              链接 {actionData.resetLinkMinutes} 分钟内有效，只能使用一次。请通过可靠渠道交给用户本人。
            </p>
          </div>
        ) : null}
      </Form>
    </section>
  );
}

export default function AdminUserDetail() {
  const { user, statusLabels, events } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader
        title={user.name}
        description={`${ROLE_LABELS[user.role as Role] ?? user.role} · ${statusLabels.join(" · ")}`}
        actions={
          <Link to="/admin/users" className="btn-secondary">
            返回账号列表
          </Link>
        }
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="mb-3 text-base font-semibold text-gray-900">
            基本信息
          </h2>
          <dl className="space-y-2 text-sm">
            <Item label="电子邮箱">
              <span className="break-all">{user.email}</span>
            </Item>
            <Item label="手机">{user.phone ?? "—"}</Item>
            <Item label="角色">{ROLE_LABELS[user.role as Role] ?? user.role}</Item>
            <Item label="状态">
              <span data-testid="account-status">{statusLabels.join("，")}</span>
            </Item>
            <Item label="注册时间">{formatDateTime(user.createdAt)}</Item>
            <Item label="最近登录">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "从未登录"}</Item>
            <Item label="连续密码错误">{user.failedLoginCount} 次</Item>
          </dl>
        </section>
        <AccountActions />
      </div>

      {user.role === "ORG_MEMBER" || user.memberships.length ? (
        <section className="card" aria-labelledby="memberships-heading">
          <h2 id="memberships-heading" className="mb-3 text-base font-semibold text-gray-900">
            所属机构
          </h2>
          {user.memberships.length ? (
            <ul className="space-y-1 text-sm">
              {user.memberships.map((m) => (
                <li key={m.organization.id}>
                  {m.organization.name}
                  <span className="ml-2 text-xs text-gray-500">
                    {MEMBERSHIP_ROLE_LABELS[m.role] ?? m.role} · {orgStatusLabel(m.organization.status)} · 加入于{" "}
                    {formatDateTime(m.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-gray-500">尚未加入任何机构。</p>
          )}
        </section>
      ) : null}

      {user.role === "REVIEWER" || user.reviewerProfile ? (
        <section className="card" aria-labelledby="reviewer-heading">
          <h2 id="reviewer-heading" className="mb-3 text-base font-semibold text-gray-900">
            评审专家资料
          </h2>
          <dl className="space-y-2 text-sm">
            <Item label="职称">{user.reviewerProfile?.title || "—"}</Item>
            <Item label="工作单位">{user.reviewerProfile?.employer || "—"}</Item>
            <Item label="专业领域">
              {user.reviewerProfile?.expertiseTags.length ? (
                <span className="flex flex-wrap gap-1">
                  {user.reviewerProfile.expertiseTags.map((tag) => (
                    <span key={tag} className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">
                      {tag}
                    </span>
                  ))}
                </span>
              ) : (
                "—"
              )}
            </Item>
            <Item label="关联机构">
              {user.affiliations.length ? (
                <ul>
                  {user.affiliations.map((a) => (
                    <li key={a.organization.id}>
                      {a.organization.name}
                      <span className="ml-2 text-xs text-gray-500">{orgStatusLabel(a.organization.status)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                "无"
              )}
            </Item>
          </dl>
        </section>
      ) : null}

      <AuditTrail title="账号相关操作记录" events={events} entityType="User" entityId={user.id} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
