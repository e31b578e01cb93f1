import { describe, expect, it } from "vitest";
import { collectQueue, orderQueue, type QueueLine } from "./queue";

const line = (key: string, over: Partial<QueueLine> = {}): QueueLine => ({
  key,
  label: key,
  count: 1,
  href: `/${key}`,
  ...over,
});

describe("orderQueue", () => {
  it("drops empty lines and puts overdue lines first, then the soonest due, then source order", () => {
    const lines = [
      line("a"),
      line("empty", { count: 0 }),
      line("later", { dueAt: new Date("2027-01-10") }),
      line("sooner", { dueAt: new Date("2027-01-02") }),
      line("late", { dueAt: new Date("2027-01-20"), overdue: 2 }),
      line("b"),
    ];
    expect(orderQueue(lines).map((l) => l.key)).toEqual(["late", "sooner", "later", "a", "b"]);
  });
});

describe("collectQueue", () => {
  it("runs every source with the context and flattens what they return", async () => {
    const seen: number[] = [];
    const lines = await collectQueue<{ n: number }>(
      [
        async (c) => {
          seen.push(c.n);
          return line("one");
        },
        async () => null,
        async () => [line("two"), line("three", { count: 0 })],
      ],
      { n: 7 },
    );
    expect(seen).toEqual([7]);
    expect(lines.map((l) => l.key)).toEqual(["one", "two"]);
  });
});
