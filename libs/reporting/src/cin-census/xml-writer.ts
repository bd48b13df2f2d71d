/**
 * A small XML writer for the statutory returns: elements and text only (the CIN census schema
 * uses no attributes), escaped, indented, UTF-8. Values that are absent are left out, which is
 * how the census schema marks optional items.
 */

export interface XmlElement {
  readonly name: string;
  readonly children: readonly XmlElement[];
  readonly text: string | null;
}

export type XmlValue = string | number | boolean;

export class XmlWriterError extends Error {
  readonly code = 'invalid_xml' as const;
  constructor(message: string) {
    super(message);
    this.name = 'XmlWriterError';
  }
}

// XML 1.0 names, restricted to ASCII: the census schema's names are all plain letters.
const NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
// Characters XML 1.0 cannot carry at all, escaped or not (C0 controls but tab, LF and CR; lone
// surrogates; U+FFFE and U+FFFF). Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An element holding other elements; absent ones (null, undefined, false) are skipped. */
type Child = XmlElement | null | undefined | false;

export function element(name: string, ...children: (Child | readonly Child[])[]): XmlElement {
  assertName(name);
  const kept: XmlElement[] = [];
  for (const child of children.flat()) if (child) kept.push(child as XmlElement);
  return { name, children: kept, text: null };
}

/** An element holding one value; `null` or `undefined` leaves the element out altogether. */
export function valueElement(name: string, value: XmlValue | null | undefined): XmlElement | null {
  assertName(name);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) throw new XmlWriterError(`<${name}> cannot hold ${value}`);
  return { name, children: [], text: String(value) };
}

/** Escapes text for element content: `&`, `<` and `>` (the last so `]]>` can never appear). */
export function escapeXmlText(text: string): string {
  if (NOT_XML.test(text)) {
    throw new XmlWriterError(`The text ${JSON.stringify(text)} holds a character XML 1.0 cannot carry`);
  }
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The document: an XML declaration and the root, one element per line, indented. */
export function renderXmlDocument(root: XmlElement, indent = '  '): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, indent, lines);
  return `${lines.join('\n')}\n`;
}

function write(node: XmlElement, depth: number, indent: string, lines: string[]): void {
  const pad = indent.repeat(depth);
  if (node.text !== null) {
    lines.push(node.text === '' ? `${pad}<${node.name}/>` : `${pad}<${node.name}>${escapeXmlText(node.text)}</${node.name}>`);
    return;
  }
  if (node.children.length === 0) {
    lines.push(`${pad}<${node.name}/>`);
    return;
  }
  lines.push(`${pad}<${node.name}>`);
  for (const child of node.children) write(child, depth + 1, indent, lines);
  lines.push(`${pad}</${node.name}>`);
}

function assertName(name: string): void {
  if (!NAME.test(name) || /^xml/i.test(name)) throw new XmlWriterError(`Not an XML element name: ${JSON.stringify(name)}`);
}
