import { Badge, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { components } from '../../shared/api';
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

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dateTime.format(new Date(instant)) : '—';
}

export function formatDate(instant: string | null | undefined): string {
  return instant ? dateOnly.format(new Date(instant)) : '—';
}

/** The current time, moving every `everyMs`: what a countdown is drawn against. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Days, hours and minutes between two instants, e.g. "12 d 4 h 3 min". */
function span(milliseconds: number): string {
  const minutes = Math.floor(milliseconds / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = days > 0 ? [`${days} d`, `${hours} h`] : [`${hours} h`, `${minutes % 60} min`];
  return parts.join(' ');
}

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
          by {span(-left)}
        </Text>
      </Group>
    );
  }
  const soon = left < 7 * 24 * 3600_000;
  return (
    <Text size="sm" fw={soon ? 600 : undefined} c={soon ? 'orange.9' : undefined}>
      {span(left)} left
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

/** A short confirmation in the corner, its close button named for screen readers. */
export function notifyDone(message: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': 'Dismiss' } });
}
