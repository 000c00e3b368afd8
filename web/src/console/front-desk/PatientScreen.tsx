import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, fieldErrors, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState } from '../../shared/ui';
import { useCan } from '../session';
import { CHANNEL_NAMES, scopeLine } from './words';
import { formatDate, formatDateTime } from '../../shared/time';

type PatientDetail = components['schemas']['PatientDetailDto'];
type Release = components['schemas']['ReleaseDto'];
type RemovalCase = components['schemas']['RemovalCaseSummaryDto'];
type Revocation = components['schemas']['RevocationDto'];

export function usePatient(id: string) {
  return useQuery({
    queryKey: ['patient', id],
    queryFn: () => unwrap(api.GET('/api/v1/patients/{id}', { params: { path: { id } } })),
  });
}

/** One patient: details (correctable), cases, releases with their status, and what to do next. */
export default function PatientScreen() {
  const { id = '' } = useParams();
  const can = useCan();
  const patient = usePatient(id);
  return (
    <Stack maw={1024}>
      <PageHeader title={patient.data ? `Patient ${patient.data.code}` : 'Patient'}>
        {can('releases.write') && (
          <Button component={Link} to={`/patients/${id}/signing/new`} size="md">
            Sign a release on the tablet
          </Button>
        )}
        {can('releases.write') && (
          <Button component={Link} to={`/patients/${id}/releases/new`} size="md" variant="default">
            Record a paper release
          </Button>
        )}
        {can('revocations.write') && (
          <Button component={Link} to={`/patients/${id}/revocations/new`} size="md" variant="default">
            Record a revocation
          </Button>
        )}
      </PageHeader>
      <QueryState query={patient}>{patient.data && <PatientDetails patient={patient.data} />}</QueryState>
      {patient.data && <Cases patient={patient.data} />}
      {patient.data && <Releases patientId={id} />}
      {patient.data && can('removals.read') && <RevocationsAndRemovals patientId={id} />}
    </Stack>
  );
}

