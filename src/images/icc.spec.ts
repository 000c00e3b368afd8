import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { iccDescription, isSrgbProfile } from './icc.js';

/** A minimal ICC header with one 'desc' tag of the given type. */
function profile(description: string, type: 'desc' | 'mluc', colourSpace = 'RGB '): Buffer {
  const text =
    type === 'desc'
      ? Buffer.concat([
          Buffer.from('desc\0\0\0\0'),
          uint32(description.length + 1),
          Buffer.from(`${description}\0`, 'latin1'),
        ])
      : Buffer.concat([
          Buffer.from('mluc\0\0\0\0'),
          uint32(1),
          uint32(12),
          Buffer.from('enUS'),
          uint32(description.length * 2),
          uint32(28),
          Buffer.from(description, 'utf16le').swap16(),
        ]);
  const header = Buffer.alloc(128);
  header.write(colourSpace, 16, 'latin1');
  const tagTable = Buffer.concat([uint32(1), Buffer.from('desc'), uint32(144), uint32(text.length)]);
  return Buffer.concat([header, tagTable, text]);
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

describe('ICC profiles', () => {
  it('reads v2 and v4 descriptions', () => {
    assert.equal(iccDescription(profile('sRGB IEC61966-2.1', 'desc')), 'sRGB IEC61966-2.1');
    assert.equal(iccDescription(profile('Display P3', 'mluc')), 'Display P3');
  });

  it('skips conversion only for sRGB (or no profile)', () => {
    assert.equal(isSrgbProfile(undefined), true);
    assert.equal(isSrgbProfile(profile('sRGB IEC61966-2.1', 'desc')), true);
    assert.equal(isSrgbProfile(profile('sRGB built-in', 'mluc')), true);
    assert.equal(isSrgbProfile(profile('Display P3', 'mluc')), false);
    assert.equal(isSrgbProfile(profile('Adobe RGB (1998)', 'desc')), false);
    assert.equal(isSrgbProfile(profile('Linear sRGB', 'desc')), false);
    assert.equal(isSrgbProfile(profile('sRGB', 'desc', 'CMYK')), false);
    assert.equal(isSrgbProfile(Buffer.from('garbage')), false);
  });
});
