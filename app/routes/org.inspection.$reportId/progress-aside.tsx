import type { SectionProgress } from "~/modules/inspection/report-form";

export const sectionName = (p: SectionProgress) => p.title.replace(/^[一二三四五]、/, "");

/**
 * How much of each section is filled, as last saved, with links to the sections.
 * A section holding a check that will stop submission is marked 待改正, never done.
 */
export function ProgressAside({
  progress,
  rectificationFilled,
}: {
  progress: SectionProgress[];
  rectificationFilled: boolean;
}) {
  return (
    <aside className="card h-fit text-sm lg:sticky lg:top-4" aria-label="填报进度">
      <h2 className="mb-2 font-medium">填报进度（已保存）</h2>
      <ul className="space-y-1">
        {progress.map((p) => {
          const done = p.filled === p.total && p.problems.length === 0;
          return (
            <li key={p.key} className="flex justify-between gap-2" data-testid={`progress-${p.key}`}>
              <a href={`#sec-${p.key}`} className="link">
                {sectionName(p)}
              </a>
              <span className={p.problems.length ? "text-amber-800" : done ? "text-brand-700" : "text-gray-500"}>
                {p.optional ? "选填" : `${done ? "✓ " : ""}${p.filled}/${p.total}`}
                {p.problems.length ? " 待改正" : ""}
              </span>
            </li>
          );
        })}
      </ul>
      {rectificationFilled ? <p className="mt-2 text-xs text-gray-500">整改情况已填写</p> : null}
    </aside>
  );
}
