import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, unwrap, type paths } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState } from '../../shared/ui';
import { useCan, useMe } from '../session';
import { PatientPicker, type Patient } from './PatientPicker';
import { saveDownload } from './shared';
import { formatDateTime } from '../../shared/time';

type AuditFilters = Pick<
  NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>,
  'patientId' | 'actorId' | 'action' | 'from' | 'to'
>;

const PAGE = 50;

/** A calendar day typed in the form, as the instant it starts here; `nextDay` for an inclusive end. */
function dayStart(day: string, nextDay = false): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (nextDay) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** Who did what to which record, searchable, with the proof that nobody altered it. */
export default function AuditTrail() {
  const me = useMe();
  const can = useCan();
  const [patient, setPatient] = useState<Patient>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const form = useForm({ initialValues: { actorId: '', action: '', from: '', to: '' } });

  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/audit', { params: { query: { ...filters, limit: PAGE, before: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  // The actors this role can name: itself and whoever appears in the events read so far.
  const actors = useMemo(() => {
    const known = new Map<string, string>([[me.user.id, `${me.user.email} (you)`]]);
    for (const event of items) {
      if (event.actorId && event.actorLabel && !known.has(event.actorId)) known.set(event.actorId, event.actorLabel);
    }
    return [...known].map(([value, label]) => ({ value, label }));
  }, [items, me]);

  const apply = (values: typeof form.values, chosen = patient) =>
    setFilters({
      patientId: chosen?.id,
      actorId: values.actorId || undefined,
      action: values.action.trim() || undefined,
      from: dayStart(values.from),
      to: dayStart(values.to, true),
    });

  const exportCsv = useMutation({
    mutationFn: async () => {
      const { data, response } = await api.GET('/api/v1/audit/export', {
        params: { query: filters },
        parseAs: 'blob',
      });
      if (!data) return unwrap(Promise.resolve({ data, response }));
      saveDownload(data, response, 'audit.csv');
    },
  });

  return (
    <Stack>
      <PageHeader title="Audit trail">
        <Button variant="default" onClick={() => exportCsv.mutate()} loading={exportCsv.isPending}>
          Export as CSV
        </Button>
      </PageHeader>
      <ProblemAlert error={exportCsv.error} />
      <ChainVerification />
      <Card withBorder component="section" aria-labelledby="search-heading">
        <Title order={2} size="h4" id="search-heading" mb="sm">
          Search
        </Title>
        <Stack>
          {patient ? (
            <Group>
              <Text>
                Patient: <strong>{patient.code}</strong>
              </Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setPatient(undefined);
                  apply(form.values, undefined);
                }}
              >
                Any patient
              </Button>
            </Group>
          ) : (
            // Finding a patient by name needs identified data; an administrator searches by the other fields.
            can('patients.read') && (
              <PatientPicker
                label="Patient"
                onPick={(picked) => {
                  setPatient(picked);
                  apply(form.values, picked);
                }}
              />
            )
          )}
          <form onSubmit={form.onSubmit((values) => apply(values))} noValidate>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <Select
                label="Actor"
                placeholder="Anyone"
                data={actors}
                searchable
                clearable
                {...form.getInputProps('actorId')}
              />
              <TextInput label="Action" placeholder="e.g. removal_task.complete" {...form.getInputProps('action')} />
              <TextInput label="From" type="date" {...form.getInputProps('from')} />
              <TextInput label="To" type="date" {...form.getInputProps('to')} />
            </SimpleGrid>
            <Group mt="sm">
              <Button type="submit">Search the trail</Button>
            </Group>
          </form>
        </Stack>
      </Card>
      <QueryState query={events} label="Loading the audit trail">
        {items.length === 0 ? (
          <Text>No event matches.</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>
                {items.length} event{items.length === 1 ? '' : 's'}, newest first
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                  <Table.Th scope="col">Actor</Table.Th>
                  <Table.Th scope="col">Record</Table.Th>
                  <Table.Th scope="col">Outcome</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td>{formatDateTime(event.recordedAt)}</Table.Td>
                    <Table.Td>
                      <code>{event.action}</code>
                    </Table.Td>
                    <Table.Td>{event.actorLabel ?? event.actorType}</Table.Td>
                    <Table.Td>{event.entityType ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={event.outcome === 'done' ? 'green' : 'red'} variant="light">
                        {event.outcome === 'done' ? 'Done' : 'Denied'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {events.hasNextPage && (
          <Group>
            <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
              Show older events
            </Button>
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}

/** Checks the hash chain on demand and says plainly whether the trail is intact. */
function ChainVerification() {
  const verify = useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/audit/verify')) });
  const result = verify.data;
  return (
    <Card withBorder component="section" aria-labelledby="chain-heading">
      <Group justify="space-between" mb={result || verify.error ? 'sm' : 0}>
        <Title order={2} size="h4" id="chain-heading">
          Is the trail intact?
        </Title>
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>
          Verify the chain
        </Button>
      </Group>
      <ProblemAlert error={verify.error} />
      {result &&
        (result.intact ? (
          <Alert color="green" title="Intact" role="status">
            Nothing in the audit trail was altered or removed: {result.sealedEvents} events checked
            {result.pendingEvents > 0 ? `, ${result.pendingEvents} recent ones waiting to be sealed` : ''} (in{' '}
            {result.durationMs} ms).
            {result.head && ` Last link: number ${result.head.seq}.`}
          </Alert>
        ) : (
          <Alert color="red" title="Not intact" role="alert">
            {result.firstBrokenLink
              ? `The chain breaks at link ${result.firstBrokenLink.seq}: ${result.firstBrokenLink.message}.`
              : ''}
            {result.unchainedEvents > 0 &&
              ` ${result.unchainedEvents} events are outside the chain, a sign that rows were written around the service.`}{' '}
            Tell the administrator and keep this screen’s CSV export.
          </Alert>
        ))}
    </Card>
  );
}
