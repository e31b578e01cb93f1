// The directory's block on an organization's public page (#15 item 7): its status in
// each edition put in publicity or published, with its priority markers, or when and
// why it was removed; each line links to the edition's page.
import { Link } from "@remix-run/react";
import { SectionCard } from "~/components/section-card";
import { Badge } from "~/components/status-badge";
import { formatDate } from "~/utils/format";
import { markerLabels } from "./view";

export type DirectoryHistoryRow = {
  status: string;
  listedAt: Date | string | null;
  markerGrade: boolean;
  markerProjects: boolean;
  taxCheckedAt: Date | string | null;
  removedAt: Date | string | null;
  removalReason: string | null;
  edition: { id: string; year: number; title: string; status: string };
};

export function DirectoryProfileBlock({ history }: { history: readonly DirectoryHistoryRow[] }) {
  return (
    <SectionCard
      className="mt-4"
      id="directory"
      title="政府购买服务推荐性目录"
      source={{ to: "/directory", label: "政府购买服务推荐性目录" }}
    >
      {history.length === 0 ? (
        <p className="text-sm text-gray-600">暂未列入推荐性目录。</p>
      ) : (
        <ul className="space-y-2 text-sm" data-testid="org-directory">
          {history.map((h) => (
            <li key={h.edition.id} className="flex flex-wrap items-center gap-2">
              {h.status === "REMOVED" ? (
                <span>
                  <Link to={`/directory/${h.edition.id}`} className="link">
                    {h.edition.year} 年度推荐性目录
                  </Link>
                  ：{formatDate(h.removedAt)}移出，原因：{h.removalReason}
                </span>
              ) : h.status === "PASSED" ? (
                <Link to={`/directory/${h.edition.id}/publicity`} className="link">
                  拟列入 {h.edition.year} 年度推荐性目录（公示中）
                </Link>
              ) : (
                <Link to={`/directory/${h.edition.id}`} className="link">
                  列入 {h.edition.year} 年度推荐性目录
                </Link>
              )}
              {h.status !== "REMOVED"
                ? markerLabels(h).map((m) => (
                    <Badge key={m} tone="success">
                      {m}
                    </Badge>
                  ))
                : null}
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
