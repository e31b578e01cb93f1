// A tiny vector painter for the demo products' pictures: shapes as signed
// distance functions, anti-aliased by their distance to the edge, painted over
// each other. Enough for friendly still-life illustrations, with no native
// dependency, so a fresh `npm start` can draw them.
import { rgbPng } from "~/modules/showroom/png";

export type RGB = [number, number, number];
/** A colour, or a vertical gradient from `top` to `bottom` over the shape's box. */
export type Paint = RGB | { top: RGB; bottom: RGB };

type Shape = {
  /** signed distance from (x, y) to the edge; negative inside */
  sdf: (x: number, y: number) => number;
  box: [number, number, number, number];
};

export function circle(cx: number, cy: number, r: number): Shape {
  return { sdf: (x, y) => Math.hypot(x - cx, y - cy) - r, box: [cx - r, cy - r, cx + r, cy + r] };
}

export function ellipse(cx: number, cy: number, rx: number, ry: number): Shape {
  const k = Math.min(rx, ry);
  return {
    sdf: (x, y) => (Math.hypot((x - cx) / rx, (y - cy) / ry) - 1) * k,
    box: [cx - rx, cy - ry, cx + rx, cy + ry],
  };
}

/** A rectangle centred on (cx, cy), corners rounded by r, turned by `angle` degrees. */
export function rect(cx: number, cy: number, w: number, h: number, r = 0, angle = 0): Shape {
  const a = (angle * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const reach = Math.hypot(w, h) / 2;
  return {
    sdf: (x, y) => {
      const dx = x - cx;
      const dy = y - cy;
      const px = Math.abs(dx * cos + dy * sin) - w / 2 + r;
      const py = Math.abs(-dx * sin + dy * cos) - h / 2 + r;
      return Math.hypot(Math.max(px, 0), Math.max(py, 0)) + Math.min(Math.max(px, py), 0) - r;
    },
    box: [cx - reach, cy - reach, cx + reach, cy + reach],
  };
}

/** A thick line with round ends. */
export function line(x1: number, y1: number, x2: number, y2: number, width: number): Shape {
  const r = width / 2;
  const vx = x2 - x1;
  const vy = y2 - y1;
  const len2 = vx * vx + vy * vy || 1;
  return {
    sdf: (x, y) => {
      const t = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / len2));
      return Math.hypot(x - x1 - t * vx, y - y1 - t * vy) - r;
    },
    box: [Math.min(x1, x2) - r, Math.min(y1, y2) - r, Math.max(x1, x2) + r, Math.max(y1, y2) + r],
  };
}

/** A closed polygon (even-odd inside test, distance to the nearest edge). */
export function polygon(points: Array<[number, number]>): Shape {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    sdf: (x, y) => {
      let d = Infinity;
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i]!;
        const [xj, yj] = points[j]!;
        const vx = xj - xi;
        const vy = yj - yi;
        const t = Math.max(0, Math.min(1, ((x - xi) * vx + (y - yi) * vy) / (vx * vx + vy * vy || 1)));
        d = Math.min(d, Math.hypot(x - xi - t * vx, y - yi - t * vy));
        if (yi > y !== yj > y && x < (vx * (y - yi)) / (vy || 1e-9) + xi) inside = !inside;
      }
      return inside ? -d : d;
    },
    box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
  };
}

export class Canvas {
  readonly pixels: Float32Array;

  /**
   * `scale` maps drawing units to pixels, so a drawing made for 480 units can be
   * painted smaller (fewer pixels, faster) without changing its coordinates.
   */
  constructor(
    readonly width: number,
    readonly height: number,
    readonly scale = 1,
  ) {
    this.pixels = new Float32Array(width * height * 3);
  }

  /** Fills the whole canvas with a vertical gradient (cheaper than a rectangle's distance per pixel). */
  background(paint: Paint) {
    for (let y = 0; y < this.height; y++) {
      const colour = paintAt(paint, y / Math.max(1, this.height - 1));
      for (let x = 0; x < this.width; x++) this.pixels.set(colour, (y * this.width + x) * 3);
    }
  }

  /** Paints a shape; `soft` widens the edge (a blur, for shadows), `alpha` makes it see-through. */
  fill(shape: Shape, paint: Paint, opts: { alpha?: number; soft?: number } = {}) {
    const alpha = opts.alpha ?? 1;
    const k = this.scale;
    // the edge width in pixels: at least one, wider for a soft (blurred) shape
    const soft = Math.max(1, (opts.soft ?? 1) * k);
    const [bx0, by0, bx1, by1] = shape.box.map((v) => v * k) as [number, number, number, number];
    const x0 = Math.max(0, Math.floor(bx0 - soft));
    const y0 = Math.max(0, Math.floor(by0 - soft));
    const x1 = Math.min(this.width - 1, Math.ceil(bx1 + soft));
    const y1 = Math.min(this.height - 1, Math.ceil(by1 + soft));
    for (let y = y0; y <= y1; y++) {
      const colour = paintAt(paint, (y - by0) / Math.max(1, by1 - by0));
      for (let x = x0; x <= x1; x++) {
        const distance = shape.sdf((x + 0.5) / k, (y + 0.5) / k) * k;
        const coverage = Math.max(0, Math.min(1, 0.5 - distance / soft)) * alpha;
        if (coverage <= 0) continue;
        const i = (y * this.width + x) * 3;
        for (let c = 0; c < 3; c++) this.pixels[i + c] += (colour[c]! - this.pixels[i + c]!) * coverage;
      }
    }
  }

  png() {
    const bytes = new Uint8Array(this.pixels.length);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.max(0, Math.min(255, Math.round(this.pixels[i]!)));
    return rgbPng(this.width, this.height, bytes);
  }
}

function paintAt(paint: Paint, t: number): RGB {
  if (Array.isArray(paint)) return paint;
  const k = Math.max(0, Math.min(1, t));
  return [0, 1, 2].map((c) => paint.top[c]! + (paint.bottom[c]! - paint.top[c]!) * k) as RGB;
}

/** A colour made lighter (amount > 0) or darker (amount < 0), e.g. shade(c, 0.3). */
export function shade([r, g, b]: RGB, amount: number): RGB {
  const target = amount > 0 ? 255 : 0;
  const k = Math.abs(amount);
  return [r + (target - r) * k, g + (target - g) * k, b + (target - b) * k];
}
