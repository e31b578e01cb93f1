import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuditTrail } from "~/components/audit-trail";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { listEntityAuditEvents } from "~/modules/admin/audit-log.server";
import { RESET_TOKEN_MINUTES } from "~/modules/auth/password-reset";
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
import { dispatchIntent, handler, RESET_FORM } from "~/utils/action.server";
import { appUrl } from "~/utils/app-origin.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { readForm } from "~/utils/request-body.server";
import { succeed } from "~/utils/write-result";

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

type Intent = "disable" | "enable" | "unlock" | "reset-link";

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
  const formData = await readForm(request);
  const ctx = { actorId: admin.id, request };
  // Success empties the form that sent it and says what was done.
  const done = (intent: Intent, message: string) => () => data({ intent, result: RESET_FORM, message });

  return dispatchIntent(formData, {
    disable: handler({
      schema: DisableSchema,
      run: (v) => disableUser({ userId: user.id, reason: v.reason }, ctx),
      done: done("disable", "账号已停用，该用户的所有登录已立即失效。"),
    }),
    enable: handler({
      schema: EnableSchema,
      run: (v) => enableUser({ userId: user.id, reason: v.reason }, ctx),
      done: done("enable", "账号已启用，用户现在可以登录。"),
    }),
    unlock: handler({
      schema: UnlockSchema,
      run: () => unlockUser({ userId: user.id }, ctx),
      done: done("unlock", "已解除锁定。"),
    }),
    "reset-link": handler({
      schema: ResetLinkSchema,
      run: async () => succeed({ token: await createPasswordResetLink({ userId: user.id }, ctx) }),
      done: ({ token }) =>
        data({
          intent: "reset-link" as const,
          result: RESET_FORM,
          resetLink: appUrl(`/reset-password/${token}`),
        }),
    }),
  });
}

/** One of the account actions; each has its own conform form so errors land on the right one. */
function useIntentForm(intent: Intent, schema: z.ZodTypeAny) {
  const reply = useActionData<typeof action>();
  return useConformForm({ id: `user-${intent}`, intent, schema, reply });
}

function AccountActions() {
  const { user, locked, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useIsPending();
  const [disableForm, disableFields] = useIntentForm("disable", DisableSchema);
  const [enableForm, enableFields] = useIntentForm("enable", EnableSchema);
  const [unlockForm] = useIntentForm("unlock", UnlockSchema);
  const [resetForm] = useIntentForm("reset-link", ResetLinkSchema);
  const message = actionData && "message" in actionData ? actionData.message : null;
  const reset = actionData && "resetLink" in actionData ? actionData : null;

  return (
    <section className="card space-y-5" aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="text-base font-semibold text-gray-900">
        账号操作
      </h2>
      {message ? <Notice>{message}</Notice> : null}

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
        {reset ? (
          <div role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            <p className="font-medium">密码重置链接（仅显示这一次）：</p>
            <p className="mt-1 break-all font-mono text-xs" data-testid="reset-link">
              {reset.resetLink}
            </p>
            <p className="mt-1">链接 {RESET_TOKEN_MINUTES} 分钟内有效，只能使用一次。请通过可靠渠道交给用户本人。</p>
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
          <DescriptionList layout="rows">
            <DescriptionItem inline label="电子邮箱">
              <span className="break-all">{user.email}</span>
            </DescriptionItem>
            <DescriptionItem inline label="手机">
              {user.phone ?? "—"}
            </DescriptionItem>
            <DescriptionItem inline label="角色">
              {ROLE_LABELS[user.role as Role] ?? user.role}
            </DescriptionItem>
            <DescriptionItem inline label="状态">
              <span data-testid="account-status">{statusLabels.join("，")}</span>
            </DescriptionItem>
            <DescriptionItem inline label="注册时间">
              {formatDateTime(user.createdAt)}
            </DescriptionItem>
            <DescriptionItem inline label="最近登录">
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "从未登录"}
            </DescriptionItem>
            <DescriptionItem inline label="连续密码错误">
              {user.failedLoginCount} 次
            </DescriptionItem>
          </DescriptionList>
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
          <DescriptionList layout="rows">
            <DescriptionItem inline label="职称">
              {user.reviewerProfile?.title || "—"}
            </DescriptionItem>
            <DescriptionItem inline label="工作单位">
              {user.reviewerProfile?.employer || "—"}
            </DescriptionItem>
            <DescriptionItem inline label="专业领域">
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
            </DescriptionItem>
            <DescriptionItem inline label="关联机构">
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
            </DescriptionItem>
          </DescriptionList>
        </section>
      ) : null}

      <AuditTrail title="账号相关操作记录" events={events} entityType="User" entityId={user.id} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
