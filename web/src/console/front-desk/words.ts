import type { components } from '../../shared/api';
import { CHANNEL_NAMES, type Channel } from '../../shared/channels';

export { CHANNEL_NAMES, type Channel };

export type Scope = components['schemas']['ScopeDto'];

export const TOP_CHANNELS: Channel[] = [
  'website',
  'social',
  'email',
  'print',
  'in_office',
  'review_sites',
  'education',
];
export const SOCIAL_CHANNELS: Channel[] = [
  'social.instagram',
  'social.facebook',
  'social.tiktok',
  'social.youtube',
  'social.x',
  'social.pinterest',
  'social.linkedin',
];

/** Whether a scope allows a channel: granted itself or through its parent, and not denied. */
export function allows(scope: Pick<Scope, 'channels' | 'deniedChannels'>, channel: Channel): boolean {
  const denied = scope.deniedChannels ?? [];
  if (denied.includes(channel)) return false;
  return scope.channels.some((granted) => channel === granted || channel.startsWith(`${granted}.`));
}

/**
 * The short line a person at the desk checks against the paper form, e.g.
 * "Website: yes · Instagram: no · Face: may be shown".
 */
export function scopeLine(scope: Scope): string {
  const channels = [...TOP_CHANNELS.filter((channel) => channel !== 'social'), ...SOCIAL_CHANNELS].map(
    (channel) => `${CHANNEL_NAMES[channel]}: ${allows(scope, channel) ? 'yes' : 'no'}`,
  );
  return [
    ...channels,
    `Face: ${scope.faceAllowed ? 'may be shown' : 'hidden'}`,
    `Name: ${scope.nameAllowed ? 'may be shown' : 'never shown'}`,
  ].join(' · ');
}

/** What the scope allows and forbids, one sentence each, as the portal tells the patient. */
export function scopeSentences(scope: Scope): { allowed: string[]; forbidden: string[] } {
  const everyChannel = [...TOP_CHANNELS.filter((channel) => channel !== 'social'), ...SOCIAL_CHANNELS];
  const yes = everyChannel.filter((channel) => allows(scope, channel)).map((channel) => CHANNEL_NAMES[channel]);
  const no = everyChannel.filter((channel) => !allows(scope, channel)).map((channel) => CHANNEL_NAMES[channel]);
  const allowed: string[] = [];
  const forbidden: string[] = [];
  if (yes.length > 0) allowed.push(`Photos may be shown on: ${yes.join(', ')}.`);
  if (no.length > 0) forbidden.push(`Never on: ${no.join(', ')}.`);
  (scope.faceAllowed ? allowed : forbidden).push(
    scope.faceAllowed ? 'The face may be shown.' : 'The face may not be shown: it is cropped out or hidden.',
  );
  (scope.obscureIdentifyingMarks ? forbidden : allowed).push(
    scope.obscureIdentifyingMarks
      ? 'Tattoos, birthmarks and other identifying marks must be hidden.'
      : 'Identifying marks such as tattoos may be visible.',
  );
  (scope.nameAllowed ? allowed : forbidden).push(
    scope.nameAllowed ? 'The name may appear with the photos.' : 'The name never appears with the photos.',
  );
  (scope.paidAdvertisingAllowed ? allowed : forbidden).push(
    scope.paidAdvertisingAllowed ? 'Paid advertising is allowed.' : 'No paid advertising.',
  );
  (scope.educationalUseAllowed ? allowed : forbidden).push(
    scope.educationalUseAllowed ? 'Teaching and conferences are allowed.' : 'No teaching or conferences.',
  );
  return { allowed, forbidden };
}

/** The fields of a release form the 164.508(c) checklist judges. */
export interface ChecklistInput {
  informationDescription: string;
  disclosingParty: string;
  recipients: string;
  purpose: string;
  expiresAt: string;
  expirationEvent: string;
  signedAt: string;
  signerType: 'patient' | 'guardian';
  signerFullName: string;
  signerRelationship: string;
  signerAuthority: string;
  rightToRevokeStatement: boolean;
  conditioningStatement: boolean;
  treatmentConditionedOnSigning: boolean;
  redisclosureStatement: boolean;
  copyProvidedToSigner: boolean;
}

