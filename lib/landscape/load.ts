import "server-only";
import type { RawParams } from "../url/params";
import { runView } from "../data/view-pool";
import { heavyPageTurn } from "../data/page-turn";
import type { LandscapePage } from "./page";

export type { LandscapeView } from "./read";

/** The /landscape page's data (lib/landscape/page.ts), read and shaped on a view worker, in the page's turn to render (lib/data/page-turn.ts). */
export async function loadLandscapePage(sp: RawParams): Promise<LandscapePage> {
  await heavyPageTurn();
  const plain: RawParams = {};
  for (const [k, v] of Object.entries(sp)) if (v !== undefined) plain[k] = v;
  return runView({ kind: "landscape-page", sp: plain });
}
