import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Accordion, Card, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../shared/api';
import { PageHeader, QueryState } from '../../shared/ui';

const PERIODS = [
  { value: '12', label: '12 weeks' },
  { value: '26', label: '26 weeks' },
  { value: '52', label: '52 weeks' },
];

const WEEK_MS = 7 * 24 * 3600_000;

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

/** How the clinic keeps its 30-day removal promise, week by week. */
export default function RemovalReport() {
  const [weeks, setWeeks] = useState('12');
  // The period starts whole weeks back and ends at the service's now (its default); the service
  // counts the weeks on the clinic's calendar.
  const period = useMemo(() => ({ from: new Date(Date.now() - Number(weeks) * WEEK_MS).toISOString() }), [weeks]);
  const summary = useQuery({
    queryKey: ['reports', 'removals', weeks],
    queryFn: () => unwrap(api.GET('/api/v1/reports/removals', { params: { query: period } })),
  });
  const weekly = useQuery({
    queryKey: ['reports', 'removals', 'weekly', weeks],
    queryFn: () => unwrap(api.GET('/api/v1/reports/removals/weekly', { params: { query: period } })),
  });
  const rows =
    weekly.data?.weeks.map((week) => ({
      week: week.weekStart,
      Opened: week.opened,
      Closed: week.closed,
      'Closed on time':
        week.shareClosedWithinDeadline === null ? null : Math.round(week.shareClosedWithinDeadline * 100),
      share: week.shareClosedWithinDeadline,
    })) ?? [];

  return (
    <Stack>
      <PageHeader title="Removal report">
        <SegmentedControl aria-label="Period" value={weeks} onChange={setWeeks} data={PERIODS} />
      </PageHeader>
      <QueryState query={summary} label="Loading the removal report">
        {summary.data && (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label="Cases opened" value={String(summary.data.opened)} />
            <Figure label="Still open" value={String(summary.data.open)} />
            <Figure label="Overdue" value={String(summary.data.overdue)} />
            <Figure label="Closed on time" value={percent(summary.data.shareClosedWithinDeadline)} />
          </SimpleGrid>
        )}
      </QueryState>
      <QueryState query={weekly} label="Loading the weekly figures">
        <Card withBorder component="section" aria-labelledby="per-week-heading">
          <Title order={2} size="h4" id="per-week-heading" mb="sm">
            Cases opened and closed per week
          </Title>
          <BarChart
            h={260}
            data={rows}
            dataKey="week"
            series={[
              { name: 'Opened', color: 'orange.7' },
              { name: 'Closed', color: 'teal.7' },
            ]}
            withLegend
            role="img"
            aria-label="Bar chart of cases opened and closed per week; the same figures are in the table below"
          />
        </Card>
        <Card withBorder component="section" aria-labelledby="on-time-heading">
          <Title order={2} size="h4" id="on-time-heading" mb="sm">
            Share of cases closed on time, per week
          </Title>
          <LineChart
            h={220}
            data={rows}
            dataKey="week"
            series={[{ name: 'Closed on time', color: 'blue.7' }]}
            yAxisProps={{ domain: [0, 100] }}
            unit=" %"
            connectNulls
            role="img"
            aria-label="Line chart of the share of cases closed by their deadline per week; the same figures are in the table below"
          />
          <Text size="sm" mt="xs">
            Weeks without a closed case have no point. Weeks start on Monday
            {weekly.data ? ` (${weekly.data.timeZone} time)` : ''}.
          </Text>
        </Card>
        <Accordion variant="contained">
          <Accordion.Item value="table">
            <Accordion.Control>The figures as a table</Accordion.Control>
            <Accordion.Panel>
              <Table.ScrollContainer minWidth={420}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Week of</Table.Th>
                      <Table.Th scope="col">Opened</Table.Th>
                      <Table.Th scope="col">Closed</Table.Th>
                      <Table.Th scope="col">Closed on time</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={row.week}>
                        <Table.Td>{row.week}</Table.Td>
                        <Table.Td>{row.Opened}</Table.Td>
                        <Table.Td>{row.Closed}</Table.Td>
                        <Table.Td>{percent(row.share)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </QueryState>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder>
      <Text size="sm">{label}</Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
}
