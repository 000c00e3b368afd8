import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, fieldErrors, multipartBody, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState, useIdempotencyKey } from '../../shared/ui';
import { localNow } from './ReleaseFormScreen';
import { CHANNEL_NAMES, SOCIAL_CHANNELS, TOP_CHANNELS, type Channel } from './words';
import { formatDate, formatDateTime } from '../../shared/time';

type Revocation = components['schemas']['RevocationDto'];
type RevocationBody = components['schemas']['CreateRevocationDto'];

/** Record a revocation the patient made by phone, letter or in person; then show the removal case it opened. */
export default function RevocationScreen() {
  const { id = '' } = useParams();
  const [recorded, setRecorded] = useState<Revocation | undefined>(undefined);
  return (
    <Stack maw={880}>
      <PageHeader title="Record a revocation">
        <Button component={Link} to={`/patients/${id}`} variant="default" size="md">
          Back to the patient
        </Button>
      </PageHeader>
      {recorded ? <Recorded revocation={recorded} /> : <RevocationForm patientId={id} onRecorded={setRecorded} />}
    </Stack>
  );
}

function RevocationForm({
  patientId,
  onRecorded,
}: {
  patientId: string;
  onRecorded: (revocation: Revocation) => void;
}) {
  const queryClient = useQueryClient();
  const [letter, setLetter] = useState<File | undefined>(undefined);
  const patient = useQuery({
    queryKey: ['patient', patientId],
    queryFn: () => unwrap(api.GET('/api/v1/patients/{id}', { params: { path: { id: patientId } } })),
  });
  const form = useForm({
    initialValues: {
      kind: 'everything' as RevocationBody['scope']['kind'],
      channels: [] as string[],
      photoIds: [] as string[],
      receivedVia: 'phone' as RevocationBody['receivedVia'],
      receivedAt: localNow(),
      requesterType: 'patient' as RevocationBody['requester']['type'],
      requesterName: '',
      requesterAuthority: '',
      identityVerification: '',
      notes: '',
    },
    validate: {
      identityVerification: (value) => (value.trim() ? null : 'Say how you verified who asked.'),
      channels: (value, values) =>
        values.kind === 'channels' && value.length === 0 ? 'Tick the channels withdrawn.' : null,
      photoIds: (value, values) =>
        values.kind === 'photos' && value.length === 0 ? 'Tick the photos withdrawn.' : null,
    },
  });
  const values = form.values;
  const photos = useQuery({
    queryKey: ['patient', patientId, 'photos'],
    enabled: values.kind === 'photos' && Boolean(patient.data),
    queryFn: async () => {
      const cases = await Promise.all(
        (patient.data?.cases ?? []).map((item) =>
          unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id: item.id } } })),
        ),
      );
      return cases.flatMap((item) => item.photos.map((photo) => ({ ...photo, procedure: item.procedure })));
    },
  });

  const idempotency = useIdempotencyKey();
  const record = useMutation({
    mutationFn: () => {
      const text = (value: string) => (value.trim() ? value.trim() : undefined);
      const body: RevocationBody = {
        scope:
          values.kind === 'channels'
            ? { kind: 'channels', channels: values.channels as Channel[] }
            : values.kind === 'photos'
              ? { kind: 'photos', photoIds: values.photoIds }
              : { kind: 'everything' },
        receivedVia: values.receivedVia,
        receivedAt: new Date(values.receivedAt).toISOString(),
        requester:
          values.requesterType === 'patient'
            ? { type: 'patient' }
            : {
                type: values.requesterType,
                fullName: text(values.requesterName),
                authority: text(values.requesterAuthority),
              },
        identityVerification: values.identityVerification.trim(),
        notes: text(values.notes),
      };
      const path = { params: { path: { id: patientId }, header: { 'Idempotency-Key': idempotency.key } } };
      return unwrap(
        letter
          ? api.POST('/api/v1/patients/{id}/revocations', {
              ...path,
              body: { document: letter, metadata: body },
              bodySerializer: multipartBody,
            })
          : api.POST('/api/v1/patients/{id}/revocations', { ...path, body }),
      );
    },
    onSuccess: (revocation) => {
      idempotency.renew();
      void queryClient.invalidateQueries({ queryKey: ['patient', patientId] });
      void queryClient.invalidateQueries({ queryKey: ['release'] });
      onRecorded(revocation);
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });

  return (
    <form onSubmit={form.onSubmit(() => record.mutate())} noValidate>
      <Stack>
        <Card withBorder>
          <Radio.Group label="What the patient withdraws" size="md" {...form.getInputProps('kind')}>
            <Stack gap="xs" mt="xs">
              <Radio size="md" value="everything" label="Everything: every release ends" />
              <Radio size="md" value="channels" label="Some channels only" />
              <Radio size="md" value="photos" label="Some photos, from every use" />
            </Stack>
          </Radio.Group>
          {values.kind === 'channels' && (
            <Checkbox.Group label="Channels withdrawn" mt="md" {...form.getInputProps('channels')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                {[...TOP_CHANNELS, ...SOCIAL_CHANNELS].map((channel) => (
                  <Checkbox key={channel} size="md" value={channel} label={CHANNEL_NAMES[channel]} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          {values.kind === 'photos' && (
            <QueryState query={photos} label="Loading the photos">
              <Checkbox.Group label="Photos withdrawn" mt="md" {...form.getInputProps('photoIds')}>
                <Stack gap="xs" mt="xs">
                  {photos.data?.length === 0 && <Text>The patient has no photo.</Text>}
                  {photos.data?.map((photo) => (
                    <Checkbox
                      key={photo.id}
                      size="md"
                      value={photo.id}
                      label={`${photo.procedure}: ${photo.kind} photo uploaded ${formatDate(photo.uploadedAt)}${photo.view ? `, ${photo.view}` : ''}`}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            </QueryState>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            The request
          </Title>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Received by"
                size="md"
                allowDeselect={false}
                data={[
                  { value: 'phone', label: 'Phone' },
                  { value: 'in_person', label: 'In person' },
                  { value: 'email', label: 'Email' },
                  { value: 'mail', label: 'Letter' },
                ]}
                {...form.getInputProps('receivedVia')}
              />
              <TextInput label="Received at" type="datetime-local" size="md" {...form.getInputProps('receivedAt')} />
              <Select
                label="Who asked"
                size="md"
                allowDeselect={false}
                data={[
                  { value: 'patient', label: 'The patient' },
                  { value: 'guardian', label: 'A guardian' },
                  { value: 'authorized_agent', label: 'An authorized agent' },
                ]}
                {...form.getInputProps('requesterType')}
              />
            </SimpleGrid>
            {values.requesterType !== 'patient' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Their name" size="md" {...form.getInputProps('requesterName')} />
                <TextInput
                  label="Their relationship or authority"
                  size="md"
                  {...form.getInputProps('requesterAuthority')}
                />
              </SimpleGrid>
            )}
            <TextInput
              label="How you verified who asked"
              required
              size="md"
              placeholder="Called back on the number on file; confirmed date of birth"
              {...form.getInputProps('identityVerification')}
            />
            <Textarea label="Notes" autosize minRows={2} size="md" {...form.getInputProps('notes')} />
            <Dropzone
              onDrop={(files) => setLetter(files[0])}
              accept={['application/pdf', 'image/jpeg', 'image/png']}
              multiple={false}
              aria-label="Written request: drop it here or choose a file (optional)"
              inputProps={{ 'aria-label': 'Written request file' }}
            >
              <Stack align="center" gap={4} mih={64} justify="center">
                <Text fw={500}>
                  {letter ? `Written request: ${letter.name}` : 'The written request, if there is one (optional)'}
                </Text>
                <Text size="sm" c="dimmed">
                  PDF, JPEG or PNG
                </Text>
              </Stack>
            </Dropzone>
          </Stack>
        </Card>
        <ProblemAlert error={record.error} />
        <Group justify="flex-end">
          <Button type="submit" size="md" color="red.8" loading={record.isPending}>
            Record the revocation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Recorded({ revocation }: { revocation: Revocation }) {
  const removal = useQuery({
    queryKey: ['removal-case', revocation.removalCaseId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/removal-cases/{id}', { params: { path: { id: revocation.removalCaseId } } })),
  });
  return (
    <Stack>
      <Alert color="green" title="The revocation is recorded" role="status">
        It took effect {formatDateTime(revocation.receivedAt)}. The patient is sent a receipt.
        {revocation.revokedReleaseIds.length > 0 && ` ${revocation.revokedReleaseIds.length} release(s) ended.`}
      </Alert>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          The removal case it opened
        </Title>
        <QueryState query={removal} label="Loading the removal case">
          {removal.data && (
            <Stack gap={4}>
              <Text>
                {removal.data.status === 'open'
                  ? `Every use it no longer allows must be taken down by ${formatDate(removal.data.dueAt)}.`
                  : `Closed ${formatDate(removal.data.completedAt)}: nothing it no longer allows is left to take down.`}
              </Text>
              <Text>
                {removal.data.tasks.length === 0
                  ? 'No publication needed taking down.'
                  : `${removal.data.tasks.length} publication(s) to take down: ${removal.data.progress.done} done.`}
              </Text>
            </Stack>
          )}
        </QueryState>
        <Text size="sm" c="dimmed" mt="xs">
          Removal case {revocation.removalCaseId}. The privacy officer follows it to its close.
        </Text>
      </Card>
      <Group>
        <Anchor component={Link} to={`/patients/${revocation.patientId}`}>
          Back to the patient
        </Anchor>
      </Group>
    </Stack>
  );
}
