// Still-life pictures of the demo products, drawn with the painter in raster.ts
// on a 480 × 480 canvas: a soft backdrop, a table, a shadow, then the product.
import { Canvas, circle, ellipse, line, polygon, rect, shade, type RGB } from "./raster";

/** Drawings are made in 480 × 480 units and painted at ART_SIZE pixels. */
const UNITS = 480;
export const ART_SIZE = 360;

export type ArtKind =
  | "coasters"
  | "basket"
  | "silkScarf"
  | "postcards"
  | "tote"
  | "bookmarks"
  | "teaTin"
  | "eggs"
  | "noodles"
  | "cookies"
  | "osmanthusCake"
  | "calendar"
  | "woolScarf"
  | "soap";

type Draw = (c: Canvas, colour: RGB) => void;

const WHITE: RGB = [250, 248, 242];
const INK: RGB = [70, 60, 50];

const DRAWINGS: Record<ArtKind, Draw> = {
  coasters(c, col) {
    for (let i = 3; i >= 0; i--) {
      const y = 300 - i * 14;
      c.fill(ellipse(240, y, 130, 52), shade(col, -0.25 + i * 0.04));
      c.fill(ellipse(240, y - 6, 130, 52), shade(col, i * 0.05));
    }
    for (let r = 5; r >= 1; r--) {
      c.fill(ellipse(240, 252, 22 * r, 8.6 * r), shade(col, -0.3));
      c.fill(ellipse(240, 252, 22 * r - 5, 8.6 * r - 2.5), shade(col, 0.08 + r * 0.02));
    }
    c.fill(ellipse(240, 252, 118, 46), shade(col, 0.35), { alpha: 0.12, soft: 6 });
  },
  basket(c, col) {
    c.fill(
      polygon([
        [120, 190],
        [360, 190],
        [330, 350],
        [150, 350],
      ]),
      { top: shade(col, 0.1), bottom: shade(col, -0.2) },
    );
    for (let y = 210; y < 350; y += 22)
      c.fill(line(130 + (y - 190) / 6, y, 350 - (y - 190) / 6, y, 5), shade(col, -0.3), { alpha: 0.5 });
    c.fill(ellipse(240, 190, 120, 22), shade(col, -0.35));
    c.fill(ellipse(240, 188, 110, 16), shade(col, -0.55));
    c.fill(line(140, 200, 120, 240, 12), shade(col, -0.4));
    c.fill(line(340, 200, 360, 240, 12), shade(col, -0.4));
    c.fill(ellipse(200, 165, 40, 26), WHITE);
    c.fill(ellipse(265, 160, 45, 30), [230, 200, 170]);
  },
  silkScarf(c, col) {
    for (let i = 0; i < 14; i++) {
      const x = 110 + i * 20;
      c.fill(line(x, 150 + Math.sin(i / 2) * 20, x + 10, 340 + Math.cos(i / 2) * 18, 26), shade(col, (i % 3) * 0.08));
    }
    for (const [x, y, r] of [
      [170, 210, 34],
      [280, 250, 42],
      [220, 310, 28],
      [320, 190, 24],
    ] as const) {
      c.fill(circle(x, y, r), shade(col, 0.6), { alpha: 0.7, soft: 10 });
      c.fill(circle(x, y, r * 0.45), shade(col, -0.2), { alpha: 0.6, soft: 6 });
    }
  },
  postcards(c, col) {
    [-14, -4, 8].forEach((angle, i) => {
      c.fill(rect(240 + i * 18, 250 - i * 6, 250, 170, 6, angle), WHITE);
      c.fill(rect(240 + i * 18, 250 - i * 6, 226, 146, 4, angle), shade(col, 0.45 - i * 0.1));
    });
    c.fill(
      polygon([
        [190, 300],
        [240, 230],
        [290, 300],
      ]),
      shade(col, -0.4),
    );
    c.fill(rect(240, 315, 110, 40), [200, 90, 70]);
    c.fill(circle(320, 210, 20), [250, 210, 90]);
    c.fill(line(170, 330, 330, 330, 4), INK, { alpha: 0.5 });
  },
  tote(c, col) {
    c.fill(line(190, 180, 190, 110, 12), shade(col, -0.25));
    c.fill(line(290, 180, 290, 110, 12), shade(col, -0.25));
    c.fill(line(190, 110, 290, 110, 12), shade(col, -0.25));
    c.fill(rect(240, 270, 220, 200, 10), { top: col, bottom: shade(col, -0.12) });
    c.fill(circle(225, 255, 22), [210, 70, 80]);
    c.fill(circle(255, 255, 22), [210, 70, 80]);
    c.fill(
      polygon([
        [204, 262],
        [276, 262],
        [240, 302],
      ]),
      [210, 70, 80],
    );
    c.fill(line(175, 330, 305, 330, 3), INK, { alpha: 0.35 });
  },
  bookmarks(c, col) {
    [-12, 0, 12].forEach((angle, i) => {
      const x = 180 + i * 60;
      c.fill(rect(x, 260, 56, 200, 8, angle), shade(col, i * 0.12));
      c.fill(circle(x + (angle / 12) * 18, 190, 8), WHITE);
      c.fill(circle(x, 280, 16), [230, 120, 120], { alpha: 0.85 });
      c.fill(line(x - 14, 300, x + 14, 320, 4), [90, 140, 80]);
    });
    c.fill(line(300, 170, 330, 120, 3), [200, 60, 60]);
  },
  teaTin(c, col) {
    c.fill(rect(240, 260, 170, 200, 12), { top: shade(col, 0.1), bottom: shade(col, -0.25) });
    c.fill(ellipse(240, 160, 85, 22), shade(col, 0.25));
    c.fill(rect(240, 170, 170, 26, 4), shade(col, -0.35));
    c.fill(ellipse(240, 265, 42, 64), [120, 170, 90]);
    c.fill(line(240, 215, 240, 315, 4), [70, 120, 60]);
    c.fill(rect(290, 260, 18, 170, 8), WHITE, { alpha: 0.25, soft: 4 });
  },
  eggs(c, col) {
    c.fill(rect(240, 300, 320, 120, 16), { top: [215, 195, 160], bottom: [185, 160, 125] });
    for (let row = 0; row < 2; row++) {
      for (let i = 0; i < 5; i++) {
        const x = 115 + i * 62;
        const y = 245 + row * 44;
        c.fill(ellipse(x, y + 4, 26, 32), [150, 125, 95], { alpha: 0.6, soft: 4 });
        c.fill(ellipse(x, y, 25, 32), shade(col, (i + row) % 2 ? 0.05 : -0.05));
        c.fill(ellipse(x - 8, y - 12, 7, 10), WHITE, { alpha: 0.45, soft: 4 });
      }
    }
  },
  noodles(c, col) {
    for (let i = 0; i < 22; i++) {
      const x = 140 + i * 9;
      c.fill(line(x, 150 + (i % 4) * 4, x + 12, 360 - (i % 3) * 5, 6), shade(col, (i % 4) * 0.07 - 0.1));
    }
    c.fill(rect(245, 250, 230, 38, 6, -4), [190, 60, 50]);
    c.fill(rect(245, 250, 60, 50, 4, -4), [240, 220, 170]);
  },
  cookies(c, col) {
    c.fill(rect(240, 280, 320, 150, 14), { top: shade(col, -0.1), bottom: shade(col, -0.35) });
    c.fill(rect(240, 262, 296, 110, 10), [245, 235, 215]);
    for (let i = 0; i < 4; i++) {
      const x = 132 + i * 72;
      c.fill(circle(x, 262, 32), [215, 165, 100]);
      c.fill(circle(x, 262, 26), [230, 185, 120]);
      for (const [dx, dy] of [
        [-8, -6],
        [9, 4],
        [-2, 12],
      ] as const)
        c.fill(circle(x + dx, 262 + dy, 4), [90, 55, 35]);
    }
    c.fill(line(240, 190, 240, 350, 16), [200, 70, 80], { alpha: 0.9 });
  },
  osmanthusCake(c, col) {
    c.fill(ellipse(240, 310, 190, 50), WHITE);
    c.fill(ellipse(240, 306, 170, 40), [235, 232, 222]);
    for (let i = 0; i < 3; i++) {
      const x = 165 + i * 75;
      c.fill(rect(x, 270, 66, 56, 6), shade(col, 0.1));
      c.fill(rect(x, 250, 66, 16, 5), shade(col, -0.15));
      for (let k = 0; k < 5; k++) c.fill(circle(x - 22 + k * 11, 249 + (k % 2) * 4, 3), [220, 140, 40]);
    }
  },
  calendar(c, col) {
    c.fill(rect(240, 260, 260, 240, 10), WHITE);
    c.fill(rect(240, 165, 260, 50, 10), col);
    for (let i = 0; i < 4; i++) c.fill(line(160 + i * 53, 130, 160 + i * 53, 160, 8), [120, 120, 125]);
    for (let row = 0; row < 5; row++) {
      for (let col2 = 0; col2 < 7; col2++) {
        const x = 138 + col2 * 34;
        const y = 215 + row * 34;
        c.fill(rect(x, y, 24, 24, 4), row === 2 && col2 === 4 ? col : [225, 222, 215]);
      }
    }
  },
  woolScarf(c, col) {
    c.fill(rect(230, 200, 260, 90, 20, -8), { top: shade(col, 0.1), bottom: shade(col, -0.15) });
    c.fill(rect(250, 290, 240, 90, 20, 6), { top: col, bottom: shade(col, -0.25) });
    for (let i = 0; i < 10; i++) c.fill(line(140 + i * 11, 330 + (i % 2) * 3, 136 + i * 11, 372, 4), shade(col, -0.2));
    for (let i = 0; i < 6; i++) c.fill(line(150 + i * 40, 196, 180 + i * 40, 186, 3), shade(col, 0.3), { alpha: 0.6 });
  },
  soap(c, col) {
    c.fill(rect(240, 290, 330, 140, 12), [200, 170, 130]);
    c.fill(rect(240, 280, 306, 112, 8), [240, 230, 210]);
    [0, 1, 2].forEach((i) => {
      const x = 150 + i * 90;
      const tone = shade(col, (i - 1) * 0.18);
      c.fill(rect(x, 276, 78, 88, 16), { top: shade(tone, 0.2), bottom: shade(tone, -0.1) });
      c.fill(circle(x, 276, 14), shade(tone, -0.25), { alpha: 0.5 });
    });
    c.fill(ellipse(300, 180, 34, 14), [120, 170, 90]);
  },
};

