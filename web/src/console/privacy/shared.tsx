import { Badge, Group, Text } from '@mantine/core';
import type { components } from '../../shared/api';
import { durationInWords } from '../../shared/time';
import { CHANNEL_NAMES, type Channel } from '../../shared/channels';

export { CHANNEL_NAMES, type Channel };
export type RemovalCase = components['schemas']['RemovalCaseDto'];
export type RemovalCaseSummary = components['schemas']['RemovalCaseSummaryDto'];
export type RemovalTask = components['schemas']['RemovalTaskDto'];

export const ORIGIN_NAMES: Record<RemovalCaseSummary['origin'], string> = {
  revocation: 'Revocation',
  release_expiry: 'Release expired',
  release_narrowed: 'Release narrowed',
  date_of_birth_corrected: 'Date of birth corrected',
};

export const TASK_STATUS: Record<RemovalTask['status'], { label: string; color: string }> = {
  open: { label: 'To take down', color: 'orange' },
  not_removable_requested: { label: 'Waiting for approval', color: 'yellow' },
  done: { label: 'Taken down', color: 'green' },
  not_removable: { label: 'Approved to stay up', color: 'gray' },
};

/**
 * Time left to a case's deadline, or how long it is overdue: in words as well as colour, so it
 * reads the same to everyone.
 */
export function Countdown({ dueAt, open, now }: { dueAt: string; open: boolean; now: number }) {
  if (!open) return <Text size="sm">Closed</Text>;
  const left = new Date(dueAt).getTime() - now;
  if (left <= 0) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Badge color="red.9" variant="filled">
          Overdue
        </Badge>
        <Text size="sm" c="red.9" fw={600}>
          by {durationInWords(left)}
        </Text>
      </Group>
    );
  }
  const soon = left < 7 * 24 * 3600_000;
  return (
    <Text size="sm" fw={soon ? 600 : undefined} c={soon ? 'orange.9' : undefined}>
      {durationInWords(left)} left
    </Text>
  );
}

/** Saves a file the service sent, under the name its Content-Disposition gives. */
export function saveDownload(blob: Blob, response: Response, fallbackName: string): void {
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
