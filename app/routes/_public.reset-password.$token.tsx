import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { findUsableResetToken } from "~/modules/auth/auth.server";
import { resetPassword } from "~/modules/auth/password-reset.server";
import { PasswordSchema } from "~/modules/auth/validation";
import { answerIntent, handler } from "~/utils/action.server";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

const ResetSchema = z
  .object({ password: PasswordSchema, confirmPassword: z.string({ required_error: "请再次输入密码" }) })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的密码不一致" });

export const meta: MetaFunction = () => [{ title: "设置新密码 · 益苗" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const row = await findUsableResetToken(params.token ?? "");
  return { valid: row != null, email: row?.user.email ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return answerIntent(
    "reset-password",
    await readForm(request),
    handler({
      schema: ResetSchema,
      hideFields: ["password", "confirmPassword"],
      run: ({ password }) => resetPassword(params.token ?? "", password, request),
      done: () => redirect("/login?reset=1"),
    }),
  );
}

export default function ResetPasswordPage() {
  const { valid, email } = useLoaderData<typeof loader>();
  const pending = useIsPending();
  const [form, fields] = useConformForm({
    id: "reset-password",
    schema: ResetSchema,
    reply: useActionData<typeof action>(),
  });
  if (!valid) {
    return (
      <div className="mx-auto max-w-md card">
        <h1 className="text-xl font-semibold">链接已失效</h1>
        <p className="mt-2 text-sm text-gray-600">重置密码的链接已过期或已被使用过。请重新申请。</p>
        <Link to="/forgot-password" className="btn-primary mt-4">
          重新申请
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <div className="card">
        <h1 className="text-xl font-semibold">设置新密码</h1>
        <p className="mt-1 text-sm text-gray-600">账号：{email}</p>
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
          <Field
            meta={fields.password}
            label="新密码"
            type="password"
            autoComplete="new-password"
            hint="至少 8 位，包含字母和数字"
          />
          <Field meta={fields.confirmPassword} label="确认新密码" type="password" autoComplete="new-password" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <button type="submit" className="btn-primary w-full" disabled={pending}>
            保存新密码
          </button>
        </Form>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
