import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms";
import { createPasswordResetToken, RESET_TOKEN_MINUTES } from "~/modules/auth/auth.server";
import { EmailSchema } from "~/modules/auth/validation";
import { sendMail } from "~/modules/mail/mailer.server";
import { prisma } from "~/utils/db.server";

const ForgotSchema = z.object({ email: EmailSchema });

export const meta: MetaFunction = () => [{ title: "找回密码 · 益苗" }];

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotSchema });
  if (submission.status !== "success") {
    return Response.json({ result: submission.reply(), sent: false }, { status: 400 });
  }
  const user = await prisma.user.findUnique({
    where: { email: submission.value.email },
    select: { id: true, name: true, email: true, status: true },
  });
  // The answer is the same whether or not the account exists, so the form
  // cannot be used to find out who is registered.
  if (user && user.status === "ACTIVE") {
    const token = await createPasswordResetToken(user.id);
    const link = `${new URL(request.url).origin}/reset-password/${token}`;
    await sendMail({
      to: user.email,
      subject: "益苗：重置密码",
      body: `${user.name}，您好：\n\n请在 ${RESET_TOKEN_MINUTES} 分钟内打开以下链接设置新密码（仅可使用一次）：\n${link}\n\n如果这不是您本人的操作，请忽略本邮件。`,
    });
  }
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPasswordPage() {
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: data?.result,
    constraint: getZodConstraint(ForgotSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotSchema }),
  });
  return (
    <div className="mx-auto max-w-md">
      <div className="card">
        <h1 className="text-xl font-semibold">找回密码</h1>
        {data?.sent ? (
          <p role="status" className="mt-4 rounded-md bg-brand-50 p-3 text-sm text-brand-800">
            如果该邮箱已注册，我们已向它发送了重置密码的链接，{RESET_TOKEN_MINUTES} 分钟内有效。
            若未收到，也可以请区民政局工作人员为您生成重置链接。
          </p>
        ) : (
          <p className="mt-1 text-sm text-gray-600">填写注册时使用的电子邮箱，我们会发送一个一次性的重置链接。</p>
        )}
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
          <Field meta={fields.email} label="电子邮箱" type="email" autoComplete="email" />
          <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
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
