import { Anchor, Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type components } from '../../shared/api';
import { PageHeader, QueryState } from '../../shared/ui';
import { CHANNELS, channelLabel, isChannel, type Channel } from './channels';
import { formatDate } from '../../shared/time';

type PublicationStatus = components['schemas']['PublicationDto']['status'];

const STATUSES: { value: PublicationStatus; label: string; color: string }[] = [
  { value: 'live', label: 'Live', color: 'green' },
  { value: 'removal_pending', label: 'Removal pending', color: 'orange' },
  { value: 'removed', label: 'Removed', color: 'gray' },
  { value: 'not_removable', label: 'Not removable', color: 'red' },
];

export function PublicationStatusBadge({ status }: { status: PublicationStatus }) {
  const shown = STATUSES.find((each) => each.value === status);
  return (
    <Badge color={shown?.color ?? 'gray'} variant="light">
      {shown?.label ?? status}
    </Badge>
  );
}

/** Every recorded use of a photo, newest first, by channel and status. */
export default function Publications() {
  const [channel, setChannel] = useState<Channel | null>(null);
  const [status, setStatus] = useState<PublicationStatus | null>(null);
  const filters = { channel: channel ?? undefined, status: status ?? undefined };
  const publications = useInfiniteQuery({
    queryKey: ['publications', filters],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/publications', { params: { query: { ...filters, limit: 50, before: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = publications.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <PageHeader title="Publications" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
        <Select
          label="Channel"
          placeholder="Every channel"
          description="With the channels under it"
          data={CHANNELS}
          value={channel}
          onChange={(value) => setChannel(isChannel(value) ? value : null)}
          clearable
        />
        <Select
          label="Status"
          placeholder="Any status"
          description="Live, or where its removal stands"
          data={STATUSES.map(({ value, label }) => ({ value, label }))}
          value={status}
          onChange={(value) => setStatus(STATUSES.find((each) => each.value === value)?.value ?? null)}
          clearable
        />
      </SimpleGrid>
      <QueryState query={publications} label="Loading publications">
        {items.length === 0 ? (
          <Text role="status">No publication matches these filters.</Text>
        ) : (
          <Table.ScrollContainer minWidth={720} type="native" tabIndex={0}>
            <Table striped aria-label="Publications">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Published</Table.Th>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Patient</Table.Th>
                  <Table.Th>Where</Table.Th>
                  <Table.Th>Photo</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((publication) => (
                  <Table.Tr key={publication.id}>
                    <Table.Td>{formatDate(publication.publishedAt)}</Table.Td>
                    <Table.Td>{channelLabel(publication.channel)}</Table.Td>
                    <Table.Td>
                      <PublicationStatusBadge status={publication.status} />
                    </Table.Td>
                    <Table.Td>{publication.patientCode}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {publication.hosted
                        ? 'Hosted by the service'
                        : (publication.location.url ??
                          publication.location.postId ??
                          publication.location.campaign ??
                          publication.location.printRun ??
                          '—')}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/photos/${publication.photoId}`}>
                        Open photo
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {publications.hasNextPage && (
          <Group>
            <Button
              variant="default"
              loading={publications.isFetchingNextPage}
              onClick={() => void publications.fetchNextPage()}
            >
              Show more
            </Button>
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}
