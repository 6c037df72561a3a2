import type { SourceTrial } from "../source-record";

/** One source layout: how to recognise it and how to read it. */
export interface Layout {
  /** The name stored as the record's `source.format`. */
  layout: string;
  /** What a person would call it, for messages. */
  description: string;
  detect(text: string): boolean;
  /** Pure: text in, what the source says out (lib/ingest/source-record.ts). Throws ImportError for what it cannot read. */
  parse(text: string, file: string): SourceTrial;
}

/** A JSON layout also reads a study already parsed (a JSON file's studies, `npm run sync`'s pages). */
export interface StudyLayout extends Layout {
  /** Whether a parsed document is this layout's (as `detect` finds its keys in the text). */
  isStudy(doc: unknown): boolean;
  readStudy(doc: unknown, file: string): SourceTrial;
}
