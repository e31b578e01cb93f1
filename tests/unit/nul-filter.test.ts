import { PassThrough } from "node:stream";
import { expect, test } from "vitest";
import { createNulFilter } from "~/utils/nul-filter.server";

// The bytes React 18.3 sends when 未建立党组织 straddles its 2 KB buffer.
test("NUL padding between chunks is removed and the text comes out whole", async () => {
  const filter = createNulFilter();
  const out = new PassThrough();
  filter.pipe(out);
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on("end", resolve));
  filter.write(Buffer.concat([Buffer.from('<option value="未建立党', "utf8"), Buffer.from([0])]));
  filter.write(Buffer.from('组织">未建立党组织</option>', "utf8"));
  filter.end();
  await done;
  expect(Buffer.concat(chunks).toString("utf8")).toBe('<option value="未建立党组织">未建立党组织</option>');
});
