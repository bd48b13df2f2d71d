import { all, one, parseXml } from './testing/parse-xml';
import { element, escapeXmlText, renderXmlDocument, valueElement, XmlWriterError } from './xml-writer';

describe('the XML writer', () => {
  it('escapes the characters markup is made of', () => {
    expect(escapeXmlText('Tom & Jerry <3 > ]]>')).toBe('Tom &amp; Jerry &lt;3 &gt; ]]&gt;');
  });

  it('writes a declaration, nested elements and values, one per line', () => {
    const xml = renderXmlDocument(element('Message', element('Header', valueElement('Year', 2026)), element('Children')));
    expect(xml).toBe(
      ['<?xml version="1.0" encoding="UTF-8"?>', '<Message>', '  <Header>', '    <Year>2026</Year>', '  </Header>', '  <Children/>', '</Message>', ''].join('\n'),
    );
  });

  it('leaves out values that are absent, and keeps false and zero', () => {
    const xml = renderXmlDocument(
      element('A', valueElement('Gone', null), valueElement('AlsoGone', undefined), valueElement('No', false), valueElement('Zero', 0), null, false),
    );
    expect(xml).toBe(['<?xml version="1.0" encoding="UTF-8"?>', '<A>', '  <No>false</No>', '  <Zero>0</Zero>', '</A>', ''].join('\n'));
  });

  it('round-trips awkward text through a strict parser', () => {
    const awkward = `O'Brien & "Sons" <Ltd> ]]> café ✓ 𝒳\ttab`;
    const doc = parseXml(renderXmlDocument(element('Root', valueElement('Name', awkward), element('List', [valueElement('Item', 'a'), valueElement('Item', 'b')]))));
    expect(one(doc, 'Name').text).toBe(awkward);
    expect(all(doc, 'List/Item').map((i) => i.text)).toEqual(['a', 'b']);
  });

  it('refuses characters XML 1.0 cannot carry rather than writing a broken file', () => {
    expect(() => escapeXmlText('bell\u0007')).toThrow(XmlWriterError);
    expect(() => escapeXmlText('half \uD800 a pair')).toThrow(XmlWriterError);
    expect(() => renderXmlDocument(element('A', valueElement('B', 'nul\u0000')))).toThrow(/cannot carry/);
  });

  it('refuses names that are not XML names, and numbers that are not numbers', () => {
    expect(() => element('1st')).toThrow(XmlWriterError);
    expect(() => element('a b')).toThrow(XmlWriterError);
    expect(() => valueElement('<x>', 'y')).toThrow(XmlWriterError);
    expect(() => valueElement('xmlThing', 'y')).toThrow(XmlWriterError);
    expect(() => valueElement('N', Number.NaN)).toThrow(XmlWriterError);
  });
});

describe('the strict test parser', () => {
  it.each([
    ['<a><b></a></b>', /does not close/],
    ['<a>', /never closed/],
    ['<a></a><b></b>', /second root/],
    ['<a x="1"></a>', /attributes/],
    ['<a>fish & chips</a>', /bare &/],
    ['<a>&nbsp;</a>', /unknown entity/],
    ['text<a></a>', /outside the root/],
    ['<a>]]></a>', /\]\]>/],
    ['<a>x<b/></a>', /mixes text/],
  ])('rejects %s', (document, error) => {
    expect(() => parseXml(document)).toThrow(error);
  });

  it('decodes entities and character references', () => {
    expect(parseXml('<a>&lt;&amp;&gt;&quot;&apos;&#65;&#x42;</a>').text).toBe(`<&>"'AB`);
  });
});
