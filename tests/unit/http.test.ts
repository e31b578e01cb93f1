import { describe, expect, test } from "vitest";
import { encodeLocation, getClientIp, getPage, invariantResponse, safeRedirectPath } from "~/utils/http";

describe("safeRedirectPath", () => {
  test.each(["/admin?x=1", "/", "/org/documents#list", "/reviewer/tasks?page=2&q=%E4%B8%BA%E8%80%81"])(
    "keeps the same-site path %j",
    (path) => {
      expect(safeRedirectPath(path)).toBe(path);
    },
  );

  test.each([
    "//evil.com",
    "https://evil.com",
    "http://evil.com/admin",
    "/\\evil.com",
    "\\\\evil.com",
    // eslint-disable-next-line no-script-url -- the attack this test refuses
    "javascript:alert(1)",
    "evil.com",
    "admin",
    // Browsers strip tabs and newlines from URLs, so these become //evil.com.
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    // …and treat backslashes as slashes.
    "/\\/evil.com",
  ])("refuses %j", (to) => {
    expect(safeRedirectPath(to)).toBe("/");
    expect(safeRedirectPath(to, "/admin")).toBe("/admin");
  });

  test("a refused path resolves to our own origin, never another host", () => {
    for (const to of ["//evil.com", "/\\evil.com", "/\t/evil.com", "https://evil.com"]) {
      expect(new URL(safeRedirectPath(to), "https://yimiao.example").host).toBe("yimiao.example");
    }
  });

  test("falls back for empty and non-string values", () => {
    expect(safeRedirectPath(null, "/org")).toBe("/org");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath("")).toBe("/");
    expect(safeRedirectPath(new File(["/admin"], "x.txt"), "/org")).toBe("/org");
  });
});

describe("getClientIp", () => {
  test("reads only the header server.js sets", () => {
    const request = new Request("http://localhost/", {
      headers: { "x-yimiao-client-ip": "203.0.113.9", "x-forwarded-for": "198.51.100.1" },
    });
    expect(getClientIp(request)).toBe("203.0.113.9");
    expect(
      getClientIp(new Request("http://localhost/", { headers: { "x-forwarded-for": "198.51.100.1" } })),
    ).toBeNull();
  });
});

describe("getPage", () => {
  test.each([
    ["", 1],
    ["?page=3", 3],
    ["?page=0", 1],
    ["?page=-2", 1],
    ["?page=1.5", 1],
    ["?page=abc", 1],
    ["?page=99999999", 100000],
  ])("%j → %d", (search, page) => {
    expect(getPage(new URL(`http://localhost/list${search}`))).toBe(page);
  });
});

describe("invariantResponse", () => {
  test("throws a plain-text Response with the status when falsy", async () => {
    let thrown: unknown;
    try {
      invariantResponse(false, "未找到", { status: 404 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("未找到");
    expect(() => invariantResponse(1, "ok")).not.toThrow();
  });
});

describe("safeRedirectPath refuses every Unicode space, control and format character", () => {
  test.each([
    "/\u3000/evil.example",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "/\u200b/evil.example",
    "/\u202e/evil.example",
    "/\ufeff/evil.example",
    "/\u0085/evil.example",
    "/\ud800/evil.example",
    "/ /evil.example",
  ])("refuses %j", (to) => {
    expect(safeRedirectPath(to, "/org")).toBe("/org");
  });

  test("keeps a path with Chinese in its query (the redirect encodes it)", () => {
    expect(safeRedirectPath("/orgs?q=为老")).toBe("/orgs?q=为老");
  });
});

describe("encodeLocation", () => {
  test.each([
    ["/orgs?q=为老", "/orgs?q=%E4%B8%BA%E8%80%81"],
    ["/a b", "/a%20b"],
    ["/x?q=%E4%B8%BA", "/x?q=%E4%B8%BA"],
    ["/\u3000/evil.example", "/%E3%80%80/evil.example"],
    ["/\ud800", "/%EF%BF%BD"],
    ["/😀", "/%F0%9F%98%80"],
  ])("%j → %j", (url, encoded) => {
    expect(encodeLocation(url)).toBe(encoded);
    expect(() => new Headers({ Location: encodeLocation(url) })).not.toThrow();
  });
});
