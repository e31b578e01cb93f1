import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { conclusionLabel, rectificationStatusLabel } from "~/modules/inspection/labels";
import { listRectificationsForReview, reviewRectification } from "~/modules/inspection/rectifications.server";
import { RECTIFICATION_STATES, rectificationWorkflow } from "~/modules/inspection/workflow";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

const ReviewSchema = z
  .object({
    rectificationId: z.string({ required_error: "缺少整改事项" }),
    decision: z.enum(["ACCEPTED", "RETURNED"], { required_error: "请选择审核结果" }),
    note: z.string().trim().max(1000, "意见最多 1000 个字").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "RETURNED" && !v.note) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["note"], message: "退回整改报告必须填写理由" });
    }
  });

export const meta: MetaFunction = () => [{ title: "整改审核 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "SUBMITTED";
  const status = (RECTIFICATION_STATES as readonly string[]).includes(statusParam) ? statusParam : "";
  const page = getPage(url);
  const { items, total } = await listRectificationsForReview(status, page, PAGE_SIZE);
  return { items, total, page, status, pageSize: PAGE_SIZE };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const formData = await readForm(request);
  // One form per rectification: the reply names the one it answers.
  return answerIntent(
    reviewIntent(String(formData.get("rectificationId") ?? "")),
    formData,
    handler({
      schema: ReviewSchema,
      run: (v) => reviewRectification({ ...v, actorId: user.id, request }),
      done: (_, v) => redirect(`/admin/inspection/rectifications?done=${v.decision}`),
    }),
  );
}

const reviewIntent = (rectificationId: string) => `review-${rectificationId}`;

type Item = Awaited<ReturnType<typeof loader>>["items"][number];

function ReviewForm({ item }: { item: Pick<Item, "id"> }) {
  const [form, fields] = useConformForm({
    id: reviewIntent(item.id),
    schema: ReviewSchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending();
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 grid gap-2">
      <input type="hidden" name="rectificationId" value={item.id} />
      <TextareaField meta={fields.note} label="审核意见" rows={2} hint="退回时必须填写。" />
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.decision.errors ?? [])]} />
      <div className="flex gap-2">
        <button type="submit" name="decision" value="ACCEPTED" className="btn-primary" disabled={pending}>
          整改通过
        </button>
        <button type="submit" name="decision" value="RETURNED" className="btn-secondary" disabled={pending}>
          退回整改报告
        </button>
      </div>
    </Form>
  );
}

export default function AdminRectifications() {
  const { items, total, page, status, pageSize } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  return (
    <div>
      <PageHeader
        title="整改审核"
        description="基本合格、不合格和未参检的组织须提交整改报告。"
        actions={
          <Link to="/admin/inspection" className="btn-secondary">
            返回年检管理
          </Link>
        }
      />
      {done ? (
        <Notice className="mb-4">
          {done === "ACCEPTED" ? "整改已通过，已通知该组织。" : "整改报告已退回，已通知该组织。"}
        </Notice>
      ) : null}
      <FilterBar formKey={status} className="mb-4 flex items-end gap-3">
        <FilterSelect
          id="rect-status"
          name="status"
          label="状态"
          allLabel="全部"
          options={optionsFrom(RECTIFICATION_STATES, rectificationWorkflow.stateLabels)}
          defaultValue={status}
        />
      </FilterBar>
      {items.length === 0 ? (
        <EmptyState>没有符合条件的整改事项。</EmptyState>
      ) : (
        <ul className="space-y-4">
          {items.map((item) => (
            <li key={item.id} className="card text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-medium">
                  {item.organization.name} · {item.report.year}年度（{conclusionLabel(item.report.conclusion)}）
                </h2>
                <span className="text-gray-500">
                  {rectificationStatusLabel(item.status)} · 期限 {formatDate(item.dueAt)}
                </span>
              </div>
              <p className="mt-2 text-gray-600">整改要求：{item.requirement}</p>
              {item.reportText ? (
                <div className="mt-2 rounded-md bg-gray-50 p-3">
                  <p className="text-xs text-gray-500">整改报告（{formatDateTime(item.submittedAt)}）</p>
                  <p className="mt-1 whitespace-pre-wrap">{item.reportText}</p>
                  {item.files.map((f) => (
                    <a key={f.id} href={`/files/${f.id}`} className="link mt-1 block" target="_blank" rel="noreferrer">
                      {f.originalName}
                    </a>
                  ))}
                </div>
              ) : null}
              {item.reviewNote ? <p className="mt-2 text-gray-600">审核意见：{item.reviewNote}</p> : null}
              {item.status === "SUBMITTED" ? <ReviewForm item={item} /> : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
