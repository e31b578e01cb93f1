import { Link, NavLink, useLocation, useNavigate } from "@remix-run/react";
import { createContext, useCallback, useContext, type MouseEvent, type ReactNode } from "react";

// Links in a long list (the audit log's page has a hundred, a workspace menu thirty) cost the
// server more as router <Link>s than the rest of the row: each runs a dozen hooks and resolves
// its path twice. Inside <ListLinks>, a ListLink (or ListNavLink) is the same <a> markup with
// one click handler the list shares, so its rendering is a plain element; elsewhere it is a
// <Link> (<NavLink>).

type ListClick = (event: MouseEvent<HTMLAnchorElement>) => void;

const ListNavigation = createContext<ListClick | null>(null);

/**
 * Makes the ListLinks inside it navigate in the app as a <Link> does: a plain left click
 * (no modifier key, not already handled) becomes a client-side navigation, replacing the
 * history entry when it leads to where the page already is; any other click is the browser's.
 */
export function ListLinks({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const onClick = useCallback<ListClick>(
    (event) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const href = event.currentTarget.getAttribute("href");
      if (!href) return;
      event.preventDefault();
      const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
      navigate(href, { replace: href === here });
    },
    [navigate],
  );
  return <ListNavigation.Provider value={onClick}>{children}</ListNavigation.Provider>;
}

/**
 * A link to an absolute path in the app (`/admin/users/…`), rendered as <Link to> renders it
 * (class, `data-discover` for Remix's route discovery, href). Never a relative path: a <Link>
 * would resolve it against the route, this does not.
 */
export function ListLink({ to, className, children }: { to: string; className?: string; children: ReactNode }) {
  const onClick = useContext(ListNavigation);
  if (!onClick) {
    return (
      <Link to={to} className={className}>
        {children}
      </Link>
    );
  }
  return (
    <a className={className} data-discover="true" href={to} onClick={onClick}>
      {children}
    </a>
  );
}

/**
 * Whether a navigation link to `to` is the current page's, as <NavLink> decides it: paths
 * compared without case; `end` matches the path only, otherwise its sub-paths too.
 */
export function navLinkActive(pathname: string, to: string, end: boolean) {
  const here = pathname.toLowerCase();
  const target = to.toLowerCase();
  const endSlash = target !== "/" && target.endsWith("/") ? target.length - 1 : target.length;
  return here === target || (!end && here.startsWith(target) && here.charAt(endSlash) === "/");
}

/**
 * A menu's <NavLink> in a ListLinks: `aria-current="page"` and `className({ isActive })` as
 * NavLink sets them, for an absolute in-app path (no pending state: no menu here uses it).
 */
export function ListNavLink({
  to,
  end = false,
  className,
  children,
}: {
  to: string;
  end?: boolean;
  className: (state: { isActive: boolean }) => string;
  children: ReactNode;
}) {
  const onClick = useContext(ListNavigation);
  const { pathname } = useLocation();
  if (!onClick) {
    return (
      <NavLink to={to} end={end} className={className}>
        {children}
      </NavLink>
    );
  }
  const isActive = navLinkActive(pathname, to, end);
  return (
    <a
      data-discover="true"
      aria-current={isActive ? "page" : undefined}
      className={className({ isActive })}
      href={to}
      onClick={onClick}
    >
      {children}
    </a>
  );
}
