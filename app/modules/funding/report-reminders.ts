// Which progress reports to remind about (#13 item 6). Pure. An open report gets at
// most two reminders: one when it falls due within REPORT_REMIND_WITHIN_DAYS
// (remindedAt), one once it is overdue (overdueNoticeAt).
import { REPORT_REMIND_WITHIN_DAYS } from "./report-schedule";

export type ReminderKind = "DUE_SOON" | "OVERDUE";

export type ReminderCandidate = {
  id: string;
  status: string;
  dueAt: Date;
  remindedAt: Date | null;
  overdueNoticeAt: Date | null;
};

const OPEN = new Set(["SCHEDULED", "DRAFT", "RETURNED"]);

/** The reminder a report should get now, or null. */
export function reminderFor(r: ReminderCandidate, now: Date): ReminderKind | null {
  if (!OPEN.has(r.status)) return null;
  const due = r.dueAt.getTime();
  if (due < now.getTime()) return r.overdueNoticeAt ? null : "OVERDUE";
  if (due <= now.getTime() + REPORT_REMIND_WITHIN_DAYS * 86_400_000) return r.remindedAt ? null : "DUE_SOON";
  return null;
}
