import { Anchor, Badge, Button, Card, Grid, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, fieldErrors, multipartBody, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState, useIdempotencyKey } from '../../shared/ui';
import { useCan } from '../session';
import {
  ChecklistCard,
  ScopeEditor,
  ScopePreview,
  SignedScanDrop,
  scopeFromTicks,
  ticksFromScope,
} from './ReleaseParts';
import { localNow } from './ReleaseFormScreen';
import { CHANNEL_NAMES } from './words';
import { formatDate, formatDateTime } from '../../shared/time';

type Release = components['schemas']['ReleaseDto'];

/** A recorded release: its scope in words, the checklist, the signed form, its versions, amending it. */
export default function ReleaseScreen() {
  const { id = '' } = useParams();
  const can = useCan();
  const [amending, { open, close }] = useDisclosure(false);
  const release = useQuery({
    queryKey: ['release', id],
    queryFn: () => unwrap(api.GET('/api/v1/releases/{id}', { params: { path: { id } } })),
  });
  const checklist = useQuery({
    queryKey: ['release', id, 'checklist'],
    queryFn: () => unwrap(api.GET('/api/v1/releases/{id}/checklist', { params: { path: { id } } })),
  });
  const data = release.data;
  return (
    <Stack maw={1200}>
      <PageHeader title={data ? `Release, version ${data.version}` : 'Release'}>
        {data && (
          <Button component={Link} to={`/patients/${data.patientId}`} variant="default" size="md">
            Back to the patient
          </Button>
        )}
        {data && can('releases.write') && data.status === 'current' && !data.revokedAt && (
          <Button component={Link} to={`/patients/${data.patientId}/signing/new?amends=${data.id}`} size="md">
            Amend: sign a new form
          </Button>
        )}
        {data && can('releases.write') && data.status === 'current' && !data.revokedAt && (
          <Button size="md" variant="default" onClick={open}>
            Amend from paper
          </Button>
        )}
      </PageHeader>
      <QueryState query={release}>
        {data && (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <Stack>
                <ReleaseFacts release={data} />
                <ScopePreview scope={data.scope} title="What it allows" />
                <Versions release={data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <QueryState query={checklist} label="Loading the checklist">
                {checklist.data && (
                  <ChecklistCard
                    title="164.508(c) checklist"
                    notice={checklist.data.notice}
                    items={checklist.data.items.map((item) => ({
                      element: item.requirement,
                      citation: item.citation.replace('45 CFR ', ''),
                      missing: item.missing,
                    }))}
                  />
                )}
              </QueryState>
            </Grid.Col>
          </Grid>
        )}
      </QueryState>
      <Modal opened={amending} onClose={close} title="Amend the release" size="xl">
        {data && <Amend release={data} />}
      </Modal>
    </Stack>
  );
}

function ReleaseFacts({ release }: { release: Release }) {
  const status = release.revokedAt
    ? `Revoked ${formatDate(release.revokedAt)}`
    : release.status === 'current'
      ? 'Current'
      : 'Superseded';
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {release.formTemplate} ({release.formVersion})
        </Title>
        <Badge variant="light" color={release.revokedAt ? 'red' : release.status === 'current' ? 'green' : 'gray'}>
          {status}
        </Badge>
      </Group>
      <Text size="sm">
        Signed {formatDateTime(release.signedAt)} by {release.signedBy.fullName ?? 'the patient'}
        {release.signedBy.signerType === 'guardian' ? ` (${release.signedBy.authority ?? 'guardian'})` : ''}, witnessed
        by {release.witness.displayName}.
      </Text>
      <Text size="sm">
        {release.expiresAt
          ? `Expires ${formatDate(release.expiresAt)}.`
          : release.expirationEvent
            ? `Expires when ${release.expirationEvent}.`
            : 'No expiry recorded.'}{' '}
        {release.coversAllCases ? 'Covers every case.' : `Covers ${release.caseIds.length} case(s).`}
      </Text>
      {release.scope.deniedChannels.length > 0 && (
        <Text size="sm">
          Never on: {release.scope.deniedChannels.map((channel) => CHANNEL_NAMES[channel]).join(', ')}.
        </Text>
      )}
      <Anchor href={release.document.url} download mt="xs" display="inline-block">
        Download the signed form ({release.document.contentType === 'application/pdf' ? 'PDF' : 'image'},{' '}
        {Math.ceil(release.document.bytes / 1024)} KB)
      </Anchor>
    </Card>
  );
}

function Versions({ release }: { release: Release }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Versions
      </Title>
      <Table.ScrollContainer minWidth={480} type="native" tabIndex={0}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Signed</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Why amended</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {release.versions.map((version) => (
              <Table.Tr key={version.id}>
                <Table.Td>
                  {version.id === release.id ? (
                    `Version ${version.version} (this one)`
                  ) : (
                    <Anchor component={Link} to={`/releases/${version.id}`}>
                      Version {version.version}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>{formatDateTime(version.signedAt)}</Table.Td>
                <Table.Td>{version.revokedAt ? 'revoked' : version.status}</Table.Td>
                <Table.Td>{version.amendmentReason ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function Amend({ release }: { release: Release }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [scan, setScan] = useState<File | undefined>(undefined);
  const [scanMissing, setScanMissing] = useState(false);
  const [ticks, setTicks] = useState(ticksFromScope(release.scope));
  const form = useForm({
    initialValues: { reason: '', signedAt: localNow() },
    validate: { reason: (value) => (value.trim() ? null : 'Say why the release is amended.') },
  });
  const scope = scopeFromTicks(ticks);
  const idempotency = useIdempotencyKey();
  const amend = useMutation({
    mutationFn: ({ document, values }: { document: File; values: typeof form.values }) =>
      unwrap(
        api.POST('/api/v1/releases/{id}/amendments', {
          params: { path: { id: release.id }, header: { 'Idempotency-Key': idempotency.key } },
          body: {
            document,
            metadata: { reason: values.reason.trim(), signedAt: new Date(values.signedAt).toISOString(), scope },
          },
          bodySerializer: multipartBody,
        }),
      ),
    onSuccess: (amended) => {
      idempotency.renew();
      void queryClient.invalidateQueries({ queryKey: ['release'] });
      void queryClient.invalidateQueries({ queryKey: ['patient', release.patientId] });
      void navigate(`/releases/${amended.id}`);
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        if (!scan) return setScanMissing(true);
        amend.mutate({ document: scan, values });
      })}
      noValidate
    >
      <Grid>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Stack>
            <SignedScanDrop
              file={scan}
              onFile={(file) => {
                setScan(file);
                setScanMissing(false);
              }}
              error={scanMissing ? 'Add the scan of the signed amendment.' : undefined}
            />
            <TextInput label="Why it is amended" required size="md" {...form.getInputProps('reason')} />
            <TextInput label="Signed at" type="datetime-local" required size="md" {...form.getInputProps('signedAt')} />
            <ScopeEditor value={ticks} onChange={setTicks} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Stack>
            <ScopePreview scope={scope} title="What the amended release allows" />
            <ProblemAlert error={amend.error} />
            <Button type="submit" size="md" loading={amend.isPending}>
              Record the amendment
            </Button>
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}
