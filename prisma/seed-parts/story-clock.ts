// Runs the app's own writes as if on a day of the demo story: while `run` is under way,
// `new Date()` and `Date.now()` inside the app (deadlines, "now" checks, audit times,
// submittedAt, gate dates, @default(now()) columns) read that instant, so the records are
// exactly what a person working on that day would have left, with no timestamps patched
// afterwards. The seed runs one write at a time, so swapping the global clock is safe here;
// nothing outside prisma/seed-parts uses it. Audit events get their hash-chain links as they
// are written, in the order they are written (the chain does not require time order).
export async function atStoryTime<T>(at: Date, run: () => Promise<T>): Promise<T> {
  const RealDate = globalThis.Date;
  const offset = at.getTime() - RealDate.now();
  class StoryDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [number]));
    }
    static now() {
      return RealDate.now() + offset;
    }
    // Dates made before the swap are still dates.
    static [Symbol.hasInstance](value: unknown) {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = StoryDate as unknown as DateConstructor;
  try {
    return await run();
  } finally {
    globalThis.Date = RealDate;
  }
}
