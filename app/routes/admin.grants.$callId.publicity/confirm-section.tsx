// 确认立项名单: the last step of the publicity, blocked while objections are open.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import type { action } from "./route";

/** Confirming takes no input beyond the intent. */
export const ConfirmSchema = z.object({});

export function ConfirmSection({ block }: { block: string | null }) {
  const [form] = useConformForm({ id: "confirm", schema: ConfirmSchema, reply: useActionData<typeof action>() });
  const pending = useIsPending({ intent: "confirm" });
  return (
    <section className="card space-y-2" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading" className="font-medium">
        确认立项名单
      </h2>
      <p className="text-sm text-gray-600">
        确认后，名单内项目转为“已立项”，其余参与排名的项目转为“未获资助”，并通知全部申报机构；此后不再受理异议。
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="confirm" />
        <button
          type="submit"
          className="btn-primary"
          disabled={block != null || pending}
          aria-describedby={block ? "confirm-block" : undefined}
        >
          确认立项名单
        </button>
      </Form>
      {block ? (
        <p id="confirm-block" className="text-sm text-amber-700" data-testid="confirm-block">
          {block}
        </p>
      ) : null}
      <FormErrors id={form.errorId} errors={form.errors} />
    </section>
  );
}
