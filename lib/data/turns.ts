/**
 * Turns for work that holds the server's one thread (lib/data/page-turn.ts: the heavy
 * pages' rendering): at most `limit` at once, from the start of their work to the last
 * byte sent, the others wait, first come first served. Eight landscape pages asked
 * together then render one after the other, and a short request arriving meanwhile (the
 * health check, a trial page) waits for the slices of one render, not of eight
 * interleaved. A turn is given back by its holder, or after `holdMs` whatever happens
 * (a client reading very slowly, an answer that never ends): turns order the work, they
 * never stop it.
 */

export interface Lane { limit: number; holdMs: number; busy: number; waiting: (() => void)[] }

export function lane(limit: number, holdMs = 5_000): Lane {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a lane takes at least 1 at once, got ${limit}`);
  return { limit, holdMs, busy: 0, waiting: [] };
}

/** Waits for a turn in `l`; the function that gives it back (once; later calls do nothing). */
export async function takeTurn(l: Lane): Promise<() => void> {
  if (l.busy >= l.limit) await new Promise<void>((resolve) => l.waiting.push(resolve));
  else l.busy++;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    clearTimeout(timer);
    const next = l.waiting.shift();
    if (next) next(); // the turn passes on
    else l.busy--;
  };
  const timer = setTimeout(release, l.holdMs);
  timer.unref?.();
  return release;
}
