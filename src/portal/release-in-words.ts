import { calendarDay } from '../common/calendar.js';
import type { ReleaseScope } from '../rights/clearance.js';

/** What a patient is told about a release: its scope and when it ends. */
export interface ReleaseScopeForPatient extends ReleaseScope {
  expiresAt: Date | null;
  expirationEvent: string | null;
}

const CHANNEL_NAMES: Record<string, string> = {
  website: 'the clinic’s website',
  social: 'social media',
  'social.instagram': 'Instagram',
  'social.facebook': 'Facebook',
  'social.tiktok': 'TikTok',
  'social.youtube': 'YouTube',
  'social.x': 'X (Twitter)',
  'social.pinterest': 'Pinterest',
  'social.linkedin': 'LinkedIn',
  email: 'email newsletters',
  print: 'printed material',
  in_office: 'displays in the clinic',
  review_sites: 'review sites',
  education: 'teaching and conferences',
};

export function channelName(code: string): string {
  return CHANNEL_NAMES[code] ?? code;
}

function list(codes: readonly string[]): string {
  const names = codes.map(channelName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * What a release lets the clinic do with the patient's photos, one sentence each, as the patient
 * reads it; dates are the clinic's calendar days.
 */
export function releaseInWords(scope: ReleaseScopeForPatient, timeZone: string): string[] {
  return [
    scope.channels.length > 0
      ? `Your photos may be shown on ${list(scope.channels)}.`
      : 'Your photos may not be shown anywhere.',
    ...(scope.deniedChannels.length > 0 ? [`They may never be shown on ${list(scope.deniedChannels)}.`] : []),
    scope.faceAllowed ? 'Your face may be shown.' : 'Your face may not be shown: it is cropped out or hidden.',
    scope.obscureIdentifyingMarks
      ? 'Tattoos, birthmarks and other identifying marks are hidden.'
      : 'Identifying marks such as tattoos may be visible.',
    scope.nameAllowed ? 'Your name may appear with the photos.' : 'Your name never appears with the photos.',
    scope.paidAdvertisingAllowed
      ? 'The photos may be used in paid advertising.'
      : 'The photos are not used in paid advertising.',
    scope.educationalUseAllowed
      ? 'The photos may be used for teaching and at conferences.'
      : 'The photos are not used for teaching.',
    scope.expiresAt
      ? `This consent ends on ${calendarDay(scope.expiresAt, timeZone)}, unless you withdraw it sooner.`
      : scope.expirationEvent
        ? `This consent ends when ${scope.expirationEvent}, unless you withdraw it sooner.`
        : 'This consent lasts until you withdraw it.',
    'You may withdraw it at any time; what was already done in reliance on it (such as brochures already handed out) cannot be undone.',
  ];
}
