import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Image,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, fieldErrors, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState, useIdempotencyKey } from '../../shared/ui';
import { useCan } from '../session';
import { CHANNELS, channelLabel, isChannel, KIND_LABELS, type Channel } from './channels';
import { ReasonsAndRemedies, refusalOf, VerdictBadge } from './ClearanceVerdict';
import { PublicationStatusBadge } from './Publications';
import { formatDate } from '../../shared/time';

type Photo = components['schemas']['PhotoDto'];
type Publication = components['schemas']['PublicationDto'];

/** How the photo would be shown: what clearance is decided for. */
interface Use {
  faceShown: boolean;
  marksObscured: boolean;
  paid: boolean;
}

function describe(photo: Pick<Photo, 'kind' | 'bodyArea' | 'view'>): string {
  return [`${KIND_LABELS[photo.kind]} photo`, photo.bodyArea, photo.view].filter(Boolean).join(', ');
}

/** One photo: its clearance on every channel, its pair, its publications, and recording a new one. */
export default function PhotoPage() {
  const { id = '' } = useParams();
  const photo = useQuery({
    queryKey: ['photo', id],
    queryFn: () => unwrap(api.GET('/api/v1/photos/{id}', { params: { path: { id } } })),
  });
  return (
    <Stack>
      <PageHeader title="Photo" />
      <QueryState query={photo} label="Loading the photo">
        {photo.data && <PhotoDetails photo={photo.data} />}
      </QueryState>
    </Stack>
  );
}

function PhotoDetails({ photo }: { photo: Photo }) {
  const can = useCan();
  const [use, setUse] = useState<Use>({ faceShown: photo.faceVisible, marksObscured: false, paid: false });
  return (
    <Stack gap="lg">
      <PairView photo={photo} />
      <Card withBorder>
        <Title order={2} size="h3" mb="xs">
          Clearance on every channel
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Decided now for the use described here; each check is recorded as evidence that it was made.
        </Text>
        <Group mb="sm">
          <Switch
            label="Face shown"
            checked={use.faceShown}
            onChange={(event) => setUse({ ...use, faceShown: event.currentTarget.checked })}
          />
          <Switch
            label="Identifying marks obscured"
            checked={use.marksObscured}
            onChange={(event) => setUse({ ...use, marksObscured: event.currentTarget.checked })}
          />
          <Switch
            label="Paid placement"
            checked={use.paid}
            onChange={(event) => setUse({ ...use, paid: event.currentTarget.checked })}
          />
        </Group>
        {can('clearance.check') && <ClearanceTable photoId={photo.id} use={use} />}
      </Card>
      {can('publications.write') && <RecordPublication photo={photo} use={use} />}
      <PhotoPublications photoId={photo.id} />
    </Stack>
  );
}

