// The service's codes in the words a patient reads (the same names as the overview's sentences).
import { channelName as staffChannelName, type Channel } from '../shared/channels';

export type { Channel };

export function channelName(code: string): string {
  return code === 'website' ? 'The clinic’s website' : staffChannelName(code);
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

export const RELEASE_STATUS: Record<string, Tone> = {
  active: { label: 'In force', color: 'green' },
  narrowed: { label: 'In force, partly withdrawn', color: 'yellow' },
  revoked: { label: 'Withdrawn', color: 'gray' },
  expired: { label: 'Ended', color: 'gray' },
  // The signed form lacks something the law requires: the clinic may not use the photos under it.
  not_valid: { label: 'Not valid: the clinic may not use it', color: 'red' },
};

export const PUBLICATION_STATUS: Record<string, Tone> = {
  live: { label: 'Shown now', color: 'blue' },
  removal_pending: { label: 'Being taken down', color: 'orange' },
  removed: { label: 'Taken down', color: 'green' },
  not_removable: { label: 'Cannot be taken down', color: 'red' },
};

export const TASK_STATUS: Record<string, Tone> = {
  open: { label: 'To be taken down', color: 'orange' },
  done: { label: 'Taken down', color: 'green' },
  not_removable_requested: { label: 'Being reviewed', color: 'yellow' },
  not_removable: { label: 'Cannot be taken down', color: 'red' },
};

export const PHOTO_KIND: Record<string, string> = {
  before: 'Before treatment',
  after: 'After treatment',
  progress: 'During treatment',
};

export function tone(table: Record<string, Tone>, code: string): Tone {
  return table[code] ?? { label: code.replaceAll('_', ' '), color: 'gray' };
}

export function day(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

export function moment(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}
