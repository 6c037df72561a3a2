import type { PreparedCriterion } from "./decide";
import { prepareScreen, type ScreenInput, type TrialScreen } from "./index";
import type { Patient } from "./params";
import { screenAnswerOf } from "./api";

/**
 * GET /api/screen's answer as UTF-8 bytes, the very bytes of
 * `JSON.stringify(screenAnswerOf(screens, patient))`, written without making that string:
 * what does not depend on the patient (a criterion's list, number and words, which are
 * most of the answer) is encoded once per prepared criterion and copied in; only the
 * verdicts and reasons are written per request.
 */

/** A criterion's fixed parts as bytes: `{"list":…,"criterion":…,"verdict":"` and `,"text":…}`. */
interface CriterionBytes { head: Buffer; tail: Buffer }
const bytesOf = new WeakMap<PreparedCriterion, CriterionBytes>();

function criterionBytes(c: PreparedCriterion): CriterionBytes {
  let b = bytesOf.get(c);
  if (!b) {
    b = {
      head: Buffer.from(`{"list":${JSON.stringify(c.list)},"criterion":${JSON.stringify(c.criterion)},"verdict":`),
      tail: Buffer.from(`,"text":${JSON.stringify(c.text)}}`),
    };
    bytesOf.set(c, b);
  }
  return b;
}

/** A growing byte buffer. */
class Bytes {
  buf = Buffer.allocUnsafe(1 << 20);
  length = 0;
  private room(n: number) {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  text(s: string) {
    this.room(s.length * 3);
    this.length += this.buf.write(s, this.length);
  }
  bytes(b: Buffer) {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
}

/**
 * The answer's bytes for `trials` screened as `screens` (the same order, each screen made
 * by screenTrial from that trial). A screen whose criteria are not its trial's prepared
 * ones (not made by screenTrial) is written by JSON.stringify.
 */
export function screenAnswerBytes(trials: ScreenInput[], screens: TrialScreen[], patient: Patient): Uint8Array<ArrayBuffer> {
  const out = new Bytes();
  const { patient: shown } = screenAnswerOf([], patient);
  out.text(`{"patient":${JSON.stringify(shown)},"trials":[`);
  screens.forEach((s, i) => {
    if (i) out.text(",");
    const prepared = prepareScreen(trials[i]!.eligibility);
    if (trials[i]!.id !== s.id || prepared.length !== s.criteria.length) return out.text(JSON.stringify(s));
    out.text(`{"id":${JSON.stringify(s.id)},"verdict":${JSON.stringify(s.verdict)},"unknown":${JSON.stringify(s.unknown)},"criteria":[`);
    s.criteria.forEach((c, k) => {
      const b = criterionBytes(prepared[k]!);
      if (k) out.text(",");
      out.bytes(b.head);
      out.text(`${JSON.stringify(c.verdict)},"reason":${JSON.stringify(c.reason)}`);
      out.bytes(b.tail);
    });
    out.text(`],"ageLimits":${JSON.stringify(s.ageLimits)},"decisive":${JSON.stringify(s.decisive)}}`);
  });
  out.text("]}");
  // A copy of its own (an ArrayBuffer of exactly its length: the worker transfers it).
  const body = new Uint8Array(out.length);
  body.set(out.buf.subarray(0, out.length));
  return body;
}
