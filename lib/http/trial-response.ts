import { findCanonicalId, getTrial } from "@/lib/data";
import type { TrialRecord } from "@/lib/record/schema";

/**
 * The answer of a route about one trial: `found` for a stored trial; a 308 to the trial's
 * canonical id for a differently-cased one (a relative Location, so that the request's
 * Host header cannot choose where it points); `missing` otherwise.
 */
export async function trialResponse(
  id: string,
  pathOf: (canonicalId: string) => string,
  found: (trial: TrialRecord) => Response,
  missing: () => Response,
): Promise<Response> {
  const trial = await getTrial(id);
  if (trial) return found(trial);
  const canonical = await findCanonicalId(id);
  if (canonical && canonical !== id) {
    return new Response(null, { status: 308, headers: { Location: pathOf(encodeURIComponent(canonical)) } });
  }
  return missing();
}
