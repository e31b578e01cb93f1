// The react-dom patch (patches/react-dom+18.3.1.patch, decision 030): the Node streaming
// renderer gathers its text and encodes it once per 8 KB instead of once per tag and
// attribute. What it sends must be exactly what React renders, in order, and without the
// NUL bytes React 18.3's own writer left where a Chinese character straddled its buffer.
import { createRequire } from "node:module";
import path from "node:path";
import { PassThrough } from "node:stream";
import { createElement as h } from "react";
import type * as ReactDomServer from "react-dom/server";
import { expect, test } from "vitest";

// The production builds the server runs (tests otherwise load the development ones).
const require = createRequire(import.meta.url);
const built = (file: string) =>
  require(path.join(path.dirname(require.resolve("react-dom/package.json")), "cjs", file)) as typeof ReactDomServer;
const { renderToPipeableStream } = built("react-dom-server.node.production.min.js");
const { renderToString } = built("react-dom-server-legacy.node.production.min.js");

function page(rows: number) {
  return h(
    "main",
    { className: "mx-auto max-w-5xl" },
    h("h1", null, "社会组织名录"),
    h(
      "ul",
      { "aria-label": "社会组织列表" },
      Array.from({ length: rows }, (_, i) =>
        h(
          "li",
          { key: i, className: "flex flex-col gap-1 px-4 py-3", "data-row": i },
          h("a", { href: `/orgs/org-${i}` }, `江宁区阳光社会工作服务中心第${i}号`),
          h("p", null, "社会服务机构", h("span", { className: "mx-1" }, "·"), `统一社会信用代码 5232011500000${i}`),
          h(
            "select",
            { defaultValue: "b", name: `s${i}` },
            h("option", { value: "a" }, "未建立党组织"),
            h("option", { value: "b" }, "已建立"),
          ),
        ),
      ),
    ),
  );
}

function streamed(element: ReturnType<typeof page>) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onError: reject });
  });
}

test.each([1, 40, 400])(
  "a streamed page of %i rows is the rendered markup, byte for byte, without NUL",
  async (rows) => {
    const bytes = await streamed(page(rows));
    expect(bytes.includes(0)).toBe(false);
    expect(bytes.toString("utf8")).toBe(renderToString(page(rows)));
  },
);