const BACKDROPS: Array<{ top: RGB; bottom: RGB; table: RGB }> = [
  { top: [246, 239, 228], bottom: [236, 224, 206], table: [214, 190, 160] },
  { top: [229, 238, 240], bottom: [212, 226, 230], table: [190, 170, 150] },
];

/** The picture of a product as PNG bytes; `variant` 0 or 1 gives a second view on another backdrop. */
export function drawProduct(kind: ArtKind, colour: RGB, variant: number) {
  const c = new Canvas(ART_SIZE, ART_SIZE, ART_SIZE / UNITS);
  const backdrop = BACKDROPS[variant % BACKDROPS.length]!;
  c.background({ top: backdrop.top, bottom: backdrop.bottom });
  c.fill(rect(240, 410, 480, 140), { top: backdrop.table, bottom: shade(backdrop.table, -0.15) });
  c.fill(ellipse(245, 358, 165, 18), [60, 50, 40], { alpha: 0.25, soft: 14 });
  if (variant % 2 === 1) {
    c.fill(circle(400, 90, 46), [255, 255, 255], { alpha: 0.35, soft: 20 });
    c.fill(line(60, 420, 110, 380, 10), [110, 150, 90]);
    c.fill(ellipse(118, 372, 16, 9), [120, 170, 95]);
  }
  DRAWINGS[kind](c, colour);
  return c.png();
}
