// The tabs of a funded project's hub (/admin/projects/:id and /org/projects/:id).
// Each area adds its own entry when its tab lands; a path is relative to the hub
// ("" is the overview). A tab without staffPath / orgPath is not shown on that side.
export type ProjectTab = { key: string; label: string; staffPath?: string; orgPath?: string };

export const PROJECT_TABS: ProjectTab[] = [
  { key: "overview", label: "概况", staffPath: "", orgPath: "" },
  { key: "agreement", label: "协议", staffPath: "agreement", orgPath: "agreement" },
  { key: "tranches", label: "拨付", staffPath: "tranches", orgPath: "tranches" },
  { key: "budget", label: "预算执行", staffPath: "budget", orgPath: "budget" },
  { key: "reports", label: "进度报告", staffPath: "reports", orgPath: "reports" },
  { key: "monitoring", label: "督导", staffPath: "monitoring", orgPath: "monitoring" },
  { key: "evaluations", label: "评估", staffPath: "evaluations", orgPath: "evaluations" },
  { key: "closing", label: "结项", staffPath: "closing", orgPath: "closing" },
];

export function projectTabsFor(side: "staff" | "org") {
  return PROJECT_TABS.flatMap((tab) => {
    const path = side === "staff" ? tab.staffPath : tab.orgPath;
    return path === undefined ? [] : [{ key: tab.key, label: tab.label, path }];
  });
}

/** The hub's URL for a project on either side. */
export function projectHubPath(side: "staff" | "org", projectId: string, path = "") {
  const base = side === "staff" ? `/admin/projects/${projectId}` : `/org/projects/${projectId}`;
  return path ? `${base}/${path}` : base;
}
