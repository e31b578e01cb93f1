import zlib from "node:zlib";
import { expect, test } from "vitest";
import { sniffFileKind } from "~/modules/attachments/file-types";
import { drawProduct } from "../../prisma/seed-parts/product-art/drawings";
import { Canvas, circle, rect } from "../../prisma/seed-parts/product-art/raster";

function pixelsOf(png: Buffer) {
  const idatLength = png.readUInt32BE(33);
  return zlib.inflateSync(png.subarray(41, 41 + idatLength));
}

test("shapes are painted inside, anti-aliased at the edge and absent outside", () => {
  const c = new Canvas(20, 20);
  c.fill(rect(10, 10, 20, 20), [255, 255, 255]);
  c.fill(circle(10, 10, 5), [0, 0, 0]);
  const raw = pixelsOf(c.png());
  const at = (x: number, y: number) => raw[y * (1 + 20 * 3) + 1 + x * 3]!;
  expect(at(10, 10)).toBe(0);
  expect(at(1, 1)).toBe(255);
  const edge = at(13, 13); // its centre lies about on the circle
  expect(edge).toBeGreaterThan(0);
  expect(edge).toBeLessThan(255);
});

test("a product picture is a 360 px PNG with many colours, not a flat square", () => {
  const png = drawProduct("teaTin", [90, 140, 70], 0);
  expect(sniffFileKind(png)).toBe("png");
  expect(png.readUInt32BE(16)).toBe(360);
  const raw = pixelsOf(png);
  const colours = new Set<string>();
  for (let y = 0; y < 360; y += 5) {
    for (let x = 0; x < 360; x += 5) {
      const i = y * (1 + 360 * 3) + 1 + x * 3;
      colours.add(`${raw[i]},${raw[i + 1]},${raw[i + 2]}`);
    }
  }
  expect(colours.size).toBeGreaterThan(40);
  expect(drawProduct("teaTin", [90, 140, 70], 1).equals(png)).toBe(false);
});
