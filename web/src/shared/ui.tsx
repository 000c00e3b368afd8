import { Alert, Center, Group, Loader, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { fieldErrors, problemSentence } from './api';

/** A screen's heading, with its actions on the right. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
      <Title order={1} size="h2">
        {title}
      </Title>
      {children && <Group gap="sm">{children}</Group>}
    </Group>
  );
}

/**
 * A failure from the service, in a sentence. In a form that shows each field's errors beside it
 * (`besideFields`), a refusal that names fields is already shown there and needs no alert.
 */
export function ProblemAlert({
  error,
  title,
  besideFields,
}: {
  error: unknown;
  title?: string;
  besideFields?: boolean;
}) {
  if (!error) return null;
  if (besideFields && Object.keys(fieldErrors(error)).length > 0) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {problemSentence(error)}
    </Alert>
  );
}

/** What a query is: loading, failed, or its content. */
export function QueryState({
  query,
  children,
  label = 'Loading',
}: {
  query: { isPending: boolean; error: unknown };
  children: ReactNode;
  label?: string;
}) {
  if (query.error) return <ProblemAlert error={query.error} />;
  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={label} />
      </Center>
    );
  }
  return <Stack gap="md">{children}</Stack>;
}

/**
 * For a dialog drawn only while it is open: when it goes, the focus goes back to what had it before
 * (the button that opened it), as Mantine does for a dialog kept mounted. Called first in the
 * dialog's component, so the opener is read before the dialog takes the focus.
 */
export function useFocusReturnOnClose(): void {
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    [opener],
  );
}

/**
 * The `Idempotency-Key` of what a form records: the same for every attempt, so a click again after
 * a lost answer records it once (the service answers the first result again); `renew` after it is
 * recorded, for the next one. A refused attempt frees the key on the service's side, so the
 * corrected form may send it again.
 */
export function useIdempotencyKey(): { key: string; renew: () => void } {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return { key, renew };
}

/** A short confirmation in the corner that a change was made. */
export function notifyDone(message: string): void {
  notifications.show({ color: 'green', message });
}