export interface DraftChecklistItem {
  element: string;
  citation: string;
  missing: string | null;
}

const filled = (text: string) => text.trim().length > 0;

/**
 * What the form still lacks, element by element, mirroring the service's 164.508(c) checklist
 * (src/rights/release-checklist.ts) with the same sentences; the service judges the signer's age
 * and gives the final checklist once the release is recorded.
 */
export function draftChecklist(form: ChecklistInput): DraftChecklistItem[] {
  const signature = !filled(form.signedAt)
    ? 'The signing date is not recorded.'
    : form.signerType === 'guardian' && !filled(form.signerFullName)
      ? 'The signer is not recorded.'
      : form.signerType === 'guardian' && !(filled(form.signerRelationship) && filled(form.signerAuthority))
        ? "The guardian's relationship or authority to sign is not recorded."
        : null;
  return [
    {
      element: 'Description of the photos',
      citation: '164.508(c)(1)(i)',
      missing: filled(form.informationDescription)
        ? null
        : 'No description of the photos to be disclosed was recorded.',
    },
    {
      element: 'Who may disclose',
      citation: '164.508(c)(1)(ii)',
      missing: filled(form.disclosingParty) ? null : 'The form does not name who may disclose the photos.',
    },
    {
      element: 'Recipients',
      citation: '164.508(c)(1)(iii)',
      missing: filled(form.recipients) ? null : 'The form does not name the recipients.',
    },
    {
      element: 'Purpose',
      citation: '164.508(c)(1)(iv)',
      missing: filled(form.purpose) ? null : 'The form does not state the purpose.',
    },
    {
      element: 'Expiration',
      citation: '164.508(c)(1)(v)',
      missing:
        filled(form.expiresAt) || filled(form.expirationEvent)
          ? null
          : 'Neither an expiry date nor an expiration event.',
    },
    { element: 'Signature and date', citation: '164.508(c)(1)(vi)', missing: signature },
    {
      element: 'Right to revoke',
      citation: '164.508(c)(2)(i)',
      missing: form.rightToRevokeStatement ? null : 'The form lacks the statement of the right to revoke.',
    },
    {
      element: 'Treatment not conditioned',
      citation: '164.508(c)(2)(ii)',
      missing: !form.conditioningStatement
        ? 'The form lacks the statement about conditioning treatment on signing.'
        : form.treatmentConditionedOnSigning
          ? 'Treatment was conditioned on signing, which a photo release may not do (164.508(b)(4)).'
          : null,
    },
    {
      element: 'Redisclosure',
      citation: '164.508(c)(2)(iii)',
      missing: form.redisclosureStatement ? null : 'The form lacks the redisclosure statement.',
    },
    {
      element: 'Copy to the signer',
      citation: '164.508(c)(4)',
      missing: form.copyProvidedToSigner ? null : 'No copy was recorded as given to the signer.',
    },
  ];
}

/** Age in whole years on `day` (YYYY-MM-DD) of someone born on `dateOfBirth` (YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: string): number | undefined {
  const born = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const today = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!born || !today) return undefined;
  const years = Number(today[1]) - Number(born[1]);
  const beforeBirthday = `${today[2]}${today[3]}` < `${born[2]}${born[3]}`;
  return beforeBirthday ? years - 1 : years;
}

/** Today's calendar day in this browser, YYYY-MM-DD. */
export function todayLocal(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

export const RELATIONSHIPS = [
  { value: 'parent', label: 'Parent' },
  { value: 'legal_guardian', label: 'Legal guardian' },
  { value: 'healthcare_agent', label: 'Healthcare agent' },
  { value: 'other', label: 'Other' },
];
