// The public directory page, shown for the edition in force (/directory) and for any
// published edition (/directory/<edition>).
import { Link, useLocation, useNavigation } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { FilterBar, FilterInput, FilterSelect } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { SectionCard } from "~/components/section-card";
import { EntriesTable } from "~/modules/directory/entries-table";
import type { loadPublicDirectory } from "~/modules/directory/public.server";
import { ORG_TYPE_LABELS, ORG_TYPES } from "~/modules/organizations/labels";
import { formatDate } from "~/utils/format";

export type PublicDirectoryData = Awaited<ReturnType<typeof loadPublicDirectory>>;

const MARKERS = [
  { value: "grade", label: "3A 及以上" },
  { value: "projects", label: "以往项目结项良好以上" },
  { value: "tax", label: "公益性捐赠税前扣除资格" },
];

/** The directory as the public reads it: filters, the entries, the removals, the other years. */
export function DirectoryPage({ data }: { data: PublicDirectoryData }) {
  const { edition, query, total, page, entries, streets, removed, editions } = data;
  const location = useLocation();
  const navigation = useNavigation();
  const filtered = Object.values(query).some(Boolean);
  return (
    <div className="space-y-6">
      <PageHeader
        title={edition.title}
        description={
          edition.status === "SUPERSEDED"
            ? `${formatDate(edition.publishedAt)}发布，已被新版目录取代。`
            : `${formatDate(edition.publishedAt)}发布。政府部门可向目录内的社会组织购买服务。`
        }
        actions={
          <a
            href={`/directory/${edition.id}/export${location.search}`}
            className="btn-secondary"
            download
            data-testid="directory-export"
          >
            下载 Excel
          </a>
        }
      />
      {edition.publicityStartsAt ? (
        <p className="text-sm text-gray-600">
          拟列入名单于 {formatDate(edition.publicityStartsAt)} 至 {formatDate(edition.publicityEndsAt)} 公示：
          <Link to={`/directory/${edition.id}/publicity`} className="link">
            公示情况
          </Link>
        </p>
      ) : null}
      {edition.status === "SUPERSEDED" ? (
        <Notice tone="info">
          这是往年目录。
          <Link to="/directory" className="link">
            查看现行目录
          </Link>
        </Notice>
      ) : null}
      <FilterBar
        label="筛选目录"
        formKey={location.search}
        resetTo={location.pathname}
        pending={navigation.state === "loading"}
      >
        <FilterInput id="q" name="q" label="机构名称" defaultValue={query.q} maxLength={50} />
        <FilterSelect
          id="area"
          name="area"
          label="服务领域"
          allLabel="全部领域"
          options={edition.serviceAreas.map((a) => ({ value: a, label: a }))}
          defaultValue={query.area}
        />
        <FilterSelect
          id="type"
          name="type"
          label="机构类型"
          allLabel="全部类型"
          options={ORG_TYPES.map((t) => ({ value: t, label: ORG_TYPE_LABELS[t] }))}
          defaultValue={query.type}
        />
        <FilterSelect
          id="grade"
          name="grade"
          label="评估等级"
          allLabel="全部等级"
          options={["5", "4", "3", "2", "1"].map((g) => ({ value: g, label: `${g}A` }))}
          defaultValue={query.grade}
        />
        <FilterSelect
          id="marker"
          name="marker"
          label="优先标识"
          allLabel="不限"
          options={MARKERS}
          defaultValue={query.marker}
        />
        <FilterSelect
          id="street"
          name="street"
          label="街道"
          allLabel="全部街道"
          options={streets.map((s) => ({ value: s, label: s }))}
          defaultValue={query.street}
        />
      </FilterBar>
      <SectionCard id="entries" title={`${filtered ? "符合条件的" : "目录内"}社会组织（${total} 家）`}>
        {entries.length === 0 ? (
          <EmptyState>{filtered ? "没有符合条件的机构，请调整筛选条件。" : "本目录暂无机构。"}</EmptyState>
        ) : (
          <EntriesTable rows={entries} label={edition.title} />
        )}
        <Pagination page={page} total={total} />
      </SectionCard>
      <SectionCard id="removed" title="年度内移出目录的机构">
        {removed.length === 0 ? (
          <p className="text-sm text-gray-600">本年度暂无移出目录的机构。</p>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm" data-testid="removed-list">
            {removed.map((r) => (
              <li key={r.id} className="py-2">
                <Link to={`/orgs/${r.organization.id}`} className="link font-medium">
                  {r.organization.name}
                </Link>
                ：{formatDate(r.removedAt)}移出，原因：{r.removalReason}
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
      {editions.length ? (
        <SectionCard id="editions" title="其他年度">
          <ul className="space-y-1 text-sm">
            {editions.map((e) => (
              <li key={e.id}>
                <Link
                  to={e.status === "PUBLICITY" ? `/directory/${e.id}/publicity` : `/directory/${e.id}`}
                  className="link"
                >
                  {e.title}
                </Link>
                {e.status === "PUBLICITY" ? `（拟列入名单公示中，至${formatDate(e.publicityEndsAt)}）` : ""}
              </li>
            ))}
          </ul>
        </SectionCard>
      ) : null}
    </div>
  );
}
