import { CHANNELS as ALL_CHANNELS, channelName, isChannel, type Channel } from '../../shared/channels';

export { isChannel, type Channel };

/** Every channel a photo may be used on; `social` checks or records every network at once. */
export const CHANNELS: { value: Channel; label: string }[] = ALL_CHANNELS.map((channel) =>
  channel.value === 'social' ? { ...channel, label: 'Social media (all)' } : channel,
);

export const channelLabel = channelName;

export const KIND_LABELS: Record<'before' | 'after' | 'progress', string> = {
  before: 'Before',
  after: 'After',
  progress: 'Progress',
};
