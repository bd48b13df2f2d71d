import { csvCell, toCsv } from './csv';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('writes %j as %j (RFC 4180)', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes nothing for null and numbers as they are', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+44 1225 000000', "'+44 1225 000000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
  ])('stops %j being read as a formula', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('joins a header and rows with CRLF, ending with one', () => {
    expect(toCsv(['A', 'B'], [['1', null], ['x,y', '=2']])).toBe('A,B\r\n1,\r\n"x,y",\'=2\r\n');
  });
});
