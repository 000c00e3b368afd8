import { registerDecorator, type ValidationOptions } from 'class-validator';

// The channel catalogue of docs/architecture.md §2. Channels are dotted paths; a grant or denial of a prefix
// (e.g. `social`) covers everything under it (`social.instagram`).

export const SOCIAL_NETWORKS = ['instagram', 'facebook', 'tiktok', 'youtube', 'x', 'pinterest', 'linkedin'] as const;

/** Every channel code a release, a clearance check or a publication may name. */
export const CHANNEL_CODES: readonly string[] = [
  'website',
  'social',
  ...SOCIAL_NETWORKS.map((network) => `social.${network}`),
  'email',
  'print',
  'in_office',
  'review_sites',
  'education',
];

const KNOWN = new Set(CHANNEL_CODES);

export function isChannelCode(value: unknown): value is string {
  return typeof value === 'string' && KNOWN.has(value);
}

/** Whether `prefix` is `channel` itself or one of its ancestors. */
export function channelCovers(prefix: string, channel: string): boolean {
  return channel === prefix || channel.startsWith(`${prefix}.`);
}

/** Each element is a channel code of docs/architecture.md §2 (`website`, `social.instagram`, …). */
export function IsChannelCodeEach(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isChannelCode',
      target: target.constructor,
      propertyName: String(property),
      options: {
        message: `each of ${String(property)} must be one of ${CHANNEL_CODES.join(', ')}`,
        ...options,
      },
      validator: { validate: (value: unknown) => Array.isArray(value) && value.every(isChannelCode) },
    });
}

/** A channel code of docs/architecture.md §2. */
export function IsChannelCode(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isChannelCode',
      target: target.constructor,
      propertyName: String(property),
      options: { message: `${String(property)} must be one of ${CHANNEL_CODES.join(', ')}`, ...options },
      validator: { validate: isChannelCode },
    });
}
