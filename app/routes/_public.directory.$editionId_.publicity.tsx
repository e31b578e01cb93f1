import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { EntriesTable } from "~/modules/directory/entries-table";
import { getPublicEdition, publicityEntries } from "~/modules/directory/public.server";
import { publicityDaysLeft } from "~/modules/publicity/objection";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

// File name ends in `$editionId_` so the page is not nested inside the edition page.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `拟列入名单公示 · ${data?.edition.title ?? "推荐性目录"} · 益苗` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  // Public page: no login. Only editions put in publicity or published exist here.
  const edition = await getPublicEdition(params.editionId ?? "");
  invariantResponse(edition, "未找到该公示", { status: 404 });
  const now = new Date();
  const open = edition.status === "PUBLICITY" && edition.publicityEndsAt != null && edition.publicityEndsAt > now;
  const entries = edition.status === "PUBLICITY" ? await publicityEntries(edition.id) : [];
  return { edition, entries, open, now };
}

export default function DirectoryPublicityPage() {
  const { edition, entries, open, now } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="space-y-6">
      <PageHeader title="拟列入名单公示" description={edition.title} />
      {params.get("submitted") === "1" ? <Notice>您的异议已提交。</Notice> : null}
      <section className="card space-y-1 text-sm" aria-label="公示信息">
        <p>
          公示期：{formatDate(edition.publicityStartsAt)} 至 {formatDate(edition.publicityEndsAt)}
          {open && edition.publicityEndsAt ? (
            <span className="ml-2 font-medium text-brand-700" data-testid="days-left">
              （剩余 {publicityDaysLeft(new Date(edition.publicityEndsAt), new Date(now))} 天）
            </span>
          ) : null}
        </p>
        {edition.status !== "PUBLICITY" ? (
          <p data-testid="objections-closed">
            公示已结束，目录已于 {formatDate(edition.publishedAt)} 发布：
            <Link to={`/directory/${edition.id}`} className="link">
              查看目录
            </Link>
          </p>
        ) : open ? (
          <p>
            公示期内，任何单位和个人对下列机构列入目录有异议的，可点击“提出异议”在线提交，请写明理由并提供联系方式。公示截止时间：
            {formatDateTime(edition.publicityEndsAt)}。
          </p>
        ) : (
          <p data-testid="objections-closed">公示期已结束，不再受理异议。目录发布后将在本页公布。</p>
        )}
      </section>
      {edition.status === "PUBLICITY" ? (
        <SectionCard id="proposed" title={`拟列入机构（${entries.length} 家）`}>
          {entries.length === 0 ? (
            <EmptyState>暂无机构。</EmptyState>
          ) : (
            <>
              <EntriesTable rows={entries} label="拟列入名单" />
              {open ? (
                <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="提出异议">
                  {entries.map((e) => (
                    <li key={e.id}>
                      <Link to={`/directory/${edition.id}/objection?entryId=${e.id}`} className="link">
                        对“{e.organization.name}”提出异议
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </SectionCard>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
