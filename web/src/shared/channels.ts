import type { components } from './api';

export type Channel = components['schemas']['Channel'];

/**
 * Every channel a release may grant and a photo may be used on, in the words the console and the
 * patient pages use alike: the top-level channels, the social networks after `social`.
 */
export const CHANNEL_NAMES: Record<Channel, string> = {
  website: 'Website',
  social: 'Social media',
  'social.instagram': 'Instagram',
  'social.facebook': 'Facebook',
  'social.tiktok': 'TikTok',
  'social.youtube': 'YouTube',
  'social.x': 'X (Twitter)',
  'social.pinterest': 'Pinterest',
  'social.linkedin': 'LinkedIn',
  email: 'Email newsletters',
  print: 'Printed material',
  in_office: 'Displays in the clinic',
  review_sites: 'Review sites',
  education: 'Teaching and conferences',
};

/** The channels in that order, as the options of a select. */
export const CHANNELS: { value: Channel; label: string }[] = (Object.keys(CHANNEL_NAMES) as Channel[]).map((value) => ({
  value,
  label: CHANNEL_NAMES[value],
}));

export function isChannel(value: string | null): value is Channel {
  return value !== null && Object.hasOwn(CHANNEL_NAMES, value);
}

/** A channel code in words; a code this page does not know yet, as it is. */
export function channelName(code: string): string {
  return isChannel(code) ? CHANNEL_NAMES[code] : code;
}
