import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { createUserSession, getUser } from "~/modules/auth/auth.server";
import { logIn } from "~/modules/auth/login.server";
import { ROLE_HOME, type Role } from "~/modules/auth/roles";
import { EmailSchema } from "~/modules/auth/validation";
import { answerIntent, handler } from "~/utils/action.server";
import { safeRedirectPath } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ required_error: "请填写密码" }).max(200, "密码过长"),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction = () => [{ title: "登录 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(ROLE_HOME[user.role as Role]);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  return answerIntent(
    "login",
    await readForm(request),
    handler({
      schema: LoginSchema,
      hideFields: ["password"],
      run: ({ email, password }) => logIn(email, password, request),
      done: ({ userId, home }, { redirectTo }) => createUserSession(userId, safeRedirectPath(redirectTo, home)),
    }),
  );
}

export default function LoginPage() {
  const [searchParams] = useSearchParams();
  const pending = useIsPending();
  const [form, fields] = useConformForm({
    id: "login",
    schema: LoginSchema,
    reply: useActionData<typeof action>(),
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
  });
  const signupHref = searchParams.get("redirectTo")
    ? `/signup?${new URLSearchParams({ redirectTo: searchParams.get("redirectTo")! })}`
    : "/signup";

  return (
    <div className="mx-auto max-w-md">
      <div className="card">
        <h1 className="text-xl font-semibold">登录益苗</h1>
        <p className="mt-1 text-sm text-gray-600">社会组织成员、评审专家和民政局工作人员使用同一入口登录。</p>
        {searchParams.get("reset") === "1" ? <Notice className="mt-3">密码已重置，请使用新密码登录。</Notice> : null}
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
          <input type="hidden" name={fields.redirectTo.name} value={fields.redirectTo.initialValue ?? ""} />
          <Field meta={fields.email} label="电子邮箱" type="email" autoComplete="email" />
          <Field meta={fields.password} label="密码" type="password" autoComplete="current-password" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <button type="submit" className="btn-primary w-full" disabled={pending}>
            {pending ? "正在登录…" : "登录"}
          </button>
        </Form>
        <div className="mt-4 flex justify-between text-sm">
          <Link to="/forgot-password" className="link">
            忘记密码？
          </Link>
          <Link to={signupHref} className="link">
            社会组织注册账号
          </Link>
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
