import { expect, test } from "vitest";
import { dropNul } from "~/utils/nul-filter.server";

// The bytes React 18.3 sends when 未建立党组织 straddles its 2 KB buffer.
test("NUL padding between chunks is removed and the text comes out whole", () => {
  const rendered = Buffer.concat([
    Buffer.from('<option value="未建立党', "utf8"),
    Buffer.from([0]),
    Buffer.from('组织">未建立党组织</option>', "utf8"),
  ]);
  expect(Buffer.from(dropNul(rendered)).toString("utf8")).toBe('<option value="未建立党组织">未建立党组织</option>');
});

test("every NUL goes and the bytes between them stay in order", () => {
  const bytes = Buffer.from([0, 0, 65, 0, 66, 67, 0, 0, 68, 0]);
  expect(Buffer.from(dropNul(bytes)).toString("latin1")).toBe("ABCD");
  const none = Buffer.from("没有空字节", "utf8");
  expect(dropNul(none)).toBe(none);
});
