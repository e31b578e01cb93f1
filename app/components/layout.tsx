import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ListLinks, ListNavLink } from "~/components/list-links";
import { ROLE_HOME, ROLE_LABELS, type Role } from "~/modules/auth/roles";
import { useOptionalRootData } from "~/root";

export function Logo() {
  return (
    <Link to="/" className="tap flex items-center gap-2 font-semibold text-brand-700">
      <img src="/favicon.svg" alt="" className="h-7 w-7" />
      <span className="text-lg">益苗</span>
    </Link>
  );
}

export function NotificationBell({ count }: { count: number }) {
  // The name comes from the content ("通知（3 条未读）", for screen readers), not an
  // aria-label that leaves out the badge's visible count (axe label-content-name-mismatch).
  return (
    <Link
      to="/notifications"
      className="relative inline-flex h-11 w-11 items-center justify-center rounded-full text-gray-600 hover:bg-gray-100 sm:h-9 sm:w-9"
      title="通知"
    >
      <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
      </svg>
      <span className="sr-only">{count > 0 ? `通知（${count} 条未读）` : "通知"}</span>
      {count > 0 ? (
        <span
          aria-hidden
          data-testid="unread-count"
          className="absolute -right-0.5 -top-0.5 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[11px] leading-[1.1rem] text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}

function UserMenu() {
  const root = useOptionalRootData();
  const user = root?.user;
  if (!user) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <Link to="/login" className="btn-secondary px-3 py-1.5">
          登录
        </Link>
        <Link to="/signup" className="btn-primary px-3 py-1.5">
          机构注册
        </Link>
      </div>
    );
  }
  const role = user.role as Role;
  return (
    <div className="flex items-center gap-1 text-sm sm:gap-2">
      <NotificationBell count={root?.unreadCount ?? 0} />
      <Link to={ROLE_HOME[role]} className="hidden max-w-[10rem] truncate text-gray-700 hover:text-brand-700 sm:inline">
        {user.name}
        <span className="ml-1 text-xs text-gray-500">（{ROLE_LABELS[role]}）</span>
      </Link>
      <Link to={ROLE_HOME[role]} className="btn-secondary px-3 py-1.5 sm:hidden">
        工作台
      </Link>
      <Form method="post" action="/logout">
        <button type="submit" className="btn-secondary px-3 py-1.5">
          退出
        </button>
      </Form>
    </div>
  );
}

const PUBLIC_NAV = [
  { to: "/", label: "首页", end: true },
  { to: "/orgs", label: "社会组织名录", end: false },
  { to: "/incubation", label: "孵化基地" },
  { to: "/grants", label: "公益创投" },
  { to: "/projects", label: "资助项目" },
  { to: "/directory", label: "推荐性目录" },
  { to: "/products", label: "公益产品" },
  { to: "/inspection", label: "年检公告" },
  { to: "/rating", label: "评估结果" },
];

/** The public header; `actions` sit before the account menu (e.g. the cart link, which belongs to the showroom). */
export function PublicHeader({ actions }: { actions?: ReactNode }) {
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Logo />
        <nav className="order-3 flex w-full gap-4 overflow-x-auto text-sm sm:order-none sm:w-auto" aria-label="主导航">
          <ListLinks>
            {PUBLIC_NAV.map((item) => (
              <ListNavLink
                key={item.to}
                to={item.to}
                end={item.end}
                className={({ isActive }) =>
                  `tap whitespace-nowrap border-b-2 py-1 ${isActive ? "border-brand-600 text-brand-700" : "border-transparent text-gray-600 hover:text-gray-900"}`
                }
              >
                {item.label}
              </ListNavLink>
            ))}
          </ListLinks>
        </nav>
        <div className="flex items-center gap-3">
          {actions}
          <UserMenu />
        </div>
      </div>
    </header>
  );
}

export function Footer() {
  return (
    <footer className="mt-16 border-t border-gray-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-6 text-xs text-gray-500">
        <span>益苗 · 社会组织培育与公益创投平台 · 区民政局</span>
        <Link to="/audit-chain" className="tap hover:underline">
          审计链每日公示
        </Link>
      </div>
    </footer>
  );
}

export type WorkspaceNavItem = { to: string; label: string; end?: boolean };

/** The shell of each role's workspace: a header, its own navigation and the page. */
export function WorkspaceShell({
  title,
  subtitle,
  nav,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  nav: WorkspaceNavItem[];
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <div className="print:hidden">
        <PublicHeader />
      </div>
      {/* Wider than the public pages: staff tables fit 1280 px screens without hiding columns. */}
      <div className="mx-auto flex w-full max-w-screen-xl flex-1 flex-col gap-4 px-4 py-4 md:flex-row md:gap-6 md:py-6 print:block print:max-w-none print:p-0">
        <aside className="md:w-52 md:shrink-0 print:hidden">
          <div className="mb-2 px-1">
            <p className="text-sm font-semibold text-gray-900">{title}</p>
            {subtitle ? <p className="truncate text-xs text-gray-500">{subtitle}</p> : null}
          </div>
          <nav aria-label={`${title}导航`} className="flex gap-1 overflow-x-auto md:flex-col">
            {/* thirty links on every page: plain anchors sharing one click handler (list-links) */}
            <ListLinks>
              {nav.map((item) => (
                <ListNavLink
                  key={item.to}
                  to={item.to}
                  end={item.end}
                  className={({ isActive }) =>
                    `tap whitespace-nowrap rounded-md px-3 py-2 text-sm ${isActive ? "bg-brand-50 font-medium text-brand-700" : "text-gray-700 hover:bg-gray-100"}`
                  }
                >
                  {item.label}
                </ListNavLink>
              ))}
            </ListLinks>
          </nav>
        </aside>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}

export function PageHeader({
  title,
  actions,
  description,
}: {
  title: string;
  actions?: ReactNode;
  description?: ReactNode;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold text-gray-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-gray-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}
