import type { BadgeTone } from "~/components/status-badge";
import { defineWorkflow } from "~/modules/workflow/state-machine";

export const EDITION_STATES = ["DRAFT", "OPEN", "REVIEWING", "PUBLICITY", "PUBLISHED", "SUPERSEDED"] as const;
export type EditionState = (typeof EDITION_STATES)[number];

// One edition of the recommended directory a year. Opening it lists the 5A
// organizations and carries last year's over; publishing it supersedes the edition
// published before (SYSTEM: in the same transaction).
export const editionWorkflow = defineWorkflow<EditionState>({
  name: "directory_edition",
  stateLabels: {
    DRAFT: "草稿",
    OPEN: "申报中",
    REVIEWING: "审核中",
    PUBLICITY: "公示中",
    PUBLISHED: "已发布",
    SUPERSEDED: "已被新版取代",
  },
  transitions: [
    { from: "DRAFT", to: "OPEN", by: ["ADMIN"], label: "开放申报" },
    { from: "OPEN", to: "REVIEWING", by: ["ADMIN"], label: "截止申报，进入审核" },
    { from: "REVIEWING", to: "PUBLICITY", by: ["ADMIN"], label: "发布拟列入名单公示" },
    { from: "PUBLICITY", to: "PUBLISHED", by: ["ADMIN"], label: "发布目录" },
    { from: "PUBLISHED", to: "SUPERSEDED", by: ["SYSTEM", "ADMIN"], label: "由新版目录取代" },
  ],
});

export const EDITION_TONES = {
  DRAFT: "neutral",
  OPEN: "info",
  REVIEWING: "warning",
  PUBLICITY: "warning",
  PUBLISHED: "success",
  SUPERSEDED: "neutral",
} as const satisfies Record<EditionState, BadgeTone>;
