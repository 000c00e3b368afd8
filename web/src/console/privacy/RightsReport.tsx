import { Anchor, Badge, Card, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type components } from '../../shared/api';
import { PageHeader, QueryState } from '../../shared/ui';
import { CHANNEL_NAMES } from './shared';
import { formatDate, formatDateTime } from '../../shared/time';

type DeniedPublication = components['schemas']['DeniedPublicationDto'];

const WINDOWS = ['30', '60', '90', '180'];

/** Live uses the clinic may no longer make, and releases about to run out under live uses. */
export default function RightsReport() {
  const [within, setWithin] = useState('60');
  const report = useQuery({
    queryKey: ['reports', 'rights', within],
    queryFn: () =>
      unwrap(api.GET('/api/v1/reports/rights', { params: { query: { expiringWithinDays: Number(within) } } })),
  });
  const data = report.data;

  return (
    <Stack>
      <PageHeader title="Rights report" />
      <QueryState query={report} label="Loading the rights report">
        {data && (
          <>
            <Text size="sm">As of {formatDateTime(data.generatedAt)}.</Text>
            <Card withBorder component="section" aria-labelledby="denied-heading">
              <Title order={2} size="h4" id="denied-heading" mb="xs">
                Live uses no longer cleared ({data.deniedLivePublications.length})
              </Title>
              <Text size="sm" mb="sm">
                Publications still live although their use is no longer allowed: take them down or fix what the remedy
                says.
              </Text>
              <DeniedTable rows={data.deniedLivePublications} empty="Every live publication is still cleared." />
            </Card>
            {data.unclearedWhenPublished.length > 0 && (
              <Card withBorder component="section" aria-labelledby="uncleared-heading">
                <Title order={2} size="h4" id="uncleared-heading" mb="xs">
                  Found later, never cleared ({data.unclearedWhenPublished.length})
                </Title>
                <DeniedTable rows={data.unclearedWhenPublished} empty="" />
              </Card>
            )}
            <Card withBorder component="section" aria-labelledby="expiring-heading">
              <Title order={2} size="h4" id="expiring-heading" mb="xs">
                Releases expiring soon ({data.expiringReleases.length})
              </Title>
              <Select
                label="Expiring within"
                data={WINDOWS.map((days) => ({ value: days, label: `${days} days` }))}
                value={within}
                onChange={(value) => value && setWithin(value)}
                allowDeselect={false}
                maw={200}
                mb="sm"
              />
              {data.expiringReleases.length === 0 ? (
                <Text>No release under a live publication expires in the next {data.expiringWithinDays} days.</Text>
              ) : (
                <Table.ScrollContainer minWidth={480}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Patient</Table.Th>
                        <Table.Th scope="col">Release</Table.Th>
                        <Table.Th scope="col">Expires</Table.Th>
                        <Table.Th scope="col">Live publications under it</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.expiringReleases.map((release) => (
                        <Table.Tr key={release.releaseId}>
                          <Table.Td>{release.patientCode}</Table.Td>
                          <Table.Td>Version {release.releaseVersion}</Table.Td>
                          <Table.Td>{formatDate(release.expiresAt)}</Table.Td>
                          <Table.Td>{release.publicationIds.length}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function DeniedTable({ rows, empty }: { rows: DeniedPublication[]; empty: string }) {
  if (rows.length === 0) return <Text>{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Patient</Table.Th>
            <Table.Th scope="col">Where</Table.Th>
            <Table.Th scope="col">Why not</Table.Th>
            <Table.Th scope="col">What would fix it</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ publication, reasons, remedies }) => (
            <Table.Tr key={publication.id}>
              <Table.Td>{publication.patientCode}</Table.Td>
              <Table.Td>
                <Badge variant="light">{CHANNEL_NAMES[publication.channel]}</Badge>
                {publication.location.url && (
                  <Anchor
                    href={publication.location.url}
                    target="_blank"
                    rel="noreferrer noopener"
                    size="sm"
                    display="block"
                  >
                    {publication.location.url}
                  </Anchor>
                )}
                <Text size="xs">since {formatDate(publication.publishedAt)}</Text>
              </Table.Td>
              <Table.Td>
                <List size="sm">
                  {reasons.map((reason) => (
                    <List.Item key={reason.code}>{reason.message}</List.Item>
                  ))}
                </List>
              </Table.Td>
              <Table.Td>
                {remedies.length > 0 ? (
                  <List size="sm">
                    {remedies.map((remedy) => (
                      <List.Item key={remedy}>{remedy}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm">Take it down.</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
