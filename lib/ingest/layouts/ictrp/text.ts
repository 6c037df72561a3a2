/**
 * An ICTRP field's text as the registry meant it: the HTML the export carries escaped
 * (`<br>`, `<p>`, `&amp;`) decoded, line breaks as "\n", each line's spaces collapsed,
 * the whole trimmed. "" for an empty field.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " ", "#39": "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6}|#39);/gi, (all, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

export function fieldText(raw: string | undefined): string {
  if (!raw) return "";
  let s = raw.replace(/\r\n?/g, "\n");
  // Escaped HTML once more (`&amp;lt;br&amp;gt;` in a few exports): decode until no tag entity is left.
  for (let i = 0; i < 2 && /&lt;\/?(?:br|p)\b/i.test(s); i++) s = decodeEntities(s);
  // A line end written before a tag ("\r<br>" in 2024, a raw CR in 2020) is part of that one break.
  s = s.replace(/\n?[ \t]*(?:<br\s*\/?>|<\/?p\s*\/?>)/gi, "\n");
  s = decodeEntities(s).replace(/[\u00a0\u202f]/g, " ");
  return s.split("\n").map((l) => l.replace(/[ \t]+/g, " ").trim()).join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** The field on one line: line breaks as spaces. */
export function oneLineText(raw: string | undefined): string {
  return fieldText(raw).replace(/\s*\n+\s*/g, " ").trim();
}

/** `a;b; c;` → ["a", "b", "c"], empty parts dropped. */
export function splitList(text: string, by: RegExp = /\s*;\s*/): string[] {
  return text.split(by).map((s) => s.trim()).filter(Boolean);
}
