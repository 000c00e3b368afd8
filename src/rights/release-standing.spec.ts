import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { ClearanceRevocation } from './clearance.js';
import { releaseStanding, type StandingRelease } from './release-standing.js';

const SIGNED = new Date('2026-03-01T10:00:00Z');
const NOW = new Date('2026-06-01T12:00:00Z');
const CASE_OF_PHOTO: Record<string, string> = { 'photo-covered': 'case-1', 'photo-elsewhere': 'case-2' };
const caseOf = (photoId: string) => CASE_OF_PHOTO[photoId];

const RELEASE: StandingRelease = {
  seriesId: 'series-1',
  signedAt: SIGNED,
  expiresAt: null,
  supersededAt: null,
  coversAllCases: false,
  caseIds: ['case-1'],
  defects: [],
};

function revocation(
  receivedAt: string,
  scope: ClearanceRevocation['scope'],
  releaseSeriesIds?: string[],
): ClearanceRevocation {
  const made: ClearanceRevocation = { id: `revocation-${receivedAt}`, receivedAt: new Date(receivedAt), scope };
  return releaseSeriesIds ? { ...made, releaseSeriesIds } : made;
}

describe('releaseStanding', () => {
  it('is in force with nothing against it, and not yet signed before its signing', () => {
    assert.equal(releaseStanding(RELEASE, [], NOW).state, 'in_force');
    assert.equal(releaseStanding(RELEASE, [], new Date('2026-02-01T00:00:00Z')).state, 'not_yet_signed');
  });

  it('ends by supersession, expiry and revocation, named in the rule’s order, and each only once it happened', () => {
    const ended = releaseStanding(
      { ...RELEASE, supersededAt: new Date('2026-04-01T00:00:00Z'), expiresAt: new Date('2026-05-01T00:00:00Z') },
      [revocation('2026-05-15T00:00:00Z', { kind: 'everything' })],
      NOW,
    );
    assert.equal(ended.state, 'ended');
    assert.deepEqual(
      ended.ended.map((ending) => ending.cause),
      ['superseded', 'expired', 'revoked'],
    );
    assert.equal(
      releaseStanding(RELEASE, [revocation('2026-07-01T00:00:00Z', { kind: 'everything' })], NOW).state,
      'in_force',
      'a revocation received after the time asked about does not count yet',
    );
  });

  it('is not ended by a revocation received before it was signed, or of another authorization', () => {
    const revocations = [
      revocation('2026-02-01T00:00:00Z', { kind: 'everything' }),
      revocation('2026-04-01T00:00:00Z', { kind: 'everything' }, ['series-2']),
    ];
    assert.equal(releaseStanding(RELEASE, revocations, NOW).state, 'in_force');
  });

  it('is defective when the form lacks an element, unless it ended first', () => {
    const defective = { ...RELEASE, defects: ['the right to revoke is not stated'] };
    assert.equal(releaseStanding(defective, [], NOW).state, 'defective');
    assert.equal(
      releaseStanding({ ...defective, expiresAt: new Date('2026-05-01T00:00:00Z') }, [], NOW).state,
      'ended',
    );
  });

  it('is narrowed by channels withdrawn since its signing, and by withdrawals of the photos it covers, whenever', () => {
    const standing = releaseStanding(
      RELEASE,
      [
        revocation('2026-01-15T00:00:00Z', { kind: 'photos', photoIds: ['photo-covered', 'photo-elsewhere'] }),
        revocation('2026-02-15T00:00:00Z', { kind: 'channels', channels: ['print'] }),
        revocation('2026-04-01T00:00:00Z', { kind: 'channels', channels: ['social'] }),
        revocation('2026-04-02T00:00:00Z', { kind: 'photos', photoIds: ['photo-elsewhere'] }),
      ],
      NOW,
      caseOf,
    );
    assert.equal(standing.state, 'narrowed');
    assert.deepEqual(
      standing.narrowings.map(({ kind, channels, photoIds }) => ({ kind, channels, photoIds })),
      [
        { kind: 'photos', channels: [], photoIds: ['photo-covered'] },
        { kind: 'channels', channels: ['social'], photoIds: [] },
      ],
    );
  });
});
