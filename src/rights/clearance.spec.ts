import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { CHANNEL_CODES } from './channels.js';
import {
  decideClearance,
  MAX_CLOCK_AHEAD_MS,
  presentOf,
  type ClearanceFacts,
  type ClearanceHold,
  type ClearanceRelease,
  type ClearanceRevocation,
  type IntendedUse,
  type ReleaseScope,
} from './clearance.js';

const CASE = 'case-1';
const OTHER_CASE = 'case-2';
const PHOTO = { id: 'photo-1', caseId: CASE, identifyingMarks: [] as string[] };
const SIGNED = new Date('2026-03-01T10:00:00Z');
const NOW = new Date('2026-06-01T12:00:00Z');

const OPEN_SCOPE: ReleaseScope = {
  channels: ['website', 'social', 'email', 'print', 'in_office', 'review_sites', 'education'],
  deniedChannels: [],
  faceAllowed: true,
  obscureIdentifyingMarks: false,
  nameAllowed: true,
  paidAdvertisingAllowed: true,
  educationalUseAllowed: true,
};

function release(overrides: Partial<ClearanceRelease> = {}, scope: Partial<ReleaseScope> = {}): ClearanceRelease {
  return {
    id: 'release-1',
    seriesId: 'release-1',
    version: 1,
    signedAt: SIGNED,
    expiresAt: null,
    supersededAt: null,
    coversAllCases: false,
    caseIds: [CASE],
    defects: [],
    ...overrides,
    scope: { ...OPEN_SCOPE, ...overrides.scope, ...scope },
  };
}

function use(overrides: Partial<IntendedUse> = {}): IntendedUse {
  return {
    channel: 'website',
    at: NOW,
    faceShown: false,
    marksObscured: false,
    nameShown: false,
    paid: false,
    ...overrides,
  };
}

function facts(overrides: Partial<ClearanceFacts> = {}): ClearanceFacts {
  return { photo: PHOTO, releases: [release()], revocations: [], holds: [], ...overrides };
}

const codes = (facts_: ClearanceFacts, use_: IntendedUse) => decideClearance(facts_, use_).reasons.map((r) => r.code);

