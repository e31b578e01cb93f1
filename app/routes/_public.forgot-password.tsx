import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { RESET_TOKEN_MINUTES } from "~/modules/auth/password-reset";
import { requestPasswordReset } from "~/modules/auth/password-reset.server";
import { EmailSchema } from "~/modules/auth/validation";
import { answerIntent, handler, RESET_FORM } from "~/utils/action.server";
import { readForm } from "~/utils/request-body.server";

const ForgotSchema = z.object({ email: EmailSchema });

export const meta: MetaFunction = () => [{ title: "找回密码 · 益苗" }];

export async function action({ request }: ActionFunctionArgs) {
  return answerIntent(
    "forgot-password",
    await readForm(request),
    handler({
      schema: ForgotSchema,
      run: ({ email }) => requestPasswordReset(email),
      done: () => data({ intent: "forgot-password", result: RESET_FORM, sent: true }),
    }),
  );
}

export default function ForgotPasswordPage() {
  const reply = useActionData<typeof action>();
  const pending = useIsPending();
  const [form, fields] = useConformForm({ id: "forgot-password", schema: ForgotSchema, reply });
  return (
    <div className="mx-auto max-w-md">
      <div className="card">
        <h1 className="text-xl font-semibold">找回密码</h1>
        {reply && "sent" in reply ? (
          <Notice className="mt-4">
            如果该邮箱已注册，我们已向它发送了重置密码的链接，{RESET_TOKEN_MINUTES} 分钟内有效。
            若未收到，也可以请区民政局工作人员为您生成重置链接。
          </Notice>
        ) : (
          <p className="mt-1 text-sm text-gray-600">填写注册时使用的电子邮箱，我们会发送一个一次性的重置链接。</p>
        )}
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
          <Field meta={fields.email} label="电子邮箱" type="email" autoComplete="email" />
          <button type="submit" className="btn-primary w-full" disabled={pending}>
            发送重置链接
          </button>
        </Form>
        <p className="mt-4 text-sm">
          <Link to="/login" className="link">
            返回登录
          </Link>
        </p>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
