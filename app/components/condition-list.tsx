/** A condition checked from the record (the directory's necessary conditions, directory/conditions.ts). */
export type CheckedCondition = { key: string; label: string; met: boolean; fact: string };

/** Each necessary condition, met or not, with the fact from the record. */
export function ConditionList({ checks, label = "必要条件" }: { checks: readonly CheckedCondition[]; label?: string }) {
  return (
    <ul className="mt-3 divide-y divide-gray-100 text-sm" aria-label={label}>
      {checks.map((c) => (
        <li key={c.key} className="flex flex-wrap items-baseline gap-2 py-2" data-testid={`condition-${c.key}`}>
          <span className={c.met ? "font-medium text-green-700" : "font-medium text-red-700"}>
            {c.met ? "✓ 满足" : "✗ 不满足"}
          </span>
          <span className="font-medium">{c.label}</span>
          <span className="text-gray-600">— {c.fact}</span>
        </li>
      ))}
    </ul>
  );
}
