/**
 * A strict little XML reader for tests: it accepts only well-formed documents of elements and
 * text (no attributes, no DTD), checks every end tag against its start tag and every entity
 * reference, and gives back the tree. Used to prove the census writer's output parses.
 */

export interface ParsedElement {
  name: string;
  children: ParsedElement[];
  /** The element's own text, entities decoded (whitespace between child elements dropped). */
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(document: string): ParsedElement {
  let at = 0;
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/.exec(document);
  if (declaration) at = declaration[0].length;
  else if (document.startsWith('<?')) throw new Error('malformed XML declaration');

  const stack: ParsedElement[] = [];
  let root: ParsedElement | null = null;
  while (at < document.length) {
    if (document[at] !== '<') {
      const next = document.indexOf('<', at);
      const raw = document.slice(at, next < 0 ? document.length : next);
      const open = stack.at(-1);
      if (!open) {
        if (raw.trim() !== '') throw new Error(`text outside the root element at ${at}: ${JSON.stringify(raw.slice(0, 20))}`);
      } else {
        open.text += decode(raw, at);
      }
      at = next < 0 ? document.length : next;
      continue;
    }
    if (document.startsWith('<!--', at)) {
      const end = document.indexOf('-->', at + 4);
      if (end < 0) throw new Error(`unterminated comment at ${at}`);
      at = end + 3;
      continue;
    }
    if (document.startsWith('</', at)) {
      const name = NAME.exec(document.slice(at + 2))?.[0];
      if (!name) throw new Error(`malformed end tag at ${at}`);
      const close = /^\s*>/.exec(document.slice(at + 2 + name.length));
      if (!close) throw new Error(`malformed end tag </${name} at ${at}`);
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> at ${at} does not close <${open?.name ?? '(nothing)'}>`);
      finish(open);
      at += 2 + name.length + close[0].length;
      continue;
    }
    if (document[at + 1] === '!' || document[at + 1] === '?') throw new Error(`unsupported markup at ${at}`);
    const name = NAME.exec(document.slice(at + 1))?.[0];
    if (!name) throw new Error(`malformed start tag at ${at}`);
    const rest = /^\s*(\/?)>/.exec(document.slice(at + 1 + name.length));
    if (!rest) throw new Error(`<${name}> at ${at} has attributes or is not closed`);
    if (root && stack.length === 0) throw new Error(`a second root element <${name}> at ${at}`);
    const node: ParsedElement = { name, children: [], text: '' };
    if (stack.length > 0) stack.at(-1)!.children.push(node);
    else root = node;
    if (rest[1] !== '/') stack.push(node);
    at += 1 + name.length + rest[0].length;
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

function finish(node: ParsedElement): void {
  if (node.children.length > 0) {
    if (node.text.trim() !== '') throw new Error(`<${node.name}> mixes text and elements`);
    node.text = '';
  }
}

function decode(raw: string, offset: number): string {
  if (raw.includes(']]>')) throw new Error(`]]> in text at ${offset}`);
  return raw.replace(/&([^;\s&<]*);?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw new Error(`a bare & at ${offset}`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const decimal = /^#(\d+)$/.exec(ref);
    const hex = /^#x([0-9a-fA-F]+)$/.exec(ref);
    if (!decimal && !hex) throw new Error(`unknown entity &${ref}; at ${offset}`);
    return String.fromCodePoint(decimal ? Number(decimal[1]) : parseInt(hex![1], 16));
  });
}

/** Every element at a path of names below `node`: `all(child, 'CINdetails/Assessments')`. */
export function all(node: ParsedElement, path: string): ParsedElement[] {
  let level = [node];
  for (const name of path.split('/')) level = level.flatMap((n) => n.children.filter((c) => c.name === name));
  return level;
}

/** The one element at a path (fails if there are none or several). */
export function one(node: ParsedElement, path: string): ParsedElement {
  const found = all(node, path);
  if (found.length !== 1) throw new Error(`expected one <${path}> below <${node.name}>, found ${found.length}`);
  return found[0];
}

/** The names of an element's children, in order. */
export function childNames(node: ParsedElement): string[] {
  return node.children.map((c) => c.name);
}

/** A leaf element as a plain object of name → text (repeated names become arrays). */
export function leaves(node: ParsedElement): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const child of node.children) {
    if (child.children.length > 0) continue;
    const existing = out[child.name];
    out[child.name] = existing === undefined ? child.text : [...(Array.isArray(existing) ? existing : [existing]), child.text];
  }
  return out;
}
