// How the directory names itself to the shared publicity primitive (decision 013)
// and small readers of its stored values. Pure.
import { shanghaiParts } from "~/utils/dates";
import { formatDate } from "~/utils/format";
export const DIRECTORY_PUBLICATION_TYPE = "DirectoryEdition";
export const DIRECTORY_ENTRY_TYPE = "DirectoryEntry";
/** The public objection form's field that picks the organization objected to. */
export const DIRECTORY_OBJECTION_FIELD = "entryId";

export const directoryPublication = (editionId: string) => ({ type: DIRECTORY_PUBLICATION_TYPE, id: editionId });

/** An edition's service areas (a JSON array); empty when unreadable. */
export function parseAreas(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** Why the organization may not apply now (Chinese), or null. */
export function applyWindowProblem(edition: { status: string; applyOpensAt: Date; applyClosesAt: Date }, now: Date) {
  if (edition.status !== "OPEN") return "本年度目录当前不受理申报";
  if (now.getTime() < edition.applyOpensAt.getTime()) return "申报尚未开始";
  if (now.getTime() > edition.applyClosesAt.getTime()) return "申报已截止";
  return null;
}

/** Why a removal date may not be used (Chinese), or null. */
export function removalDateProblem(removedOn: Date, listedAt: Date | null, now: Date) {
  const day = (d: Date) => {
    const p = shanghaiParts(d);
    return p.year * 10000 + p.month * 100 + p.day;
  };
  if (day(removedOn) > day(now)) return "移出日期不能晚于今天";
  if (listedAt && day(removedOn) < day(listedAt)) return `移出日期不能早于列入日期（${formatDate(listedAt)}）`;
  return null;
}
