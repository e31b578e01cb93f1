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
