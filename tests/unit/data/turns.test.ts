import { describe, expect, it, vi } from "vitest";
import { lane, takeTurn } from "@/lib/data/turns";

const tick = () => new Promise<void>((r) => setImmediate(r));

describe("turns for the heavy answers", () => {
  it("lets `limit` run at once and the others in the order they asked", async () => {
    const l = lane(2);
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const asks = [1, 2, 3, 4, 5].map((n) => takeTurn(l).then((release) => { order.push(n); releases[n] = release; }));
    await tick();
    expect(order).toEqual([1, 2]);
    releases[2]!();
    await tick();
    expect(order).toEqual([1, 2, 3]);
    releases[1]!();
    releases[1]!(); // a second call gives back nothing more
    await tick();
    expect(order).toEqual([1, 2, 3, 4]);
    expect(l.busy).toBe(2);
    releases[3]!();
    await Promise.all(asks);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    releases[4]!();
    releases[5]!();
    expect(l.busy).toBe(0);
    expect(l.waiting).toHaveLength(0);
  });

  it("gives a turn back after holdMs whatever its holder does", async () => {
    vi.useFakeTimers();
    try {
      const l = lane(1, 5_000);
      await takeTurn(l); // never given back by its holder
      let second = false;
      const next = takeTurn(l).then(() => (second = true));
      await vi.advanceTimersByTimeAsync(4_999);
      expect(second).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await next;
      expect(second).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a lane that takes none", () => {
    expect(() => lane(0)).toThrow("a lane takes at least 1 at once, got 0");
  });
});
