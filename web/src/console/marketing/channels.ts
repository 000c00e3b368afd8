import type { components } from '../../shared/api';

export type Channel = components['schemas']['Channel'];

/** Every channel a photo may be used on, with the words marketing knows it by. */
export const CHANNELS: { value: Channel; label: string }[] = [
  { value: 'website', label: 'Website' },
  { value: 'social', label: 'Social media (all)' },
  { value: 'social.instagram', label: 'Instagram' },
  { value: 'social.facebook', label: 'Facebook' },
  { value: 'social.tiktok', label: 'TikTok' },
  { value: 'social.youtube', label: 'YouTube' },
  { value: 'social.x', label: 'X' },
  { value: 'social.pinterest', label: 'Pinterest' },
  { value: 'social.linkedin', label: 'LinkedIn' },
  { value: 'email', label: 'Email' },
  { value: 'print', label: 'Print' },
  { value: 'in_office', label: 'In the office' },
  { value: 'review_sites', label: 'Review sites' },
  { value: 'education', label: 'Education' },
];

const LABELS = new Map<string, string>(CHANNELS.map((channel) => [channel.value, channel.label]));

export function channelLabel(channel: string): string {
  return LABELS.get(channel) ?? channel;
}

export function isChannel(value: string | null): value is Channel {
  return value !== null && LABELS.has(value);
}

export const KIND_LABELS: Record<'before' | 'after' | 'progress', string> = {
  before: 'Before',
  after: 'After',
  progress: 'Progress',
};
