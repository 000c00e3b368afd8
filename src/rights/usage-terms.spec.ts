import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { ClearanceRelease } from './clearance.js';
import { usageTerms } from './usage-terms.js';

const RELEASE: ClearanceRelease = {
  id: 'r-1',
  seriesId: 'r-0',
  version: 2,
  signedAt: new Date('2026-03-01T00:00:00Z'),
  expiresAt: new Date('2031-03-01T00:00:00Z'),
  supersededAt: null,
  coversAllCases: true,
  caseIds: [],
  defects: [],
  scope: {
    channels: ['website', 'social'],
    deniedChannels: ['social.tiktok'],
    faceAllowed: false,
    obscureIdentifyingMarks: true,
    nameAllowed: false,
    paidAdvertisingAllowed: false,
    educationalUseAllowed: true,
  },
};

describe('usage terms in plain words', () => {
  it('say what the governing release allows, what it excludes and until when', () => {
    const terms = usageTerms({ release: RELEASE, reasons: [], revokedChannels: ['social.x'] });
    assert.equal(terms.usable, true);
    assert.equal(terms.releaseReference, 'r-1/v2');
    assert.deepEqual(terms.endsAt, RELEASE.expiresAt);
    assert.equal(
      terms.text,
      'Limited patient release, version 2. Channels: website, social, except social.tiktok, social.x. ' +
        "The face must not be shown. Identifying marks must be obscured. The patient's name must not be shown. " +
        'No paid advertising. Educational use allowed. Valid until 2031-03-01 unless revoked sooner. ' +
        'Check clearance before each use.',
    );
  });

  it("give the end date as the clinic's calendar day", () => {
    const terms = usageTerms({ release: RELEASE, reasons: [], revokedChannels: [], timeZone: 'America/New_York' });
    assert.match(terms.text, /Valid until 2031-02-28 unless revoked sooner\./, 'midnight UTC is the evening before');
  });

  it('say that nothing is cleared, and why, when no release is in force', () => {
    const expired = usageTerms({
      release: RELEASE,
      reasons: [{ code: 'release_expired', message: 'The release expired on 2031-03-01.' }],
      revokedChannels: [],
    });
    assert.equal(expired.usable, false);
    assert.equal(expired.text, 'Not cleared for any use. The release expired on 2031-03-01. Do not publish.');
    assert.equal(expired.endsAt, null);
    assert.equal(usageTerms({ release: null, reasons: [], revokedChannels: [] }).usable, false);
  });

  it("say that the photo is on hold without the hold's reason, which staff typed and may name the patient", () => {
    const held = usageTerms({
      release: RELEASE,
      reasons: [{ code: 'photo_on_hold', message: 'The photo is on hold: Jane Doe called, disputes her signature' }],
      revokedChannels: [],
    });
    assert.equal(held.usable, false);
    assert.equal(held.text, 'Not cleared for any use. The photo is on hold. Do not publish.');
  });

  it('say that the release is not valid without saying why, which may tell that the patient was a minor', () => {
    const defective = usageTerms({
      release: RELEASE,
      reasons: [
        {
          code: 'release_defective',
          message:
            'The signed form lacks what a valid authorization needs: The patient was under 18 on the signing date and signed alone: a guardian must sign.',
        },
      ],
      revokedChannels: [],
    });
    assert.equal(defective.usable, false);
    assert.equal(
      defective.text,
      'Not cleared for any use. The release on file is not a valid authorization. Do not publish.',
    );
  });
});
