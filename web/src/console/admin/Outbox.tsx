import { Accordion, Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type components } from '../../shared/api';
import { PageHeader, QueryState } from '../../shared/ui';
import { formatDateTime } from '../../shared/time';

type Delivery = components['schemas']['MessageDelivery'];
type Kind = components['schemas']['MessageKind'];

const DELIVERY_WORDS: Record<Delivery, { label: string; color: string }> = {
  outbox: { label: 'Kept in the outbox', color: 'blue' },
  pending: { label: 'Waiting to be sent', color: 'yellow' },
  sent: { label: 'Sent', color: 'green' },
  undeliverable: { label: 'No address: send by post', color: 'red' },
};

const KIND_WORDS: Record<Kind, string> = {
  portal_access_link: 'Patient sign-in link',
  signing_request_link: 'Link to sign a release',
  signed_release_copy: 'Copy of a signed release',
  revocation_receipt: 'Revocation receipt',
  removal_case_opened: 'Removal case opened',
  removal_task_assigned: 'Removal task assigned',
  removal_reminder: 'Removal reminder',
  removal_escalation: 'Removal escalation',
  removal_overdue: 'Removal overdue',
  removal_case_closed: 'Removal case closed',
};

const DELIVERY_OPTIONS = [
  { value: '', label: 'All messages' },
  ...(Object.keys(DELIVERY_WORDS) as Delivery[]).map((value) => ({ value, label: DELIVERY_WORDS[value].label })),
];

/**
 * The mail the service sent or would send. Without an SMTP server (development) this is where it is
 * read; a patient's address and text stay hidden from a role without patient data.
 */
export default function Outbox() {
  const [delivery, setDelivery] = useState<Delivery | ''>('');
  const messages = useInfiniteQuery({
    queryKey: ['outbox', delivery],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/outbox', {
          params: { query: { ...(delivery ? { delivery } : {}), ...(pageParam ? { before: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = messages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack maw={960}>
      <PageHeader title="Outbox" />
      <Text c="dimmed" size="sm">
        Every message the service wrote, newest first. Where no mail server is set up they stay here; a message with no
        address must go to the patient by post.
      </Text>
      <Select
        label="Show"
        data={DELIVERY_OPTIONS}
        value={delivery}
        onChange={(value) => setDelivery((value ?? '') as Delivery | '')}
        allowDeselect={false}
        maw={320}
      />
      <QueryState query={messages} label="Loading the outbox">
        {items.length === 0 ? (
          <Text>No messages.</Text>
        ) : (
          <Accordion variant="separated">
            {items.map((message) => (
              <Accordion.Item key={message.id} value={message.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text fw={500}>{message.subject}</Text>
                    <Group gap="xs">
                      <Badge variant="light" tt="none">
                        {KIND_WORDS[message.kind]}
                      </Badge>
                      <Badge variant="light" tt="none" color={DELIVERY_WORDS[message.delivery].color}>
                        {DELIVERY_WORDS[message.delivery].label}
                      </Badge>
                      <Text size="sm" c="dimmed" pr="sm">
                        {formatDateTime(message.createdAt)}
                      </Text>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {message.identifiedWithheld ? (
                    <Text size="sm" c="dimmed">
                      This message is to a patient: its address and text are not shown to your role.
                    </Text>
                  ) : (
                    <Stack gap="xs">
                      <Text size="sm">To: {message.to ?? 'no address on file'}</Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {message.body}
                      </Text>
                    </Stack>
                  )}
                  {message.lastError && (
                    <Text size="sm" c="red.8" mt="xs">
                      Last delivery error: {message.lastError}
                    </Text>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
        {messages.hasNextPage && (
          <Button
            variant="default"
            w="fit-content"
            loading={messages.isFetchingNextPage}
            onClick={() => void messages.fetchNextPage()}
          >
            Show older messages
          </Button>
        )}
      </QueryState>
    </Stack>
  );
}