/** The photo beside its before (or after), before on the left. */
function PairView({ photo }: { photo: Photo }) {
  const pairId = photo.pairedWith.at(0);
  const pair = useQuery({
    queryKey: ['photo', pairId],
    queryFn: () => unwrap(api.GET('/api/v1/photos/{id}', { params: { path: { id: pairId ?? '' } } })),
    enabled: pairId !== undefined,
  });
  const shown = pair.data
    ? [photo, pair.data].sort((a, b) => (a.kind === 'before' ? -1 : b.kind === 'before' ? 1 : 0))
    : [photo];
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge variant="light">{photo.patientCode}</Badge>
        <Text size="sm" c="dimmed">
          {describe(photo)}
          {photo.takenAt ? ` · taken ${formatDate(photo.takenAt)}` : ''}
        </Text>
      </Group>
      {pairId === undefined && <Text size="sm">This photo has no before/after pair.</Text>}
      <ProblemAlert error={pair.error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={840}>
        {shown.map((each) => (
          <Stack key={each.id} gap={4}>
            <Image src={each.thumb.url} alt={describe(each)} radius="sm" />
            <Text size="sm" ta="center">
              {each.id === photo.id ? (
                `${KIND_LABELS[each.kind]} (this photo)`
              ) : (
                <Anchor component={Link} to={`/photos/${each.id}`}>
                  {KIND_LABELS[each.kind]}: open its page
                </Anchor>
              )}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** Every channel's verdict in one batch. */
function ClearanceTable({ photoId, use }: { photoId: string; use: Use }) {
  const clearance = useQuery({
    queryKey: ['clearance', photoId, use],
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/clearance/batch', {
          body: { checks: CHANNELS.map(({ value }) => ({ photoId, channel: value, ...use })) },
        }),
      ),
    // Each check is audited as evidence: checked once per photo and use while the page is open, not
    // again on every return to the tab.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return (
    <QueryState query={clearance} label="Checking every channel">
      <Table.ScrollContainer minWidth={560} type="native" tabIndex={0}>
        <Table verticalSpacing="xs" aria-label="Clearance by channel">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Verdict</Table.Th>
              <Table.Th>Why not, and what would make it pass</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clearance.data?.results.map((result) => (
              <Table.Tr key={result.use.channel}>
                <Table.Td>{channelLabel(result.use.channel)}</Table.Td>
                <Table.Td>
                  <VerdictBadge allowed={result.allowed} />
                </Table.Td>
                <Table.Td>
                  {result.allowed ? (
                    <Text size="sm">
                      {result.validUntil ? `Until ${formatDate(result.validUntil)}` : 'No expiry date'}
                    </Text>
                  ) : (
                    <ReasonsAndRemedies verdict={result} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </QueryState>
  );
}

function RecordPublication({ photo, use }: { photo: Photo; use: Use }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { channel: null as Channel | null, hosted: false, url: '' },
    validate: {
      channel: (value) => (value ? null : 'Choose where the photo is used'),
      url: (value, values) =>
        values.hosted || /^https?:\/\/\S+$/.test(value.trim())
          ? null
          : 'Enter the address where it appears (https://…)',
    },
  });
  const idempotency = useIdempotencyKey();
  const publish = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/publications', {
          params: { header: { 'Idempotency-Key': idempotency.key } },
          body: {
            photoId: photo.id,
            channel: values.channel as Channel,
            ...use,
            ...(values.hosted ? { hosted: true } : { location: { url: values.url.trim() } }),
          },
        }),
      ),
    onSuccess: () => {
      idempotency.renew();
      return queryClient.invalidateQueries({ queryKey: ['publications'] });
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  const refusal = refusalOf(publish.error);
  const hostable = form.values.channel === 'website';

  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Record a publication
      </Title>
      <form onSubmit={form.onSubmit((values) => publish.mutate(values))}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Channel"
              placeholder="Where it is used"
              data={CHANNELS}
              required
              {...form.getInputProps('channel')}
              onChange={(value: string | null) => {
                form.setFieldValue('channel', isChannel(value) ? value : null);
                if (value !== 'website') form.setFieldValue('hosted', false);
              }}
            />
            <TextInput
              label="Where it appears"
              placeholder="https://clinic.example/results"
              disabled={form.values.hosted}
              {...form.getInputProps('url')}
            />
          </SimpleGrid>
          <Checkbox
            label="Hosted by the service (website only): it serves the image while consent clears it"
            disabled={!hostable}
            {...form.getInputProps('hosted', { type: 'checkbox' })}
          />
          <Text size="sm" c="dimmed">
            Recorded as described above: face {use.faceShown ? 'shown' : 'not shown'}, marks{' '}
            {use.marksObscured ? 'obscured' : 'not obscured'}, {use.paid ? 'paid' : 'unpaid'}.
          </Text>
          <Group>
            <Button type="submit" loading={publish.isPending}>
              Record publication
            </Button>
          </Group>
          {refusal ? (
            <Alert color="red" role="alert" title="Not cleared: nothing was recorded">
              <ReasonsAndRemedies verdict={refusal} />
            </Alert>
          ) : (
            <ProblemAlert error={publish.error} />
          )}
          {publish.data && <Published publication={publish.data} initialAltText={describe(photo)} />}
        </Stack>
      </form>
    </Card>
  );
}

function Published({ publication, initialAltText }: { publication: Publication; initialAltText: string }) {
  const [altText, setAltText] = useState(initialAltText);
  const embed = publication.mediaUrl ? `<img src="${publication.mediaUrl}" alt="${escapeAttribute(altText)}">` : '';
  return (
    <Alert color="green" role="status" title={`Recorded: ${channelLabel(publication.channel)}`}>
      {publication.mediaUrl ? (
        <Stack gap="xs">
          <Text size="sm">The service serves the photo at this address while consent clears it.</Text>
          <Group gap="xs" wrap="nowrap">
            <Code style={{ overflowWrap: 'anywhere' }} data-testid="media-url">
              {publication.mediaUrl}
            </Code>
            <CopyButton value={publication.mediaUrl}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? 'Media URL copied' : 'Copy media URL'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <TextInput
            label="Alternative text for the embed"
            value={altText}
            onChange={(event) => setAltText(event.currentTarget.value)}
          />
          <Group gap="xs" wrap="nowrap">
            <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {embed}
            </Code>
            <CopyButton value={embed}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? 'Embed code copied' : 'Copy embed code'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      ) : (
        <Text size="sm">It is listed under the photo's publications.</Text>
      )}
    </Alert>
  );
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function PhotoPublications({ photoId }: { photoId: string }) {
  const publications = useQuery({
    queryKey: ['publications', { photoId }],
    queryFn: () => unwrap(api.GET('/api/v1/publications', { params: { query: { photoId, limit: 200 } } })),
  });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Where this photo is published
      </Title>
      <QueryState query={publications} label="Loading publications">
        {publications.data?.items.length === 0 ? (
          <Text size="sm">Not published anywhere yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={520} type="native" tabIndex={0}>
            <Table aria-label="Publications of this photo">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Published</Table.Th>
                  <Table.Th>Where</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {publications.data?.items.map((publication) => (
                  <Table.Tr key={publication.id}>
                    <Table.Td>{channelLabel(publication.channel)}</Table.Td>
                    <Table.Td>
                      <PublicationStatusBadge status={publication.status} />
                    </Table.Td>
                    <Table.Td>{formatDate(publication.publishedAt)}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {publication.mediaUrl ?? publication.location.url ?? publication.location.postId ?? '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Card>
  );
}
