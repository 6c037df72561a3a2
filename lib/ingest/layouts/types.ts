import type { ParsedTrial } from "../parsed-record";

/** One source layout: how to recognise it and how to read it. */
export interface Layout {
  /** The name stored as the record's `source.format`. */
  layout: string;
  /** What a person would call it, for messages. */
  description: string;
  detect(text: string): boolean;
  /** Pure: text in, intermediate record out. Throws ImportError for what it cannot read. */
  parse(text: string, file: string): ParsedTrial;
}
