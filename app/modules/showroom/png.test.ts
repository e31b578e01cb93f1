import zlib from "node:zlib";
import { expect, test } from "vitest";
import { sniffFileKind } from "~/modules/attachments/file-types";
import { solidPng } from "./png";

test("writes a PNG that is recognized and decodes to the right pixels", () => {
  const png = solidPng(3, 2, [10, 20, 30]);
  expect(sniffFileKind(png)).toBe("png");
  expect(png.readUInt32BE(16)).toBe(3);
  expect(png.readUInt32BE(20)).toBe(2);
  const idatLength = png.readUInt32BE(33);
  expect(png.toString("ascii", 37, 41)).toBe("IDAT");
  const raw = zlib.inflateSync(png.subarray(41, 41 + idatLength));
  expect([...raw.subarray(0, 7)]).toEqual([0, 10, 20, 30, 10, 20, 30]);
  expect(raw.length).toBe(2 * (1 + 3 * 3));
});
