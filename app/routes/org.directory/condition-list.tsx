import type { ConditionCheck } from "~/modules/directory/conditions";

/** Each necessary condition, met or not, with the fact from the record. */
export function ConditionList({ checks }: { checks: ConditionCheck[] }) {
  return (
    <ul className="mt-3 divide-y divide-gray-100 text-sm" aria-label="必要条件">
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
