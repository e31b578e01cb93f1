import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { createUserSession, getUser } from "~/modules/auth/auth.server";
import { ROLE_HOME, type Role } from "~/modules/auth/roles";
import { findSignupConflicts, registerOrganizationAccount } from "~/modules/auth/signup.server";
import { EmailSchema, MobileSchema, PasswordSchema, PersonNameSchema } from "~/modules/auth/validation";
import { ORG_TYPE_LABELS, ORG_TYPES } from "~/modules/organizations/labels";
import { answerIntent, handler } from "~/utils/action.server";
import { safeRedirectPath } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

const SignupSchema = z
  .object({
    organizationName: z
      .string({ required_error: "请填写组织名称" })
      .trim()
      .min(4, "组织名称至少 4 个字")
      .max(60, "组织名称最多 60 个字"),
    organizationType: z.enum(ORG_TYPES, {
      required_error: "请选择组织类型",
      invalid_type_error: "请选择组织类型",
    }),
    contactName: PersonNameSchema,
    phone: MobileSchema,
    email: EmailSchema,
    password: PasswordSchema,
    confirmPassword: z.string({ required_error: "请再次输入密码" }),
    redirectTo: z.string().optional(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "两次输入的密码不一致",
  });

export const meta: MetaFunction = () => [{ title: "社会组织注册 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(ROLE_HOME[user.role as Role]);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  return answerIntent(
    "signup",
    await readForm(request),
    handler({
      // Built here: the conflict check reads the database (server only).
      schema: SignupSchema.superRefine(async (value, ctx) => {
        for (const conflict of await findSignupConflicts(value)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [conflict.field], message: conflict.message });
        }
      }),
      hideFields: ["password", "confirmPassword"],
      run: ({ redirectTo: _redirectTo, ...input }) => registerOrganizationAccount(input, request),
      done: ({ userId }, { redirectTo }) => createUserSession(userId, safeRedirectPath(redirectTo, "/org")),
    }),
  );
}

export default function SignupPage() {
  const [searchParams] = useSearchParams();
  const pending = useIsPending();
  const [form, fields] = useConformForm({
    id: "signup",
    schema: SignupSchema,
    reply: useActionData<typeof action>(),
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
  });
  const typeOptions = ORG_TYPES.map((t) => ({ value: t, label: ORG_TYPE_LABELS[t] }));

  return (
    <div className="mx-auto max-w-xl">
      <div className="card">
        <h1 className="text-xl font-semibold">社会组织注册账号</h1>
        <p className="mt-1 text-sm text-gray-600">
          已登记或正在筹备登记的社会组织均可注册。注册后可在线办理登记、年检、公益创投申报等事项。
        </p>
        <Form method="post" {...getFormProps(form)} className="mt-6 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name={fields.redirectTo.name} value={fields.redirectTo.initialValue ?? ""} />
          <Field
            meta={fields.organizationName}
            label="组织名称"
            className="sm:col-span-2"
            hint="与章程或拟登记名称一致"
          />
          <SelectField
            meta={fields.organizationType}
            label="组织类型"
            options={typeOptions}
            className="sm:col-span-2"
          />
          <Field meta={fields.contactName} label="联系人" autoComplete="name" />
          <Field meta={fields.phone} label="手机号码" type="tel" inputMode="tel" autoComplete="tel" />
          <Field
            meta={fields.email}
            label="电子邮箱"
            type="email"
            autoComplete="email"
            className="sm:col-span-2"
            hint="用于登录和接收通知"
          />
          <Field
            meta={fields.password}
            label="密码"
            type="password"
            autoComplete="new-password"
            hint="至少 8 位，包含字母和数字"
          />
          <Field meta={fields.confirmPassword} label="确认密码" type="password" autoComplete="new-password" />
          <div className="sm:col-span-2">
            <FormErrors id={form.errorId} errors={form.errors} />
          </div>
          <button type="submit" className="btn-primary sm:col-span-2" disabled={pending}>
            {pending ? "正在提交…" : "注册"}
          </button>
        </Form>
        <p className="mt-4 text-sm text-gray-600">
          已有账号？
          <Link to="/login" className="link">
            登录
          </Link>
        </p>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
