/**
 * Reading XML record layouts: `parseXml` (a whole document → an element tree, errors with
 * their line), the tree's accessors (`at`, `all`, `textAt`, `textsAt`, `attrAt`,
 * `childrenOf`), and `xmlRecords` (a file's text in chunks → one record tree at a time;
 * lib/import/xml-records.ts reads a file through it in 64 kB chunks).
 */
export { parseXml, at, all, attrAt, childrenOf, textAt, textsAt, MAX_XML_DEPTH, type XmlElement } from "./tree";
export { xmlRecords, type XmlPiece } from "./records";
