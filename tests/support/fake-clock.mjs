// Preloaded with `node --import ./tests/support/fake-clock.mjs` when FAKE_NOW is set
// (an ISO instant): the process's clock starts there and runs on, so a seed and a
// server see the same "today" (tests/e2e/demo-any-date.spec.ts). Never used in production.
const target = Date.parse(process.env.FAKE_NOW ?? "");
if (!Number.isNaN(target)) {
  const RealDate = Date;
  const offset = target - RealDate.now();
  class FakeDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = FakeDate;
}
