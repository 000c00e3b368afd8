import { Alert, Center, Group, Loader, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { problemSentence } from './api';

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

/** A failure from the service, in a sentence. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
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
