import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { sanitizeFileName } from './file-name.js';

describe('sanitizeFileName', () => {
  it('keeps an ordinary name', () => {
    assert.equal(sanitizeFileName('IMG_0042.JPG'), 'IMG_0042.JPG');
  });

  it('drops right-to-left overrides and other direction marks that disguise an extension', () => {
    assert.equal(sanitizeFileName('photo\u202Egpj.exe'), 'photogpj.exe');
    assert.equal(sanitizeFileName('a\u2066b\u2069c\u200Fd'), 'abcd');
  });

  it('keeps only the last path segment and drops control characters', () => {
    assert.equal(sanitizeFileName('../../etc/passwd'), 'passwd');
    assert.equal(sanitizeFileName('C:\\Users\\x\\scan.pdf'), 'scan.pdf');
    assert.equal(sanitizeFileName('line\r\nbreak\u0000.png'), 'linebreak.png');
  });

  it('caps the length at 255 characters without splitting a character', () => {
    const name = sanitizeFileName(`${'😀'.repeat(10_000)}.jpg`);
    assert.equal([...(name ?? '')].length, 255);
    assert.ok(!name?.includes('\ufffd'));
  });

  it('is null when nothing printable is left', () => {
    assert.equal(sanitizeFileName(''), null);
    assert.equal(sanitizeFileName('\u202E\u0000'), null);
    assert.equal(sanitizeFileName('..'), null);
    assert.equal(sanitizeFileName(undefined), null);
  });
});
