import "server-only";
import type { SearchParams } from "../compare/params";
import { runView } from "../data/view-pool";
import type { LandscapePage } from "./page";

export type { LandscapeView } from "./read";

/** The /landscape page's data (lib/landscape/page.ts), read and shaped on a view worker. */
export function loadLandscapePage(sp: SearchParams): Promise<LandscapePage> {
  const plain: SearchParams = {};
  for (const [k, v] of Object.entries(sp)) if (v !== undefined) plain[k] = v;
  return runView({ kind: "landscape-page", sp: plain });
}
