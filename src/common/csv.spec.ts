import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { csvLine } from './csv.js';

describe('csvLine', () => {
  it('quotes what needs quoting and ends with CRLF', () => {
    assert.equal(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3]), 'a,"b,c","say ""hi""","two\nlines",,3\r\n');
  });

  it('writes dates as ISO 8601 and objects as JSON', () => {
    assert.equal(csvLine([new Date('2026-03-02T09:00:00Z'), { a: 1 }]), '2026-03-02T09:00:00.000Z,"{""a"":1}"\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    assert.equal(csvLine(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)']), `"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1)\r\n`);
  });
});