describe('the clearance rule', () => {
  describe('1. a release in force covers the photo', () => {
    it('allows a use the release permits, naming the release and until when the answer holds', () => {
      const expiresAt = new Date('2027-03-01T00:00:00Z');
      const decision = decideClearance(facts({ releases: [release({ expiresAt })] }), use());
      assert.deepEqual(decision, {
        allowed: true,
        reasons: [],
        remedies: [],
        releaseId: 'release-1',
        releaseVersion: 1,
        validUntil: expiresAt,
      });
    });

    it('has no end date for an allowance under a release without an expiry date', () => {
      assert.equal(decideClearance(facts(), use()).validUntil, null);
    });

    it('denies a photo no release covers, with the remedy of recording one', () => {
      for (const releases of [[], [release({ caseIds: [OTHER_CASE] })]]) {
        const decision = decideClearance(facts({ releases }), use());
        assert.equal(decision.allowed, false);
        assert.deepEqual(
          decision.reasons.map((r) => r.code),
          ['no_release'],
        );
        assert.deepEqual(decision.remedies, ["Record a signed release that covers the photo's case."]);
        assert.equal(decision.releaseId, null);
      }
    });

    it('lets a release that covers all the patient’s cases cover a case it does not list', () => {
      assert.equal(
        decideClearance(facts({ releases: [release({ coversAllCases: true, caseIds: [] })] }), use()).allowed,
        true,
      );
    });

    it('denies a use before the release was signed, and allows one at the signing instant', () => {
      assert.deepEqual(codes(facts(), use({ at: new Date(SIGNED.getTime() - 1) })), ['release_not_yet_signed']);
      assert.equal(decideClearance(facts(), use({ at: SIGNED })).allowed, true);
    });

    it('denies from the expiry instant on, with the remedy of a new release', () => {
      const expiresAt = new Date('2026-05-01T00:00:00Z');
      const expired = facts({ releases: [release({ expiresAt })] });
      assert.equal(decideClearance(expired, use({ at: new Date(expiresAt.getTime() - 1) })).allowed, true);
      const decision = decideClearance(expired, use({ at: expiresAt }));
      assert.deepEqual(
        decision.reasons.map((r) => r.code),
        ['release_expired'],
      );
      assert.match(decision.reasons[0].message, /2026-05-01/);
      assert.deepEqual(decision.remedies, ['Ask the patient to sign a new release.']);
      assert.equal(decision.releaseId, 'release-1', 'the expired release still governs: a newer one is needed');
    });

    it("writes the dates of its messages as the clinic's calendar days", () => {
      const expired = (timeZone?: string) =>
        decideClearance(
          facts({ timeZone, releases: [release({ expiresAt: new Date('2026-05-01T02:00:00Z') })] }),
          use(),
        ).reasons[0].message;
      assert.equal(expired(), 'The release expired on 2026-05-01.');
      assert.equal(expired('America/New_York'), 'The release expired on 2026-04-30.', '10 pm the evening before');
    });

    it('treats a form lacking a required element as not in force, naming what it lacks', () => {
      const decision = decideClearance(
        facts({ releases: [release({ defects: ['treatment is conditioned on signing'] })] }),
        use(),
      );
      assert.deepEqual(
        decision.reasons.map((r) => r.code),
        ['release_defective'],
      );
      assert.match(decision.reasons[0].message, /treatment is conditioned on signing/);
    });

    it('is governed by the newest signed version: an amendment narrowing the scope wins over the old one', () => {
      const amendedAt = new Date('2026-04-01T00:00:00Z');
      const old = release({ supersededAt: amendedAt });
      const amendment = release({ id: 'release-2', version: 2, signedAt: amendedAt }, { faceAllowed: false });
      const decision = decideClearance(facts({ releases: [old, amendment] }), use({ faceShown: true }));
      assert.deepEqual(
        decision.reasons.map((r) => r.code),
        ['face_not_allowed'],
      );
      assert.equal(decision.releaseId, 'release-2');
      assert.equal(decision.releaseVersion, 2);
      // Asked about a time before the amendment, the old version governed.
      const before = decideClearance(
        facts({ releases: [old, amendment] }),
        use({ faceShown: true, at: new Date('2026-03-15T00:00:00Z') }),
      );
      assert.equal(before.allowed, true);
      assert.equal(before.releaseId, 'release-1');
    });

    it('is governed by a newer separate release over an older one, even one that is more generous', () => {
      const older = release({ id: 'older', signedAt: new Date('2026-01-01T00:00:00Z') });
      const newer = release({ id: 'newer', signedAt: new Date('2026-02-01T00:00:00Z') }, { channels: ['print'] });
      const decision = decideClearance(facts({ releases: [newer, older] }), use({ channel: 'website' }));
      assert.equal(decision.releaseId, 'newer');
      assert.deepEqual(
        decision.reasons.map((r) => r.code),
        ['channel_not_permitted'],
      );
    });
  });

  describe('revocations count from the moment they were received', () => {
    const receivedAt = new Date('2026-05-10T09:30:00Z');
    const revocation = (scope: ClearanceRevocation['scope']): ClearanceRevocation => ({
      id: 'revocation-1',
      receivedAt,
      scope,
    });

    it('denies every use at or after a revocation of everything, and none before it', () => {
      const revoked = facts({ revocations: [revocation({ kind: 'everything' })] });
      assert.equal(decideClearance(revoked, use({ at: new Date(receivedAt.getTime() - 1) })).allowed, true);
      assert.deepEqual(codes(revoked, use({ at: receivedAt })), ['release_revoked']);
      assert.deepEqual(codes(revoked, use({ at: NOW, channel: 'print' })), ['release_revoked']);
    });

    it('leaves a release signed after the revocation in force: it is a new consent', () => {
      const later = release({ id: 'release-2', signedAt: new Date('2026-05-20T00:00:00Z') });
      assert.equal(
        decideClearance(
          facts({ releases: [release(), later], revocations: [revocation({ kind: 'everything' })] }),
          use(),
        ).allowed,
        true,
      );
    });

    it('denies only the revoked channels, and a broader channel that includes one of them', () => {
      const noSocial = facts({ revocations: [revocation({ kind: 'channels', channels: ['social.instagram'] })] });
      assert.deepEqual(codes(noSocial, use({ channel: 'social.instagram' })), ['channel_revoked']);
      assert.deepEqual(codes(noSocial, use({ channel: 'social' })), ['channel_revoked']);
      assert.equal(decideClearance(noSocial, use({ channel: 'social.facebook' })).allowed, true);
      assert.equal(decideClearance(noSocial, use({ channel: 'website' })).allowed, true);
    });

    it('ends only the authorizations it names, when it names some', () => {
      const other = release({ id: 'release-2', seriesId: 'release-2', caseIds: ['case-9'] });
      const ofOther = { ...revocation({ kind: 'everything' }), releaseSeriesIds: ['release-2'] };
      assert.equal(
        decideClearance(facts({ releases: [release(), other], revocations: [ofOther] }), use()).allowed,
        true,
      );
      const ofThis = { ...revocation({ kind: 'channels', channels: ['website'] }), releaseSeriesIds: ['release-1'] };
      assert.deepEqual(codes(facts({ releases: [release(), other], revocations: [ofThis] }), use()), [
        'channel_revoked',
      ]);
    });

    it('denies a withdrawn photo and no other', () => {
      const withdrawn = facts({ revocations: [revocation({ kind: 'photos', photoIds: ['photo-1'] })] });
      assert.deepEqual(codes(withdrawn, use()), ['photo_withdrawn']);
      const other = facts({ revocations: [revocation({ kind: 'photos', photoIds: ['photo-9'] })] });
      assert.equal(decideClearance(other, use()).allowed, true);
    });
  });

  describe('6. holds', () => {
    const hold = (liftedAt: Date | null): ClearanceHold => ({
      id: 'hold-1',
      placedAt: new Date('2026-05-01T00:00:00Z'),
      liftedAt,
    });

    it('denies every use while a hold stands, and allows again once it is lifted', () => {
      assert.deepEqual(codes(facts({ holds: [hold(null)] }), use()), ['photo_on_hold']);
      assert.equal(
        decideClearance(facts({ holds: [hold(null)] }), use()).reasons[0].message,
        'The photo has been on hold since 2026-05-01.',
      );
      assert.equal(decideClearance(facts({ holds: [hold(new Date('2026-05-15T00:00:00Z'))] }), use()).allowed, true);
      assert.deepEqual(
        codes(
          facts({ holds: [hold(new Date('2026-05-15T00:00:00Z'))] }),
          use({ at: new Date('2026-05-10T00:00:00Z') }),
        ),
        ['photo_on_hold'],
      );
    });
  });

  describe('deciding about the present', () => {
    const later = (ms: number) => new Date(NOW.getTime() + ms);

    it('decides now when every change among the facts is older', () => {
      assert.deepEqual(presentOf(facts(), NOW), NOW);
    });

    it('counts a hold, a revocation or an amendment stamped a little after now as having happened', () => {
      const held = facts({ holds: [{ id: 'hold-1', placedAt: later(40), liftedAt: null }] });
      assert.deepEqual(codes(held, use()), [], 'at a stale now the hold has not started');
      assert.deepEqual(codes(held, use({ at: presentOf(held, NOW) })), ['photo_on_hold']);

      const revoked = facts({ revocations: [{ id: 'r', receivedAt: later(25), scope: { kind: 'everything' } }] });
      assert.deepEqual(codes(revoked, use({ at: presentOf(revoked, NOW) })), ['release_revoked']);

      const amended = facts({
        releases: [
          release({ supersededAt: later(30) }),
          release({ id: 'release-1-v2', version: 2, signedAt: later(10) }, { channels: ['social'] }),
        ],
      });
      assert.deepEqual(codes(amended, use()), [], 'at a stale now the wider first version governs');
      assert.deepEqual(codes(amended, use({ at: presentOf(amended, NOW) })), ['channel_not_permitted']);
    });

    it('does not follow a clock far ahead into the future', () => {
      const aYearOn = facts({
        holds: [{ id: 'hold-1', placedAt: later(365 * 86_400_000), liftedAt: null }],
      });
      assert.deepEqual(presentOf(aYearOn, NOW), later(MAX_CLOCK_AHEAD_MS));
    });

    it('takes the latest change of all, a lifted hold included', () => {
      const lifted = facts({
        holds: [{ id: 'hold-1', placedAt: later(-5000), liftedAt: later(70) }],
        revocations: [{ id: 'r', receivedAt: later(20), scope: { kind: 'channels', channels: ['print'] } }],
      });
      assert.deepEqual(presentOf(lifted, NOW), later(70));
      assert.equal(decideClearance(lifted, use({ at: later(70) })).allowed, true);
    });
  });

  describe('2. channels', () => {
    it('allows a channel under a permitted prefix and refuses one outside all of them, naming the permitted', () => {
      const socialOnly = facts({ releases: [release({}, { channels: ['social'] })] });
      assert.equal(decideClearance(socialOnly, use({ channel: 'social.tiktok' })).allowed, true);
      const decision = decideClearance(socialOnly, use({ channel: 'website' }));
      assert.deepEqual(
        decision.reasons.map((r) => r.code),
        ['channel_not_permitted'],
      );
      assert.deepEqual(decision.remedies, ['Choose a channel the release permits: social.']);
    });

    it('does not read a grant of one network as a grant of all social media', () => {
      const instagram = facts({ releases: [release({}, { channels: ['social.instagram'] })] });
      assert.deepEqual(codes(instagram, use({ channel: 'social' })), ['channel_not_permitted']);
    });

    it('refuses a denied channel under a permitted prefix, and the broader channel that includes it', () => {
      const noTiktok = facts({ releases: [release({}, { channels: ['social'], deniedChannels: ['social.tiktok'] })] });
      assert.deepEqual(codes(noTiktok, use({ channel: 'social.tiktok' })), ['channel_denied']);
      assert.deepEqual(codes(noTiktok, use({ channel: 'social' })), ['channel_denied']);
      assert.equal(decideClearance(noTiktok, use({ channel: 'social.instagram' })).allowed, true);
    });
  });

  describe('3-5. what the use shows', () => {
    it('refuses a face the release does not allow, with the remedy of cropping it', () => {
      const decision = decideClearance(
        facts({ releases: [release({}, { faceAllowed: false })] }),
        use({ faceShown: true }),
      );
      assert.deepEqual(
        decision.reasons.map((r) => r.code),
        ['face_not_allowed'],
      );
      assert.deepEqual(decision.remedies, ['Crop or obscure the face.']);
      assert.equal(
        decideClearance(facts({ releases: [release({}, { faceAllowed: false })] }), use({ faceShown: false })).allowed,
        true,
      );
    });

    it('requires each identifying mark obscured when the release says so, with one remedy per mark', () => {
      const marked = {
        photo: { ...PHOTO, identifyingMarks: ['tattoo on the left forearm', 'scar on the chin'] },
        releases: [release({}, { obscureIdentifyingMarks: true })],
        revocations: [],
        holds: [],
      };
      const decision = decideClearance(marked, use());
      assert.deepEqual(
        decision.reasons.map((r) => r.code),
        ['marks_not_obscured'],
      );
      assert.deepEqual(decision.remedies, ['Obscure the tattoo on the left forearm.', 'Obscure the scar on the chin.']);
      assert.equal(decideClearance(marked, use({ marksObscured: true })).allowed, true);
      // Without marks on the photo, or without the requirement, nothing needs obscuring.
      assert.equal(decideClearance({ ...marked, photo: PHOTO }, use()).allowed, true);
      assert.equal(decideClearance({ ...marked, releases: [release()] }, use()).allowed, true);
    });

    it('refuses a name, paid placement and educational use unless each is allowed', () => {
      const strict = facts({
        releases: [release({}, { nameAllowed: false, paidAdvertisingAllowed: false, educationalUseAllowed: false })],
      });
      assert.deepEqual(codes(strict, use({ nameShown: true })), ['name_not_allowed']);
      assert.deepEqual(codes(strict, use({ paid: true })), ['paid_not_allowed']);
      assert.deepEqual(codes(strict, use({ channel: 'education' })), ['education_not_allowed']);
      assert.equal(decideClearance(strict, use()).allowed, true);
    });

    it('reports every failed rule at once, in the order of the rule, with every remedy', () => {
      const decision = decideClearance(
        {
          photo: { ...PHOTO, identifyingMarks: ['tattoo on the left forearm'] },
          releases: [
            release(
              { expiresAt: new Date('2026-04-01T00:00:00Z') },
              {
                channels: ['website'],
                faceAllowed: false,
                obscureIdentifyingMarks: true,
                nameAllowed: false,
                paidAdvertisingAllowed: false,
              },
            ),
          ],
          revocations: [],
          holds: [{ id: 'h', placedAt: SIGNED, liftedAt: null }],
        },
        use({ channel: 'social.instagram', faceShown: true, nameShown: true, paid: true }),
      );
      assert.deepEqual(
        decision.reasons.map((r) => r.code),
        [
          'release_expired',
          'photo_on_hold',
          'channel_not_permitted',
          'face_not_allowed',
          'marks_not_obscured',
          'name_not_allowed',
          'paid_not_allowed',
        ],
      );
      assert.deepEqual(decision.remedies, [
        'Ask the patient to sign a new release.',
        'Choose a channel the release permits: website.',
        'Crop or obscure the face.',
        'Obscure the tattoo on the left forearm.',
        "Leave the patient's name out.",
        'Use the photo only in unpaid placements.',
      ]);
      assert.equal(decision.validUntil, null);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over generated facts and uses

const START = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
const instant = fc.integer({ min: 0, max: 400 }).map((days) => new Date(START + days * DAY));
const channel = fc.constantFrom(...CHANNEL_CODES);
const scopeArbitrary: fc.Arbitrary<ReleaseScope> = fc.record({
  channels: fc.uniqueArray(channel, { maxLength: 4 }),
  deniedChannels: fc.uniqueArray(channel, { maxLength: 2 }),
  faceAllowed: fc.boolean(),
  obscureIdentifyingMarks: fc.boolean(),
  nameAllowed: fc.boolean(),
  paidAdvertisingAllowed: fc.boolean(),
  educationalUseAllowed: fc.boolean(),
});
const releaseArbitrary: fc.Arbitrary<ClearanceRelease> = fc
  .record({
    id: fc.uuid(),
    seriesId: fc.constantFrom('series-a', 'series-b'),
    version: fc.integer({ min: 1, max: 5 }),
    signedAt: instant,
    expiresIn: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
    supersededIn: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
    coversAllCases: fc.boolean(),
    caseIds: fc.subarray([CASE, OTHER_CASE]),
    defects: fc.subarray(['no expiry', 'treatment is conditioned on signing'], { maxLength: 1 }),
    scope: scopeArbitrary,
  })
  .map(({ expiresIn, supersededIn, ...rest }) => ({
    ...rest,
    expiresAt: expiresIn === null ? null : new Date(rest.signedAt.getTime() + expiresIn * DAY),
    supersededAt: supersededIn === null ? null : new Date(rest.signedAt.getTime() + supersededIn * DAY),
  }));
const revocationArbitrary: fc.Arbitrary<ClearanceRevocation> = fc.record(
  {
    id: fc.uuid(),
    receivedAt: instant,
    releaseSeriesIds: fc.subarray(['series-a', 'series-b'], { minLength: 1 }),
    scope: fc.oneof(
      fc.constant({ kind: 'everything' as const }),
      fc.record({
        kind: fc.constant('channels' as const),
        channels: fc.uniqueArray(channel, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant('photos' as const),
        photoIds: fc.subarray(['photo-1', 'photo-2'], { minLength: 1 }),
      }),
    ),
  },
  { requiredKeys: ['id', 'receivedAt', 'scope'] },
);
const holdArbitrary: fc.Arbitrary<ClearanceHold> = fc.record({
  id: fc.uuid(),
  reason: fc.constant('disputed'),
  placedAt: instant,
  liftedAt: fc.option(instant, { nil: null }),
});
const factsArbitrary: fc.Arbitrary<ClearanceFacts> = fc.record({
  photo: fc.record({
    id: fc.constant('photo-1'),
    caseId: fc.constantFrom(CASE, OTHER_CASE),
    identifyingMarks: fc.subarray(['tattoo on the left forearm', 'birthmark on the neck']),
  }),
  releases: fc.array(releaseArbitrary, { maxLength: 4 }),
  revocations: fc.array(revocationArbitrary, { maxLength: 2 }),
  holds: fc.array(holdArbitrary, { maxLength: 1 }),
});
const useArbitrary: fc.Arbitrary<IntendedUse> = fc.record({
  channel,
  at: instant,
  faceShown: fc.boolean(),
  marksObscured: fc.boolean(),
  nameShown: fc.boolean(),
  paid: fc.boolean(),
});

describe('properties of the clearance rule', () => {
  it('allows exactly when no reason failed, and offers remedies only for a denial', () => {
    fc.assert(
      fc.property(factsArbitrary, useArbitrary, (facts_, use_) => {
        const decision = decideClearance(facts_, use_);
        assert.equal(decision.allowed, decision.reasons.length === 0);
        if (decision.allowed) assert.deepEqual(decision.remedies, []);
        else assert.equal(decision.validUntil, null);
      }),
    );
  });

  it('allows nothing without a release covering the photo', () => {
    fc.assert(
      fc.property(factsArbitrary, useArbitrary, (facts_, use_) => {
        const uncovered = facts_.releases.map((each) => ({ ...each, coversAllCases: false, caseIds: [] }));
        assert.equal(decideClearance({ ...facts_, releases: uncovered }, use_).allowed, false);
        assert.equal(decideClearance({ ...facts_, releases: [] }, use_).allowed, false);
      }),
    );
  });

  it('never turns a denial into an allowance by adding a denied channel', () => {
    fc.assert(
      fc.property(factsArbitrary, useArbitrary, channel, fc.nat(), (facts_, use_, extra, pick) => {
        fc.pre(facts_.releases.length > 0);
        const index = pick % facts_.releases.length;
        const narrowed = facts_.releases.map((each, i) =>
          i === index
            ? { ...each, scope: { ...each.scope, deniedChannels: [...each.scope.deniedChannels, extra] } }
            : each,
        );
        if (!decideClearance(facts_, use_).allowed) {
          assert.equal(decideClearance({ ...facts_, releases: narrowed }, use_).allowed, false);
        }
      }),
    );
  });

  it('denies any use at or after a revocation of everything, for releases signed before it', () => {
    fc.assert(
      fc.property(factsArbitrary, useArbitrary, fc.integer({ min: 0, max: 30 }), (facts_, use_, daysBefore) => {
        const receivedAt = new Date(use_.at.getTime() - daysBefore * DAY);
        const signedBefore = facts_.releases.filter((each) => each.signedAt.getTime() <= receivedAt.getTime());
        const revoked = {
          ...facts_,
          releases: signedBefore,
          revocations: [...facts_.revocations, { id: 'r', receivedAt, scope: { kind: 'everything' as const } }],
        };
        assert.equal(decideClearance(revoked, use_).allowed, false);
      }),
    );
  });

  it('is governed by a newer signed version covering the photo over an older one', () => {
    fc.assert(
      fc.property(factsArbitrary, useArbitrary, scopeArbitrary, (facts_, use_, scope) => {
        const newest = release({
          id: 'newest',
          version: 9,
          signedAt: new Date(use_.at.getTime() - 1),
          coversAllCases: true,
          scope,
        });
        const older = facts_.releases.filter((each) => each.signedAt.getTime() < newest.signedAt.getTime());
        const decision = decideClearance({ ...facts_, releases: [...older, newest] }, use_);
        assert.equal(decision.releaseId, 'newest');
        // And the newer version's scope alone decides the scope rules.
        const alone = decideClearance({ ...facts_, releases: [newest] }, use_);
        assert.deepEqual(decision, alone);
      }),
    );
  });

  it('does not depend on the order of the facts, nor change them', () => {
    fc.assert(
      fc.property(factsArbitrary, useArbitrary, (facts_, use_) => {
        const before = JSON.stringify(facts_);
        const decision = decideClearance(facts_, use_);
        assert.equal(JSON.stringify(facts_), before);
        const reversed = {
          ...facts_,
          releases: [...facts_.releases].reverse(),
          revocations: [...facts_.revocations].reverse(),
        };
        assert.deepEqual(decideClearance(reversed, use_).allowed, decision.allowed);
        assert.deepEqual(decideClearance(reversed, use_).releaseId, decision.releaseId);
      }),
    );
  });
});
