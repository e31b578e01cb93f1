// The bar from venture-philanthropy calls (GrantBan). Pure: how long a ban runs
// and what the organization is told. A terminated project or a final 不合格 bars
// the organization for `funding.banYears` (rule data, 3 by default).
import { formatDate } from "~/utils/format";

/** The same instant `years` calendar years later (29 February moves to 1 March). */
export function yearsAfter(at: Date, years: number) {
  const d = new Date(at.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/** A ban starting at `startsAt` for `years` years: it ends at the same instant `years` later. */
export function banWindow(startsAt: Date, years: number) {
  if (!Number.isInteger(years) || years < 0) throw new RangeError("banYears must be a whole number ≥ 0");
  return { startsAt, endsAt: yearsAfter(startsAt, years) };
}

export type BanFacts = { startsAt: Date; endsAt: Date; liftedAt: Date | null };

/** In force at `at`: started, not yet ended (the end instant is free again), not lifted. */
export function banInForce(ban: BanFacts, at: Date) {
  return ban.liftedAt == null && ban.startsAt.getTime() <= at.getTime() && ban.endsAt.getTime() > at.getTime();
}

export const BAN_CAUSES = {
  TERMINATED: "项目被终止",
  FINAL_FAIL: "终期评估不合格",
} as const;

/** What an organization is told about its ban, e.g. at its next application. */
export function banMessage(ban: { reason: string; endsAt: Date }) {
  return `本机构因${ban.reason}，${formatDate(ban.endsAt)}前不得申报公益创投项目`;
}

/** The same ban as the public reads it on the organization's page. */
export function publicBanMessage(ban: { reason: string; endsAt: Date | string }) {
  return `该机构因${ban.reason}，${formatDate(ban.endsAt)}前不得申报公益创投项目`;
}
