/**
 * An Atom 1.0 document (RFC 4287), written by hand: a feed with its id, title, updated,
 * author and links, and entries each with id, title, updated, one alternate link and a
 * text summary. Every text and attribute is escaped; characters XML 1.0 forbids are dropped.
 */

export interface AtomLink { rel: "self" | "alternate" | "related"; href: string; type?: string }

export interface AtomEntry {
  /** A permanent IRI for the entry (a tag: URI). */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  /** The entry's page (its one rel="alternate" link). */
  link: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  author: string;
  links: AtomLink[];
  entries: AtomEntry[];
}

// XML 1.0 allows tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or an attribute value, escaped for XML. */
export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** A date as RFC 3339 in UTC ("2026-12-07T04:30:00Z"), from an ISO string or epoch ms. */
export function rfc3339(date: string | number): string {
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${String(date)}`);
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const el = (name: string, text: string, indent: string, attrs = "") => `${indent}<${name}${attrs}>${escapeXml(text)}</${name}>\n`;
const link = (l: AtomLink, indent: string) =>
  `${indent}<link rel="${l.rel}" href="${escapeXml(l.href)}"${l.type ? ` type="${escapeXml(l.type)}"` : ""}/>\n`;

export function writeAtom(feed: AtomFeed): string {
  const entries = feed.entries.map((e) => "  <entry>\n" +
    el("id", e.id, "    ") + el("title", e.title, "    ", ' type="text"') + el("updated", rfc3339(e.updated), "    ") +
    link({ rel: "alternate", href: e.link, type: "text/html" }, "    ") + el("summary", e.summary, "    ", ' type="text"') +
    "  </entry>\n").join("");
  return '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n' +
    el("id", feed.id, "  ") + el("title", feed.title, "  ", ' type="text"') + el("updated", rfc3339(feed.updated), "  ") +
    `  <author>\n${el("name", feed.author, "    ")}  </author>\n` +
    feed.links.map((l) => link(l, "  ")).join("") + entries + "</feed>\n";
}
