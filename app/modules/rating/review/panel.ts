// The rating kind's words on its panel page's automatic assignment: the shared card and its
// checks (review/auto-assign-form.ts) say them. Pure.
import type { AutoAssignWords } from "~/modules/review/auto-assign-form";

export const RATING_AUTO_ASSIGN_WORDS: AutoAssignWords = {
  counter: "份",
  noun: "申请",
  expert: "评估专家",
  intro: "为每份审核通过的申请补足评估专家：自动避开与申请组织有关联的专家，各专家任务量尽量均衡。已有的分配保持不变。",
  dueLabel: "评估截止日期",
};
