// The service's codes in the words a patient reads, in the language of the patient pages.
import { channelName as staffChannelName, type Channel } from '../shared/channels';
import { patientI18n } from './i18n';

export type { Channel };

const t = (key: string, fallback: string) => patientI18n.t(key, { defaultValue: fallback });

export function channelName(code: string): string {
  return t(`channels.${code}`, staffChannelName(code));
}

/** The channels a patient may withdraw, broadest first (social covers every network). */
export const WITHDRAWABLE_CHANNELS: readonly Channel[] = [
  'website',
  'social',
  'email',
  'print',
  'in_office',
  'review_sites',
  'education',
];

type Tone = { label: string; color: string };

export const RELEASE_STATUS = 'releaseStatus';
export const PUBLICATION_STATUS = 'publicationStatus';
export const TASK_STATUS = 'taskStatus';

const COLORS: Record<string, Record<string, string>> = {
  [RELEASE_STATUS]: {
    active: 'green',
    narrowed: 'yellow',
    revoked: 'gray',
    expired: 'gray',
    // The signed form lacks something the law requires: the clinic may not use the photos under it.
    not_valid: 'red',
  },
  [PUBLICATION_STATUS]: { live: 'blue', removal_pending: 'orange', removed: 'green', not_removable: 'red' },
  [TASK_STATUS]: { open: 'orange', done: 'green', not_removable_requested: 'yellow', not_removable: 'red' },
};

/** A status in words and its colour. */
export function tone(table: string, code: string): Tone {
  return { label: t(`${table}.${code}`, code.replaceAll('_', ' ')), color: COLORS[table]?.[code] ?? 'gray' };
}

export function photoKind(kind: string): string {
  return t(`photoKind.${kind}`, t('photo', 'Photo'));
}

export function day(iso: string): string {
  return new Date(iso).toLocaleDateString(patientI18n.language, { year: 'numeric', month: 'long', day: 'numeric' });
}

export function moment(iso: string): string {
  return new Date(iso).toLocaleString(patientI18n.language, { dateStyle: 'long', timeStyle: 'short' });
}
