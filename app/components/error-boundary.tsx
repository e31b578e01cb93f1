import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const STATUS_TITLES: Record<number, string> = {
  400: "请求有误",
  403: "没有权限",
  404: "页面不存在",
  405: "不允许的操作",
  413: "内容过大",
  500: "服务器出错了",
};

/** Shown in place of a route whose loader or action failed; always in Chinese. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  let status = 500;
  let detail = "抱歉，处理您的请求时出现了问题，请稍后再试。";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (typeof error.data === "string" && error.data && !error.data.startsWith("<")) detail = error.data;
    else if (status === 404) detail = "您访问的内容不存在或已被删除。";
    else if (status === 403) detail = "您没有权限访问此页面。";
  } else if (typeof document !== "undefined") {
    console.error(error);
  }
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center" data-status={status}>
      <p className="text-5xl font-bold text-brand-600">{status}</p>
      <h1 className="mt-4 text-2xl font-semibold text-gray-900">{STATUS_TITLES[status] ?? "出错了"}</h1>
      <p className="mt-2 text-gray-600">{detail}</p>
      <div className="mt-6 flex justify-center gap-3">
        <Link to="/" className="btn-primary">
          返回首页
        </Link>
      </div>
    </div>
  );
}
