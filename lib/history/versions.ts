import type { TrialRecord } from "../record/schema";
import { changeLine, diffRecords, type Change } from "./diff";

/** A version as the history shows it: where and when it came from, and what it changed. */
export interface HistoryEntry {
  n: number;
  importedAt: string;
  sourceFile: string;
  sourceHash: string | null;
  firstPosted: string | null;
  lastUpdatePosted: string | null;
  statusVerified: string | null;
  /** What changed from the version before (empty for version 1, which is the first record). */
  changes: Change[];
  /** The same, one line each. */
  lines: string[];
}

export interface History {
  id: string;
  /** The newest version's title (what the page is about). */
  title: string | null;
  versions: HistoryEntry[];
}

interface StoredVersion {
  n: number; record: TrialRecord; importedAt: string; sourceFile: string; sourceHash: string | null;
  firstPosted: string | null; lastUpdatePosted: string | null; statusVerified: string | null;
}

/** The history of a trial from its stored versions (newest first): each with its changes from the one before. */
export function historyOf(id: string, newestFirst: StoredVersion[]): History {
  const versions = newestFirst.map((v, i): HistoryEntry => {
    const previous = newestFirst[i + 1];
    const changes = previous ? diffRecords(previous.record, v.record) : [];
    const { record: _r, ...meta } = v;
    return { ...meta, changes, lines: changes.map(changeLine) };
  });
  return { id, title: newestFirst[0]?.record.title ?? null, versions };
}
