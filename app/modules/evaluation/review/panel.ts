// The staff's forms on a call's evaluation panel page (the automatic assignment is the shared
// form with the evaluation kind's words). Pure.
import { z } from "zod";
import type { AutoAssignWords } from "~/modules/review/auto-assign-form";

export const EVALUATION_AUTO_ASSIGN_WORDS: AutoAssignWords = {
  counter: "项",
  noun: "评估",
  expert: "专家",
  intro:
    "为每项已提交自评的项目评估补足评估专家：自动避开与项目执行机构有关联的专家，各专家任务量尽量均衡。已有的分配保持不变。",
  dueLabel: "专家评分截止日期",
};

export const EvaluationPanelSettingsSchema = z.object({
  intent: z.literal("settings"),
  blind: z.boolean().optional(),
});

export const ScheduleEvaluationsSchema = z.object({ intent: z.literal("schedule") });
