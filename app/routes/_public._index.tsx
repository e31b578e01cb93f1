import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listOpenShortlistPublicities } from "~/modules/grants/publicity/public.server";
import { getHomeStats, getRecentlyRegistered } from "~/modules/organizations/directory.server";
import { ORG_TYPES, orgTypeLabel } from "~/modules/organizations/labels";
import { formatCount, formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [
  { title: "益苗 · 社会组织培育与公益创投平台" },
  {
    name: "description",
    content: "区民政局社会组织登记、年检、评估、公益创投和公益产品展销的一站式平台，公众可查询社会组织名录。",
  },
];

export async function loader() {
  const [stats, recent, publicities] = await Promise.all([
    getHomeStats(),
    getRecentlyRegistered(6),
    listOpenShortlistPublicities(new Date()),
  ]);
  return { stats, recent, publicities };
}

const SERVICES = [
  { title: "登记", text: "社会团体、社会服务机构、基金会网上申请登记，社区社会组织备案。" },
  { title: "年检", text: "每年在线报送年度工作报告和财务信息，民政局审查并作出结论。" },
  { title: "评估", text: "社会组织等级评估（1A–5A），专家按指标评分，结果向社会公示。" },
  { title: "公益创投", text: "征集、评审、公示、签约和拨付，全过程跟踪资助项目的执行。" },
  { title: "公益产品", text: "展示和销售社会组织制作的公益产品，收益按约定分配。" },
];

const AUDIENCES = [
  { title: "社会组织", text: "注册账号，办理登记、年检、评估和项目申报；一个机构可有多名成员账号。" },
  { title: "区民政局", text: "受理审核登记，组织年检、评估和公益创投，查看统计数据。" },
  { title: "评审专家", text: "对分配给自己的项目申报、评估材料进行评分。" },
  { title: "社会公众", text: "无需登录即可查询社会组织的登记信息。" },
];

export default function HomePage() {
  const { stats, recent, publicities } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-10">
      <section className="overflow-hidden rounded-2xl bg-gradient-to-br from-brand-600 to-brand-800 px-5 py-8 text-white sm:px-10 sm:py-12">
        <p className="text-sm font-medium text-brand-100">区民政局 · 社会组织培育与公益创投平台</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">益苗</h1>
        <p className="mt-4 max-w-2xl text-base leading-relaxed text-brand-50 sm:text-lg">
          益苗服务本区的社会组织：从登记成立、年度检查、等级评估，到公益创投项目和公益产品展销，在一个平台上办理和公开。社会组织、民政局工作人员和评审专家在这里协同工作，社会公众可以随时查询社会组织名录。
        </p>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <Link to="/orgs" className="btn bg-white text-brand-700 hover:bg-brand-50">
            查询社会组织名录
          </Link>
          <Link to="/signup" className="btn border border-white/70 text-white hover:bg-white/10">
            机构注册
          </Link>
          <Link to="/login" className="btn border border-white/70 text-white hover:bg-white/10">
            登录
          </Link>
        </div>
      </section>

      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading" className="text-lg font-semibold text-gray-900">
          本区社会组织概况
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-3">
          <Stat label="在册社会组织" value={stats.registeredTotal} unit="家" testId="stat-registered" />
          <Stat
            label={`${stats.year}年新登记（备案）`}
            value={stats.registeredThisYear}
            unit="家"
            testId="stat-this-year"
          />
          <Stat
            label="评审专家库"
            value={stats.reviewerCount}
            unit="位"
            testId="stat-reviewers"
            className="col-span-2 lg:col-span-1"
          />
        </dl>
        <dl className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4">
          {ORG_TYPES.map((type) => (
            <div key={type} className="rounded-lg border border-gray-200 bg-white px-4 py-3">
              <dt className="text-sm text-gray-600">{orgTypeLabel(type)}</dt>
              <dd className="mt-1 text-xl font-semibold text-gray-900">
                <Link
                  to={`/orgs?type=${type}`}
                  className="hover:text-brand-700"
                  data-testid={`stat-type-${type}`}
                  aria-label={`${orgTypeLabel(type)} ${stats.byType[type]} 家，查看名录`}
                >
                  {formatCount(stats.byType[type])}
                </Link>
                <span className="ml-1 text-sm font-normal text-gray-500">家</span>
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-xs text-gray-500">
          “在册”指登记状态正常的社会组织（含已备案的社区社会组织），不含已注销、已撤销和筹备中的组织。
        </p>
      </section>

      {publicities.length > 0 ? (
        <section aria-labelledby="publicity-heading">
          <h2 id="publicity-heading" className="text-lg font-semibold text-gray-900">
            正在公示
          </h2>
          <ul
            className="mt-3 divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white"
            data-testid="open-publicities"
          >
            {publicities.map((call) => (
              <li key={call.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
                <Link to={`/grants/${call.id}/publicity`} className="link font-medium">
                  {call.title} 拟入围项目公示
                </Link>
                <span className="text-xs text-gray-500">
                  {call.publicityEndsAt ? `${formatDate(call.publicityEndsAt)} 截止，期间可在线提出异议` : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-5">
        <section aria-labelledby="recent-heading" className="lg:col-span-3">
          <div className="flex items-baseline justify-between gap-2">
            <h2 id="recent-heading" className="text-lg font-semibold text-gray-900">
              最新登记的社会组织
            </h2>
            <Link to="/orgs" className="link text-sm">
              查看全部
            </Link>
          </div>
          {recent.length === 0 ? (
            <p className="card mt-3 text-sm text-gray-600">暂无已登记的社会组织。</p>
          ) : (
            <ul
              className="mt-3 divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white"
              data-testid="recent-orgs"
            >
              {recent.map((org) => (
                <li key={org.id} className="px-4 py-3">
                  <Link to={`/orgs/${org.id}`} className="link font-medium">
                    {org.name}
                  </Link>
                  <p className="mt-0.5 text-xs text-gray-500">
                    {orgTypeLabel(org.type)} · {formatDate(org.registeredAt)}
                    {org.type === "COMMUNITY" ? "备案" : "登记"}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="audience-heading" className="lg:col-span-2">
          <h2 id="audience-heading" className="text-lg font-semibold text-gray-900">
            谁在使用益苗
          </h2>
          <ul className="mt-3 space-y-3">
            {AUDIENCES.map((a) => (
              <li key={a.title} className="rounded-lg border border-gray-200 bg-white px-4 py-3">
                <p className="font-medium text-gray-900">{a.title}</p>
                <p className="mt-0.5 text-sm text-gray-600">{a.text}</p>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="services-heading">
        <h2 id="services-heading" className="text-lg font-semibold text-gray-900">
          平台业务
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {SERVICES.map((s) => (
            <li key={s.title} className="rounded-lg border border-gray-200 bg-white px-4 py-3">
              <p className="font-medium text-brand-700">{s.title}</p>
              <p className="mt-1 text-sm text-gray-600">{s.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Stat({
  label,
  value,
  unit,
  testId,
  className = "",
}: {
  label: string;
  value: number;
  unit: string;
  testId: string;
  className?: string;
}) {
  return (
    <div className={`rounded-lg border border-gray-200 bg-white px-4 py-4 shadow-sm ${className}`}>
      <dt className="text-sm text-gray-600">{label}</dt>
      <dd className="mt-1 text-3xl font-bold text-brand-700">
        <span data-testid={testId}>{formatCount(value)}</span>
        <span className="ml-1 text-base font-normal text-gray-500">{unit}</span>
      </dd>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
