import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ImportError } from "../errors";

/**
 * A small element tree over saxes, for record layouts written in XML (ClinicalTrials.gov
 * `clinical_study`, WHO ICTRP `Trial`). Entities are decoded, CDATA is text, comments and
 * processing instructions are dropped, namespaces are not resolved (names are as written).
 * Text keeps its line structure: a carriage return written as `&#xD;` before a line end
 * is a "\r\n" in the text, which the layouts' line splitter reads like "\n".
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (and CDATA), children's text excluded, as written (not trimmed). */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

/** The deepest nesting read: a record is a dozen levels; past this the document is refused. */
export const MAX_XML_DEPTH = 256;

export interface TreeEvents {
  /** After an element opened (its children still to come), with the depth of its parent. */
  open?(el: XmlElement, depth: number): void;
  /** After each text or CDATA run. */
  text?(): void;
  /** After an element closed, with its parent's depth (0: the root closed). */
  close?(el: XmlElement, depth: number): void;
}

/**
 * Builds elements from a saxes parser's events (saxes keeps one handler per event: the
 * builder owns them and calls `events`).
 */
export class TreeBuilder {
  private stack: XmlElement[] = [];
  private parts: string[][] = [];
  constructor(private readonly parser: SaxesParser, private readonly events: TreeEvents) {
    parser.on("opentag", (tag) => this.open(tag as SaxesTagPlain));
    parser.on("text", (t) => this.text(t));
    parser.on("cdata", (t) => this.text(t));
    parser.on("closetag", () => this.close());
  }

  /** Whether `drop(el)` holds for an open element: its content is then not kept (a record skipped for size). */
  drop: ((el: XmlElement) => boolean) | null = null;

  /** Whether a closed element is left out of its parent's children (a record already handed out). */
  detach: ((el: XmlElement) => boolean) | null = null;

  private open(tag: SaxesTagPlain) {
    if (this.stack.length >= MAX_XML_DEPTH) throw this.parser.makeError(`elements nested deeper than ${MAX_XML_DEPTH} levels`);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = String(v);
    // The line of the "<": saxes reports the opening tag once read; a tag rarely spans lines.
    const el: XmlElement = { name: tag.name, attrs, children: [], text: "", line: this.parser.line };
    this.stack.push(el);
    this.parts.push([]);
    this.events.open?.(el, this.stack.length - 1);
  }

  private text(t: string) {
    const parts = this.parts[this.parts.length - 1];
    if (parts && !this.dropped()) parts.push(t);
    this.events.text?.();
  }

  private dropped(): boolean {
    return this.drop !== null && this.stack.some((el) => this.drop!(el));
  }

  private close() {
    const el = this.stack.pop()!;
    el.text = this.parts.pop()!.join("");
    const parent = this.stack[this.stack.length - 1];
    if (parent && !this.dropped() && !this.detach?.(el)) parent.children.push(el);
    this.events.close?.(el, this.stack.length);
  }
}

/** saxes' message ("file:3:14: unexpected end.") → its words and line. */
export function xmlProblem(e: unknown, parser: SaxesParser): { message: string; line: number } {
  const raw = (e as Error).message;
  const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(raw);
  return m ? { message: m[3]!.replace(/\.$/, ""), line: Number(m[1]) } : { message: raw, line: parser.line };
}

/**
 * A whole XML document → its root element. Throws an ImportError naming the problem and
 * its line: not well-formed, cut off, or no element at all.
 */
export function parseXml(source: string, file: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  let root: XmlElement | null = null;
  let outer: string | null = null; // the root element's name, once opened
  new TreeBuilder(parser, {
    open(el, depth) {
      if (depth === 0) outer = el.name;
    },
    close(el, depth) {
      if (depth === 0) root = el;
    },
  });
  try {
    parser.write(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source).close();
  } catch (e) {
    const { message, line } = xmlProblem(e, parser);
    // Elements still open when the text ends: the file was cut off.
    if (outer && !root && /^unclosed tag/.test(message)) {
      throw new ImportError(`truncated: the file ends at line ${line} inside <${outer}> (${message})`, { file, line });
    }
    throw new ImportError(`not well-formed XML: ${message}`, { file, line });
  }
  if (!root) throw new ImportError("the XML document holds no element", { file });
  return root;
}

/** The children of `el` named `name`. */
export function childrenOf(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The first element at `el/a/b/…`, or undefined. */
export function at(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let cur = el;
  for (const name of path) cur = cur?.children.find((c) => c.name === name);
  return cur;
}

/** Every element at `el/a/b/…` (every match at each step). */
export function all(el: XmlElement | undefined, ...path: string[]): XmlElement[] {
  let cur: XmlElement[] = el ? [el] : [];
  for (const name of path) cur = cur.flatMap((c) => childrenOf(c, name));
  return cur;
}

/** The trimmed text at `el/a/b/…`, null when absent or blank. */
export function textAt(el: XmlElement | undefined, ...path: string[]): string | null {
  const t = at(el, ...path)?.text.trim();
  return t ? t : null;
}

/** The non-blank trimmed texts of every element at `el/a/b/…`. */
export function textsAt(el: XmlElement | undefined, ...path: string[]): string[] {
  return all(el, ...path).map((e) => e.text.trim()).filter((t) => t !== "");
}

/** An attribute at `el/a/b/…`, null when absent or blank. */
export function attrAt(el: XmlElement | undefined, attr: string, ...path: string[]): string | null {
  const v = at(el, ...path)?.attrs[attr]?.trim();
  return v ? v : null;
}
