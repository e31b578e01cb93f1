import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { createUserSession, getUser, verifyLogin } from "~/modules/auth/auth.server";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "~/modules/auth/lockout";
import { ROLE_HOME, type Role } from "~/modules/auth/roles";
import { EmailSchema } from "~/modules/auth/validation";
import { prisma } from "~/utils/db.server";
import { formatTime } from "~/utils/format";
import { safeRedirectPath } from "~/utils/http";

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
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return Response.json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await verifyLogin(email, password, { request });
  if (!result.ok) {
    let message = "邮箱或密码不正确";
    if (result.reason === "locked") {
      message = `密码连续错误次数过多，账号已锁定 ${LOCK_MINUTES} 分钟，请于 ${formatTime(result.lockedUntil)} 后再试`;
    } else if (result.reason === "disabled") {
      message = "该账号已被停用，请联系区民政局";
    } else {
      // Same words whether or not the account exists, so nobody can probe for emails.
      message = `邮箱或密码不正确。连续输错 ${MAX_FAILED_LOGINS} 次，账号将被锁定 ${LOCK_MINUTES} 分钟`;
    }
    return Response.json(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: 400 });
  }
  const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId }, select: { role: true } });
  return createUserSession(result.userId, safeRedirectPath(redirectTo, ROLE_HOME[user.role as Role]));
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  const signupHref = searchParams.get("redirectTo")
    ? `/signup?${new URLSearchParams({ redirectTo: searchParams.get("redirectTo")! })}`
    : "/signup";

  return (
    <div className="mx-auto max-w-md">
      <div className="card">
        <h1 className="text-xl font-semibold">登录益苗</h1>
        <p className="mt-1 text-sm text-gray-600">社会组织成员、评审专家和民政局工作人员使用同一入口登录。</p>
        {searchParams.get("reset") === "1" ? (
          <p role="status" className="mt-3 rounded-md bg-brand-50 p-3 text-sm text-brand-800">
            密码已重置，请使用新密码登录。
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
          <input type="hidden" name={fields.redirectTo.name} value={fields.redirectTo.initialValue ?? ""} />
          <Field meta={fields.email} label="电子邮箱" type="email" autoComplete="email" />
          <Field meta={fields.password} label="密码" type="password" autoComplete="current-password" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "正在登录…" : "登录"}
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
