import type { SectionProgress } from "~/modules/inspection/report-form";

/** How much of each section is filled, as last saved, with links to the sections. */
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
        {progress.map((p) => (
          <li key={p.key} className="flex justify-between gap-2">
            <a href={`#sec-${p.key}`} className="link">
              {p.title.replace(/^[一二三四五]、/, "")}
            </a>
            <span className={p.filled === p.total ? "text-brand-700" : "text-gray-500"}>
              {p.optional ? "选填" : `${p.filled}/${p.total}`}
            </span>
          </li>
        ))}
      </ul>
      {rectificationFilled ? <p className="mt-2 text-xs text-gray-500">整改情况已填写</p> : null}
    </aside>
  );
}
