import { calendarDay } from '../common/calendar.js';
import type { ClearanceReason, ClearanceRelease, PhotoStanding } from './clearance.js';

/** What a photo's rights metadata says, in words a person reads before using it. */
export interface UsageTerms {
  /** Whether some use can be cleared at all; when false, no use can. */
  usable: boolean;
  text: string;
  /** The governing release version, e.g. `3f2a…/v2`. */
  releaseReference: string | null;
  /** Until when the terms hold, when the release has an expiry date. */
  endsAt: Date | null;
}

export function usageTerms(standing: PhotoStanding): UsageTerms {
  const { release } = standing;
  const releaseReference = release ? `${release.id}/v${release.version}` : null;
  if (!release || standing.reasons.length > 0) {
    const why = standing.reasons.map(inWords).join(' ');
    return { usable: false, text: `Not cleared for any use. ${why} Do not publish.`, releaseReference, endsAt: null };
  }
  return {
    usable: true,
    text: scopeInWords(release, standing.revokedChannels, standing.timeZone ?? 'UTC'),
    releaseReference,
    endsAt: release.expiresAt,
  };
}

/**
 * A reason as the file's own metadata says it. The file's bytes travel beyond the service, so a
 * hold's reason (what a privacy officer typed, which may name the patient) and what makes a
 * release defective (which may tell that the patient was a minor) go in only as the fact.
 */
function inWords(reason: ClearanceReason): string {
  if (reason.code === 'photo_on_hold') return 'The photo is on hold.';
  if (reason.code === 'release_defective') return 'The release on file is not a valid authorization.';
  return reason.message;
}

function scopeInWords(release: ClearanceRelease, revokedChannels: readonly string[], timeZone: string): string {
  const { scope } = release;
  const excluded = [...scope.deniedChannels, ...revokedChannels];
  const sentences = [
    `Limited patient release, version ${release.version}.`,
    scope.channels.length > 0
      ? `Channels: ${scope.channels.join(', ')}${excluded.length > 0 ? `, except ${excluded.join(', ')}` : ''}.`
      : 'Channels: none.',
    scope.faceAllowed ? 'The face may be shown.' : 'The face must not be shown.',
    scope.obscureIdentifyingMarks ? 'Identifying marks must be obscured.' : 'Identifying marks may be shown.',
    scope.nameAllowed ? "The patient's name may be shown." : "The patient's name must not be shown.",
    scope.paidAdvertisingAllowed ? 'Paid advertising allowed.' : 'No paid advertising.',
    scope.educationalUseAllowed ? 'Educational use allowed.' : 'No educational use.',
    release.expiresAt
      ? `Valid until ${calendarDay(release.expiresAt, timeZone)} unless revoked sooner.`
      : 'Valid until revoked or until the expiration event on the form.',
    'Check clearance before each use.',
  ];
  return sentences.join(' ');
}
