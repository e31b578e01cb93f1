// The incubation deadlines and terms, from the rule values in force.
import type { RuleValues } from "~/modules/config/rules";
import { addMonths, addWorkingDays } from "~/utils/dates";

type IncubationRules = Pick<
  RuleValues,
  "incubation.firstCheckWorkingDays" | "incubation.termMonths" | "incubation.handoverWorkingDays"
>;

/** Staff do the first check within N working days of the application (end of that day). */
export function firstCheckDueAt(appliedAt: Date, rules: Pick<IncubationRules, "incubation.firstCheckWorkingDays">) {
  return addWorkingDays(appliedAt, rules["incubation.firstCheckWorkingDays"]);
}

/** Still waiting for the first check after its due day. */
export function isFirstCheckOverdue(app: { status: string; firstCheckDueAt: Date }, now: Date) {
  return app.status === "APPLIED" && app.firstCheckDueAt.getTime() < now.getTime();
}

/** The term's end when the agreement gives none: start + the default term in months. */
export function defaultTermEnd(termStart: Date, rules: Pick<IncubationRules, "incubation.termMonths">) {
  return addMonths(termStart, rules["incubation.termMonths"]);
}

/** After 退驻 the space is handed back within N working days (end of that day). */
export function handoverDueAt(exitAt: Date, rules: Pick<IncubationRules, "incubation.handoverWorkingDays">) {
  return addWorkingDays(exitAt, rules["incubation.handoverWorkingDays"]);
}