function PatientDetails({ patient }: { patient: PatientDetail }) {
  const can = useCan();
  const [editing, { open, close }] = useDisclosure(false);
  const rows: [string, string][] = [
    ['Name', patient.fullName ?? '—'],
    ['Date of birth', `${formatDate(patient.dateOfBirth)}${patient.minor ? ' (minor)' : ''}`],
    ['Record number', patient.mrn ?? '—'],
    ['Email', patient.contactEmail ?? '—'],
    ['Phone', patient.contactPhone ?? '—'],
    ['Postal address', patient.postalAddress ?? '—'],
  ];
  if (patient.guardian) {
    rows.push([
      'Guardian',
      [
        patient.guardian.fullName,
        patient.guardian.relationship.replace('_', ' '),
        patient.guardian.contactEmail,
        patient.guardian.contactPhone,
      ]
        .filter(Boolean)
        .join(' · '),
    ]);
  }
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          Details
        </Title>
        {can('patients.write') && (
          <Button variant="default" size="md" onClick={open}>
            Correct details
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text>{value}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Modal opened={editing} onClose={close} title="Correct details" size="lg">
        <EditPatient patient={patient} onDone={close} />
      </Modal>
    </Card>
  );
}

function EditPatient({ patient, onDone }: { patient: PatientDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      fullName: patient.fullName ?? '',
      dateOfBirth: patient.dateOfBirth ?? '',
      mrn: patient.mrn ?? '',
      contactEmail: patient.contactEmail ?? '',
      contactPhone: patient.contactPhone ?? '',
      postalAddress: patient.postalAddress ?? '',
    },
  });
  const orNull = (text: string) => (text.trim() ? text.trim() : null);
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.PATCH('/api/v1/patients/{id}', {
          params: { path: { id: patient.id } },
          body: {
            fullName: values.fullName.trim(),
            dateOfBirth: values.dateOfBirth,
            mrn: orNull(values.mrn),
            contactEmail: orNull(values.contactEmail),
            contactPhone: orNull(values.contactPhone),
            postalAddress: orNull(values.postalAddress),
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['patient', patient.id] });
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      notifications.show({ message: 'The details were saved.', color: 'green' });
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Full name" size="md" {...form.getInputProps('fullName')} />
          <TextInput label="Date of birth" type="date" size="md" {...form.getInputProps('dateOfBirth')} />
          <TextInput label="Record number (MRN)" size="md" {...form.getInputProps('mrn')} />
          <TextInput label="Email" type="email" size="md" {...form.getInputProps('contactEmail')} />
          <TextInput label="Phone" type="tel" size="md" {...form.getInputProps('contactPhone')} />
          <TextInput label="Postal address" size="md" {...form.getInputProps('postalAddress')} />
        </SimpleGrid>
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Cases({ patient }: { patient: PatientDetail }) {
  const can = useCan();
  const [opening, { open, close }] = useDisclosure(false);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          Cases
        </Title>
        {can('patients.write') && (
          <Button variant="default" size="md" onClick={open}>
            Open a case
          </Button>
        )}
      </Group>
      {patient.cases.length === 0 ? (
        <Text>No case yet. Open one to upload photos.</Text>
      ) : (
        <Table.ScrollContainer minWidth={480} type="native" tabIndex={0}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Procedure</Table.Th>
                <Table.Th>Treated</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Photos</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {patient.cases.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${item.id}`}>
                      {item.procedure}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(item.treatmentDate)}</Table.Td>
                  <Table.Td>{item.provider}</Table.Td>
                  <Table.Td>{item.photoCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={opening} onClose={close} title="Open a case">
        <OpenCase patientId={patient.id} />
      </Modal>
    </Card>
  );
}

function OpenCase({ patientId }: { patientId: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { procedure: '', provider: '', treatmentDate: '', notes: '' },
    validate: {
      procedure: (value) => (value.trim() ? null : 'Enter the procedure.'),
      provider: (value) => (value.trim() ? null : 'Enter who treats the patient.'),
      treatmentDate: (value) => (value ? null : 'Enter the treatment date.'),
    },
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/patients/{id}/cases', {
          params: { path: { id: patientId } },
          body: {
            procedure: values.procedure.trim(),
            provider: values.provider.trim(),
            treatmentDate: values.treatmentDate,
            notes: values.notes.trim() || undefined,
          },
        }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['patient', patientId] });
      void navigate(`/cases/${created.id}`);
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack>
        <TextInput label="Procedure" required size="md" {...form.getInputProps('procedure')} />
        <TextInput label="Provider" required size="md" {...form.getInputProps('provider')} />
        <TextInput label="Treatment date" type="date" required size="md" {...form.getInputProps('treatmentDate')} />
        <TextInput label="Notes" size="md" {...form.getInputProps('notes')} />
        <ProblemAlert error={create.error} />
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={create.isPending}>
            Open the case
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function releaseStatus(release: Release): { label: string; color: string } {
  if (release.revokedAt) return { label: `Revoked ${formatDate(release.revokedAt)}`, color: 'red' };
  if (release.expiresAt && new Date(release.expiresAt) < new Date()) return { label: 'Expired', color: 'gray' };
  if (!release.checklistComplete) return { label: 'Checklist incomplete', color: 'yellow' };
  return { label: 'In force', color: 'green' };
}

function Releases({ patientId }: { patientId: string }) {
  const releases = useQuery({
    queryKey: ['patient', patientId, 'releases'],
    queryFn: () => unwrap(api.GET('/api/v1/patients/{id}/releases', { params: { path: { id: patientId } } })),
  });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Releases
      </Title>
      <QueryState query={releases}>
        {releases.data?.length === 0 ? (
          <Text>No release recorded: the patient’s photos may not be used anywhere.</Text>
        ) : (
          <Stack gap="sm">
            {releases.data?.map((release) => {
              const status = releaseStatus(release);
              return (
                <Card key={release.id} withBorder padding="sm">
                  <Group justify="space-between" wrap="wrap">
                    <Anchor component={Link} to={`/releases/${release.id}`} fw={500}>
                      {release.formTemplate}, signed {formatDate(release.signedAt)} (version {release.version})
                    </Anchor>
                    <Badge color={status.color} variant="light">
                      {status.label}
                    </Badge>
                  </Group>
                  <Text size="sm" mt={4}>
                    {scopeLine(release.scope)}
                  </Text>
                  {release.revocationId && (
                    <Text size="sm" c="dimmed">
                      Revocation recorded {formatDateTime(release.revokedAt)}.
                    </Text>
                  )}
                </Card>
              );
            })}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

const ORIGIN_WORDS: Record<RemovalCase['origin'], string> = {
  revocation: 'Revocation',
  release_expiry: 'A release expired',
  release_narrowed: 'A release was narrowed',
  date_of_birth_corrected: 'The date of birth was corrected',
};

const VIA_WORDS: Record<Revocation['receivedVia'], string> = {
  portal: 'in the patient portal',
  email: 'by email',
  phone: 'by phone',
  in_person: 'in person',
  mail: 'by letter',
};

/** What a revocation withdrew, in words. */
function revocationScopeWords(revocation: Revocation): string {
  const { scope } = revocation;
  if (scope.kind === 'everything') return 'Everything withdrawn';
  if (scope.kind === 'channels') {
    return `Withdrawn from ${(scope.channels ?? []).map((channel) => CHANNEL_NAMES[channel]).join(', ')}`;
  }
  return `${scope.photoIds?.length ?? 0} photo(s) withdrawn from every use`;
}

/**
 * The patient's revocations and the removal cases consent changes opened: every revocation opens
 * one, so the cases list them all.
 */
function RevocationsAndRemovals({ patientId }: { patientId: string }) {
  const cases = useQuery({
    queryKey: ['patient', patientId, 'removal-cases'],
    queryFn: () => unwrap(api.GET('/api/v1/removal-cases', { params: { query: { patientId, limit: 50 } } })),
  });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Revocations and removals
      </Title>
      <QueryState query={cases}>
        {cases.data?.items.length === 0 ? (
          <Text>No revocation, and nothing to take down.</Text>
        ) : (
          <Stack gap="sm">
            {cases.data?.items.map((removal) => (
              <Card key={removal.id} withBorder padding="sm">
                <Group justify="space-between" wrap="wrap">
                  <Text fw={500}>
                    {ORIGIN_WORDS[removal.origin]}, {formatDate(removal.openedAt)}
                  </Text>
                  <Badge
                    color={removal.status === 'completed' ? 'green' : removal.overdue ? 'red' : 'blue'}
                    variant="light"
                  >
                    {removal.status === 'completed'
                      ? `Removals done ${formatDate(removal.completedAt)}`
                      : removal.overdue
                        ? `Overdue since ${formatDate(removal.dueAt)}`
                        : `Removals due ${formatDate(removal.dueAt)}`}
                  </Badge>
                </Group>
                {removal.revocationId && <RevocationLine id={removal.revocationId} />}
                <Text size="sm" c="dimmed">
                  {removal.progress.tasks === 0
                    ? 'No publication needed taking down.'
                    : `${removal.progress.done} of ${removal.progress.tasks} publication(s) taken down.`}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

function RevocationLine({ id }: { id: string }) {
  const revocation = useQuery({
    queryKey: ['revocation', id],
    queryFn: () => unwrap(api.GET('/api/v1/revocations/{id}', { params: { path: { id } } })),
  });
  if (!revocation.data) return null;
  return (
    <Text size="sm">
      {revocationScopeWords(revocation.data)}, received {VIA_WORDS[revocation.data.receivedVia]}{' '}
      {formatDateTime(revocation.data.receivedAt)}.
    </Text>
  );
}
