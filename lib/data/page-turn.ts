import "server-only";
import { after } from "next/server";
import { lane, takeTurn, type Lane } from "./turns";

/**
 * The pages that shape a view of every match (the dose landscape; the list screened for a
 * patient) render long on the one Node thread: some 40 ms each on 10,000 trials, however
 * their data was read. They render one at a time (lib/data/turns.ts), each turn held until
 * the page has been sent (next/server `after`): eight asked together made the health
 * check wait 195 ms, one at a time 20 ms (p95, scripts/bench-heavy.ts).
 */
// A page renders in well under a second; a response not done by then waits on its client
// (a slow reader), not on this thread: the turn passes on, so slow clients cannot queue
// the others for long. On globalThis: Next evaluates this module once per bundle, and the
// thread the turns share is one.
const state = globalThis as unknown as { registryPageLane?: Lane };
const pages = (state.registryPageLane ??= lane(1, 1_000));

/** Waits for this request's turn to render a heavy page; given back when its response is done. */
export async function heavyPageTurn(): Promise<void> {
  const release = await takeTurn(pages);
  try {
    after(release);
  } catch (e) {
    release(); // not inside a request: nothing to wait for
    throw e;
  }
}
