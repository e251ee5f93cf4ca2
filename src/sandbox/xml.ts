/**
 * Just enough XML for the EC2 query protocol: moto's answers are compact,
 * attribute-free apart from the root's xmlns, and never mix text with elements.
 */
export interface XmlElement {
  name: string;
  attributes: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Parses a document into its root element; throws on anything it does not understand. */
export function parseXml(source: string): XmlElement {
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->/g;
  const root: XmlElement = { name: '#document', attributes: '', children: [], text: '' };
  const stack: XmlElement[] = [root];
  let last = 0;
  for (let match = tag.exec(source); match; match = tag.exec(source)) {
    const between = source.slice(last, match.index);
    last = tag.lastIndex;
    const top = stack[stack.length - 1]!;
    if (between.trim()) top.text += decode(between);
    if (match[2] === undefined) continue;
    const [, closing, name, attributes = '', selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) throw new Error(`unbalanced XML at </${name}>`);
      continue;
    }
    const element: XmlElement = { name, attributes: attributes.trim(), children: [], text: '' };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  const document = stack[0]!;
  if (stack.length !== 1 || document.children.length !== 1) throw new Error('not a single XML document');
  return document.children[0]!;
}

export function serializeXml(element: XmlElement): string {
  const attributes = element.attributes ? ` ${element.attributes}` : '';
  if (element.children.length === 0 && element.text === '') return `<${element.name}${attributes}/>`;
  const inner = element.children.length > 0 ? element.children.map(serializeXml).join('') : escapeXml(element.text);
  return `<${element.name}${attributes}>${inner}</${element.name}>`;
}

export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root)}`;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/** The text of a direct child, or '' when it is absent. */
export function childText(element: XmlElement | undefined, name: string): string {
  return child(element, name)?.text ?? '';
}

/** The `<item>` elements of a set such as `natGatewaySet`. */
export function items(element: XmlElement | undefined, setName: string): XmlElement[] {
  return child(element, setName)?.children.filter((c) => c.name === 'item') ?? [];
}

export function setChildText(element: XmlElement, name: string, value: string): void {
  const existing = child(element, name);
  if (existing) {
    existing.text = value;
    existing.children = [];
  } else {
    element.children.push({ name, attributes: '', children: [], text: value });
  }
}
