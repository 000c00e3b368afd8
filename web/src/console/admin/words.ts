import type { components } from '../../shared/api';

export type StaffRole = components['schemas']['StaffRole'];
export type ApiKeyPermission = components['schemas']['ApiKeyPermission'];

/** Each role in words, and what its holder does: what an admin needs to choose one. */
export const ROLE_WORDS: Record<StaffRole, { label: string; description: string }> = {
  front_desk: {
    label: 'Front desk',
    description: 'Registers patients, records releases and revocations, uploads photos.',
  },
  marketing: {
    label: 'Marketing',
    description: 'Sees de-identified photos, checks clearance, records publications, works removal tasks.',
  },
  privacy_officer: {
    label: 'Privacy officer',
    description: 'Everything the front desk and marketing do, plus removal decisions and the audit trail.',
  },
  admin: {
    label: 'Administrator',
    description: 'Manages staff accounts and API keys; sees no patient data.',
  },
};

export const ROLE_OPTIONS = (Object.keys(ROLE_WORDS) as StaffRole[]).map((role) => ({
  value: role,
  label: ROLE_WORDS[role].label,
}));

/** What each permission an API key may hold allows another system to do. */
export const API_KEY_PERMISSION_WORDS: Record<ApiKeyPermission, { label: string; description: string }> = {
  'photos.read': {
    label: 'Read de-identified photos',
    description: 'See photos and their renditions, by patient code only: never a name or birth date.',
  },
  'clearance.check': {
    label: 'Check clearance',
    description: 'Ask whether a photo may be used on a channel, with the reasons when it may not.',
  },
  'publications.read': {
    label: 'Read publications',
    description: 'List where the clinic’s photos are published.',
  },
  'publications.write': {
    label: 'Record publications',
    description: 'Record a new publication; the service refuses one the patient’s release does not allow.',
  },
  'removals.read': {
    label: 'Read removal cases',
    description: 'See the open removal cases and their tasks, to take revoked photos down.',
  },
};

export const API_KEY_PERMISSIONS = Object.keys(API_KEY_PERMISSION_WORDS) as ApiKeyPermission[];
