// The edition's next step (open, close for review, publicity, publish, supersede) and
// the safety-net check of removal triggers; each asks for confirmation first.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { ConfirmButton } from "~/components/confirm";
import { FormErrors } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { editionWorkflow, type EditionState } from "~/modules/directory/edition-workflow";
import { MoveSchema, RunChecksSchema } from "~/modules/directory/forms";
import type { action } from "./route";

type MoveTarget = Exclude<EditionState, "DRAFT">;

export const MOVE_CONFIRM: Record<MoveTarget, { label: string; message: string }> = {
  OPEN: {
    label: "开放申报",
    message: "机构可在申报期内申报；满足必要条件的 5A 机构和上年度目录内机构将自动列入拟列入名单，并通知这些机构。",
  },
  REVIEWING: { label: "截止申报", message: "机构将不能再申报或补正，请审核全部待审核申报后发布公示。" },
  PUBLICITY: {
    label: "发布公示",
    message: "拟列入名单将在公示页面公开，公示期内公众可以提出异议；名单内机构将收到通知。",
  },
  PUBLISHED: {
    label: "发布目录",
    message: "拟列入名单内的机构全部列入目录并向社会公开；上一年度目录将被本目录取代。不可撤回。",
  },
  SUPERSEDED: { label: "标记为已取代", message: "本目录将标记为已被新版取代，不再作为现行目录显示。不可撤回。" },
};

/** The moves staff may make from `status` (the workflow's table, staff's rows). */
export function nextMoves(status: string): MoveTarget[] {
  return editionWorkflow.transitions
    .filter((t) => t.from === status && t.by.includes("ADMIN"))
    .map((t) => t.to as MoveTarget);
}

export function EditionSteps({ status, canRunChecks }: { status: string; canRunChecks: boolean }) {
  const answer = useActionData<typeof action>();
  const [moveForm] = useConformForm({ id: "move", schema: MoveSchema, reply: answer, intent: "move" });
  const [checksForm] = useConformForm({ id: "checks", schema: RunChecksSchema, reply: answer, intent: "checks" });
  const moving = useIsPending({ intent: "move" });
  const checking = useIsPending({ intent: "checks" });
  const moves = nextMoves(status);
  return (
    <div className="space-y-3">
      {moves.length ? (
        <Form method="post" {...getFormProps(moveForm)} className="flex flex-wrap gap-2">
          <input type="hidden" name="intent" value="move" />
          {moves.map((to) => (
            <ConfirmButton
              key={to}
              intent="move"
              name="to"
              value={to}
              label={MOVE_CONFIRM[to].label}
              message={MOVE_CONFIRM[to].message}
              disabled={moving}
              className={to === "SUPERSEDED" ? "btn-secondary" : "btn-primary"}
            >
              {MOVE_CONFIRM[to].label}
            </ConfirmButton>
          ))}
          <div className="w-full">
            <FormErrors id={moveForm.errorId} errors={moveForm.errors} />
          </div>
        </Form>
      ) : null}
      {canRunChecks ? (
        <Form method="post" {...getFormProps(checksForm)} className="text-sm">
          <input type="hidden" name="intent" value="checks" />
          <p className="mb-2 text-gray-600">
            年检不合格、行政处罚、列入异常名录和等级取消在录入时即移出目录；终期评估不合格、公益创投禁入等其他情形可在此核查。
          </p>
          <ConfirmButton
            intent="checks"
            label="核查移出情形"
            message="将按当前记录核查拟列入名单和目录内全部机构，触发移出情形的立即移出并通知机构，移出日期和原因公开显示。"
            disabled={checking}
            className="btn-secondary"
          >
            核查移出情形
          </ConfirmButton>
          <FormErrors id={checksForm.errorId} errors={checksForm.errors} />
        </Form>
      ) : null}
    </div>
  );
}
