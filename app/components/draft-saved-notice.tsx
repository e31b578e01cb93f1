// After 保存草稿 on a long form: the draft is saved, and the checks the system can
// make that will stop submission are repeated as a warning (#19 item 10).
import { Notice } from "./notice";

export type DraftProblem = { section: string; message: string };

export function DraftSavedNotice({
  message,
  problems,
  className,
}: {
  /** What was saved (草稿已保存。). */
  message: string;
  problems: DraftProblem[];
  className?: string;
}) {
  if (!problems.length) return <Notice className={className}>{message}</Notice>;
  return (
    <Notice tone="warning" className={className} testId="draft-warnings">
      <p>{message}以下问题须改正后才能提交：</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((p) => (
          <li key={`${p.section}-${p.message}`}>
            {p.section}：{p.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
