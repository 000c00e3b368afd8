import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { signedFormPdf } from '../../test/support/images.js';
import { hasPdfTrailer } from './pdf.js';

describe('hasPdfTrailer', () => {
  it('finds the trailer of a whole PDF, also with an incremental update or bytes after %%EOF', () => {
    const whole = signedFormPdf();
    assert.ok(hasPdfTrailer(whole));
    assert.ok(hasPdfTrailer(Buffer.concat([whole, Buffer.from('\r\n\u0000\u0000')])));
    const object = '6 0 obj\n<< /Producer (x) >>\nendobj\n';
    const xref = `xref\n6 1\n${String(whole.length).padStart(10, '0')} 00000 n \n`;
    const trailer = `trailer\n<< /Size 7 /Root 1 0 R /Prev ${whole.indexOf('xref\n')} >>\n`;
    const updated = Buffer.concat([
      whole,
      Buffer.from(`${object}${xref}${trailer}startxref\n${whole.length + object.length}\n%%EOF\n`),
    ]);
    assert.ok(hasPdfTrailer(updated));
  });

  it('refuses a truncated file, a bare header and an offset outside the file', () => {
    const whole = signedFormPdf();
    assert.equal(hasPdfTrailer(whole.subarray(0, whole.length - 20)), false);
    assert.equal(hasPdfTrailer(whole.subarray(0, Math.floor(whole.length / 2))), false);
    assert.equal(hasPdfTrailer(Buffer.from('%PDF-1.4\n%%EOF\n')), false);
    assert.equal(hasPdfTrailer(Buffer.from('%PDF-1.4\nstartxref\n0\n%%EOF\n')), false);
    assert.equal(hasPdfTrailer(Buffer.from('%PDF-1.4\nstartxref\n999999\n%%EOF\n')), false);
  });
});
