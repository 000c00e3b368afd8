// Where a release version stands at a time: in force, narrowed, ended or no valid authorization, and
// why. One pure function beside the clearance rule, which decides a use under the governing version
// with it; the release views, the portal and the FHIR Consent tell the same standing.

import { channelCovers } from './channels.js';
import type { ClearanceRelease, ClearanceRevocation } from './clearance.js';

/** What a standing judges: a version's dates, its authorization's series, its coverage and its defects. */
export type StandingRelease = Pick<
  ClearanceRelease,
  'seriesId' | 'signedAt' | 'expiresAt' | 'supersededAt' | 'coversAllCases' | 'caseIds' | 'defects'
>;

/**
 * - `not_yet_signed`: asked about a time before it was signed;
 * - `ended`: superseded by a later version, expired or revoked (see `ended`);
 * - `defective`: the signed form is no valid authorization (see `defects`), so nothing is cleared under it;
 * - `narrowed`: in force, with channels or photos the patient withdrew since (see `narrowings`);
 * - `in_force`: in force as signed.
 */
export type ReleaseState = 'not_yet_signed' | 'ended' | 'defective' | 'narrowed' | 'in_force';

export const RELEASE_STATES: readonly ReleaseState[] = ['not_yet_signed', 'ended', 'defective', 'narrowed', 'in_force'];

/** Why a version no longer holds, in the clearance rule's order. */
export type ReleaseEnding =
  | { cause: 'superseded'; at: Date }
  | { cause: 'expired'; at: Date }
  | { cause: 'revoked'; at: Date; revocationId: string };

/** A withdrawal of channels or of photos that narrows the version, as far as it concerns it. */
export interface ReleaseNarrowing {
  kind: 'channels' | 'photos';
  revocationId: string;
  receivedAt: Date;
  /** The channel prefixes withdrawn (a withdrawal of channels). */
  channels: readonly string[];
  /** The photos withdrawn among those the version covers (a withdrawal of photos). */
  photoIds: readonly string[];
}

export interface ReleaseStanding {
  state: ReleaseState;
  ended: ReleaseEnding[];
  /** What 45 CFR 164.508(c) needs that the form lacks; any one makes it no valid authorization. */
  defects: readonly string[];
  narrowings: ReleaseNarrowing[];
}

/**
 * The standing of `release` at `at`, given every revocation of its patient. A revocation of
 * everything or of channels counts when it was received by `at`, since the version was signed,
 * for its authorization or for all the patient's (a release signed after a revocation is a new
 * consent). A withdrawal of photos counts for the photos the version covers (`caseOfPhoto` says
 * where each lies) whenever it was received by `at`: a withdrawn photo stays withdrawn.
 */
export function releaseStanding(
  release: StandingRelease,
  revocations: readonly ClearanceRevocation[],
  at: Date,
  caseOfPhoto: (photoId: string) => string | undefined = () => undefined,
): ReleaseStanding {
  const t = at.getTime();
  const received = revocations
    .filter((revocation) => revocation.receivedAt.getTime() <= t)
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ofThisRelease = received.filter(
    (revocation) =>
      revocation.receivedAt.getTime() >= release.signedAt.getTime() &&
      (revocation.releaseSeriesIds === undefined || revocation.releaseSeriesIds.includes(release.seriesId)),
  );
  const ended: ReleaseEnding[] = [];
  if (release.supersededAt && release.supersededAt.getTime() <= t) {
    ended.push({ cause: 'superseded', at: release.supersededAt });
  }
  if (release.expiresAt && release.expiresAt.getTime() <= t) ended.push({ cause: 'expired', at: release.expiresAt });
  for (const revocation of ofThisRelease) {
    if (revocation.scope.kind === 'everything') {
      ended.push({ cause: 'revoked', at: revocation.receivedAt, revocationId: revocation.id });
    }
  }
  const covers = (photoId: string): boolean => {
    const caseId = caseOfPhoto(photoId);
    return caseId !== undefined && (release.coversAllCases || release.caseIds.includes(caseId));
  };
  const narrowings: ReleaseNarrowing[] = [];
  for (const revocation of received) {
    const { scope } = revocation;
    if (scope.kind === 'channels' && ofThisRelease.includes(revocation)) {
      narrowings.push({
        kind: 'channels',
        revocationId: revocation.id,
        receivedAt: revocation.receivedAt,
        channels: scope.channels,
        photoIds: [],
      });
    } else if (scope.kind === 'photos') {
      const photoIds = scope.photoIds.filter(covers).sort();
      if (photoIds.length > 0) {
        narrowings.push({
          kind: 'photos',
          revocationId: revocation.id,
          receivedAt: revocation.receivedAt,
          channels: [],
          photoIds,
        });
      }
    }
  }
  const state: ReleaseState =
    release.signedAt.getTime() > t
      ? 'not_yet_signed'
      : ended.length > 0
        ? 'ended'
        : release.defects.length > 0
          ? 'defective'
          : narrowings.length > 0
            ? 'narrowed'
            : 'in_force';
  return { state, ended, defects: release.defects, narrowings };
}

/** The channel prefixes withdrawn from the version that touch `channel` (one is the other or lies under it). */
export function withdrawnChannels(standing: ReleaseStanding, channel: string): { channel: string; receivedAt: Date }[] {
  return standing.narrowings.flatMap((narrowing) =>
    narrowing.channels
      .filter((withdrawn) => channelCovers(withdrawn, channel) || channelCovers(channel, withdrawn))
      .map((withdrawn) => ({ channel: withdrawn, receivedAt: narrowing.receivedAt })),
  );
}
