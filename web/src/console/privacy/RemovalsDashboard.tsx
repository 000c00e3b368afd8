import { Anchor, Card, Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../shared/api';
import { PageHeader, QueryState } from '../../shared/ui';
import { Countdown, ORIGIN_NAMES, type RemovalCaseSummary } from './shared';
import { formatDate, useNow } from '../../shared/time';

/** The privacy officer's home: every open removal case, soonest deadline first. */
export default function RemovalsDashboard() {
  const now = useNow();
  const cases = useQuery({
    queryKey: ['removal-cases', { status: 'open' }],
    queryFn: () => unwrap(api.GET('/api/v1/removal-cases', { params: { query: { status: 'open', limit: 200 } } })),
    refetchInterval: 60_000,
  });
  const items = cases.data?.items ?? [];
  const overdue = items.filter((item) => new Date(item.dueAt).getTime() <= now).length;

  return (
    <Stack>
      <PageHeader title="Removals" />
      <QueryState query={cases} label="Loading the removal cases">
        <SimpleGrid cols={{ base: 1, xs: 2 }} maw={520}>
          <Card withBorder>
            <Text size="sm">Open cases</Text>
            <Text fz="xl" fw={700}>
              {items.length}
            </Text>
          </Card>
          <Card withBorder>
            <Text size="sm">Overdue</Text>
            <Text fz="xl" fw={700} c={overdue > 0 ? 'red.9' : undefined}>
              {overdue}
            </Text>
          </Card>
        </SimpleGrid>
        {items.length === 0 ? (
          <Text>No removal case is open: every takedown the clinic promised is done.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Caption>Open removal cases, soonest deadline first</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Patient</Table.Th>
                  <Table.Th scope="col">Time left</Table.Th>
                  <Table.Th scope="col">Progress</Table.Th>
                  <Table.Th scope="col">Deadline</Table.Th>
                  <Table.Th scope="col">Opened by</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <CaseRow key={item.id} item={item} now={now} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}

function CaseRow({ item, now }: { item: RemovalCaseSummary; now: number }) {
  const { tasks, done, notRemovable } = item.progress;
  const finished = done + notRemovable;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/removal-cases/${item.id}`} fw={600}>
          Case of {item.patientCode}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Countdown dueAt={item.dueAt} open={item.status === 'open'} now={now} />
      </Table.Td>
      <Table.Td miw={160}>
        <Group gap="xs" wrap="nowrap">
          <Progress
            value={tasks > 0 ? (finished / tasks) * 100 : 100}
            w={80}
            aria-label={`Tasks finished for ${item.patientCode}`}
          />
          <Text size="sm">
            {finished} of {tasks} tasks
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>{formatDate(item.dueAt)}</Table.Td>
      <Table.Td>
        <Text size="sm">{ORIGIN_NAMES[item.origin]}</Text>
        <Text size="xs">opened {formatDate(item.openedAt)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
