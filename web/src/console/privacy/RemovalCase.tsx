import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, fieldErrors, multipartBody, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState, notifyDone, useFocusReturnOnClose } from '../../shared/ui';
import { useCan, useMe } from '../session';
import {
  CHANNEL_NAMES,
  Countdown,
  ORIGIN_NAMES,
  saveDownload,
  TASK_STATUS,
  type Channel,
  type RemovalCase as RemovalCaseData,
  type RemovalTask,
} from './shared';
import { formatDate, formatDateTime, useNow } from '../../shared/time';

type Revocation = components['schemas']['RevocationDto'];

const caseKey = (id: string) => ['removal-case', id];

/** One removal case: the revocation behind it, each publication's task, and the work left. */
export default function RemovalCase() {
  const { id = '' } = useParams();
  const now = useNow();
  const removalCase = useQuery({
    queryKey: caseKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/removal-cases/{id}', { params: { path: { id } } })),
  });
  const data = removalCase.data;

  return (
    <Stack>
      <PageHeader title="Removal case" />
      <QueryState query={removalCase} label="Loading the removal case">
        {data && (
          <>
            <CaseSummary removalCase={data} now={now} />
            {data.revocationId && <RevocationCard revocationId={data.revocationId} />}
            <TasksSection removalCase={data} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function CaseSummary({ removalCase, now }: { removalCase: RemovalCaseData; now: number }) {
  const { tasks, done, notRemovable } = removalCase.progress;
  const open = removalCase.status === 'open';
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Fact label="Patient">
          <Text fw={600}>{removalCase.patientCode}</Text>
        </Fact>
        <Fact label="Status">
          <Badge color={open ? 'orange' : 'green'} variant="light" size="lg">
            {open ? 'Open' : `Closed ${formatDate(removalCase.completedAt)}`}
          </Badge>
        </Fact>
        <Fact label={`Deadline: ${formatDate(removalCase.dueAt)}`}>
          <Countdown dueAt={removalCase.dueAt} open={open} now={now} />
        </Fact>
        <Fact label="Progress">
          <Progress value={tasks > 0 ? ((done + notRemovable) / tasks) * 100 : 100} aria-label="Tasks finished" />
          <Text size="sm">
            {done} taken down, {notRemovable} approved to stay up, {tasks - done - notRemovable} to do
          </Text>
        </Fact>
      </SimpleGrid>
      <Text size="sm" mt="sm">
        {ORIGIN_NAMES[removalCase.origin]} · opened {formatDateTime(removalCase.openedAt)}
      </Text>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

const RECEIVED_VIA: Record<Revocation['receivedVia'], string> = {
  portal: 'the patient portal',
  email: 'email',
  phone: 'phone',
  in_person: 'in person',
  mail: 'mail',
};

const REQUESTERS: Record<Revocation['requester']['type'], string> = {
  patient: 'The patient',
  guardian: 'The guardian',
  authorized_agent: 'An authorized agent',
};

function scopeInWords(scope: Revocation['scope']): string {
  if (scope.kind === 'everything') return 'Everything: the release ends';
  if (scope.kind === 'channels') {
    return `These channels: ${(scope.channels ?? []).map((channel) => CHANNEL_NAMES[channel]).join(', ')}`;
  }
  const count = scope.photoIds?.length ?? 0;
  return `${count} photo${count === 1 ? '' : 's'}, from every use`;
}

function RevocationCard({ revocationId }: { revocationId: string }) {
  const revocation = useQuery({
    queryKey: ['revocation', revocationId],
    queryFn: () => unwrap(api.GET('/api/v1/revocations/{id}', { params: { path: { id: revocationId } } })),
  });
  const download = useMutation({
    mutationFn: async () => {
      const { data, response } = await api.GET('/api/v1/revocations/{id}/document', {
        params: { path: { id: revocationId } },
        parseAs: 'blob',
      });
      if (!data) return unwrap(Promise.resolve({ data, response }));
      saveDownload(data, response, `revocation-${revocationId}`);
    },
  });
  const data = revocation.data;
  return (
    <Card withBorder component="section" aria-labelledby="revocation-heading">
      <Title order={2} size="h4" id="revocation-heading" mb="sm">
        The revocation behind it
      </Title>
      <QueryState query={revocation} label="Loading the revocation">
        {data && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Fact label="What was revoked">
              <Text>{scopeInWords(data.scope)}</Text>
            </Fact>
            <Fact label="Received">
              <Text>
                {formatDateTime(data.receivedAt)} by {RECEIVED_VIA[data.receivedVia]}
              </Text>
            </Fact>
            <Fact label="Asked by">
              <Text>
                {REQUESTERS[data.requester.type]}
                {data.requester.fullName ? ` (${data.requester.fullName})` : ''}
              </Text>
            </Fact>
            {data.identityVerification && (
              <Fact label="Identity checked">
                <Text>{data.identityVerification}</Text>
              </Fact>
            )}
            {data.document && (
              <Group>
                <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
                  Download the written request
                </Button>
                <ProblemAlert error={download.error} />
              </Group>
            )}
          </SimpleGrid>
        )}
      </QueryState>
    </Card>
  );
}

/** Where a publication appears, as far as the record says. */
function whereItAppears(task: RemovalTask) {
  if (task.hosted) return <Text size="sm">Served by this service</Text>;
  return (
    <Stack gap={2}>
      {task.url && (
        <Anchor href={task.url} target="_blank" rel="noreferrer noopener" size="sm" style={{ wordBreak: 'break-all' }}>
          {task.url}
        </Anchor>
      )}
      {task.postId && <Text size="sm">Post {task.postId}</Text>}
      {task.campaign && <Text size="sm">Campaign {task.campaign}</Text>}
      {task.printRun && <Text size="sm">Print run {task.printRun}</Text>}
    </Stack>
  );
}

function TasksSection({ removalCase }: { removalCase: RemovalCaseData }) {
  const me = useMe();
  const can = useCan();
  const [completing, setCompleting] = useState<RemovalTask>();
  const [assigning, setAssigning] = useState<RemovalTask>();
  const [adding, setAdding] = useState(false);
  const owners = useQuery({
    queryKey: ['removal-task-owners'],
    queryFn: () => unwrap(api.GET('/api/v1/removal-task-owners')),
  });
  // People who work removal tasks that this role can name: itself and the channels' default owners.
  const people = new Map<string, string>([[me.user.id, `${me.user.displayName} (you)`]]);
  for (const owner of owners.data ?? []) if (!people.has(owner.userId)) people.set(owner.userId, owner.displayName);
  const ownerName = (userId: string | null) => (userId ? (people.get(userId) ?? 'Another staff member') : 'Nobody yet');

  return (
    <Card withBorder component="section" aria-labelledby="tasks-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="tasks-heading">
          Where the photos appear
        </Title>
        {can('removals.work') && (
          <Button variant="default" onClick={() => setAdding(true)}>
            Add a publication found later
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Channel</Table.Th>
              <Table.Th scope="col">Where</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col">Evidence</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {removalCase.tasks.map((task) => (
              <Table.Tr key={task.id} data-testid={`task-${task.channel}`}>
                <Table.Td fw={600}>{CHANNEL_NAMES[task.channel]}</Table.Td>
                <Table.Td maw={260}>{whereItAppears(task)}</Table.Td>
                <Table.Td>
                  <Badge color={TASK_STATUS[task.status].color} variant="light">
                    {TASK_STATUS[task.status].label}
                  </Badge>
                  {task.notRemovableReason && <Text size="sm">Why: {task.notRemovableReason}</Text>}
                </Table.Td>
                <Table.Td>{ownerName(task.assigneeUserId)}</Table.Td>
                <Table.Td maw={280}>
                  <Evidence task={task} />
                </Table.Td>
                <Table.Td>
                  <TaskActions
                    task={task}
                    caseId={removalCase.id}
                    onComplete={() => setCompleting(task)}
                    onAssign={() => setAssigning(task)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {completing && (
        <CompleteTaskModal task={completing} caseId={removalCase.id} onClose={() => setCompleting(undefined)} />
      )}
      {assigning && (
        <AssignTaskModal
          task={assigning}
          caseId={removalCase.id}
          people={people}
          onClose={() => setAssigning(undefined)}
        />
      )}
      {adding && <AddPublicationModal removalCase={removalCase} onClose={() => setAdding(false)} />}
    </Card>
  );
}

/** What proves a takedown, in words, with the screenshot to download. */
function Evidence({ task }: { task: RemovalTask }) {
  const download = useMutation({
    mutationFn: async () => {
      const { data, response } = await api.GET('/api/v1/removal-tasks/{id}/screenshot', {
        params: { path: { id: task.id } },
        parseAs: 'blob',
      });
      if (!data) return unwrap(Promise.resolve({ data, response }));
      saveDownload(data, response, `removal-task-${task.id}`);
    },
  });
  const evidence = task.evidence ?? {};
  const when = task.completedAt ? ` on ${formatDateTime(task.completedAt)}` : '';
  switch (task.evidenceKind) {
    case 'service_hosted':
      return <Text size="sm">Taken down by the service{when}: its address now answers “gone” (410).</Text>;
    case 'attestation':
      return (
        <Text size="sm">
          Statement{when}: {typeof evidence.statement === 'string' ? evidence.statement : '(not shown to your role)'}
        </Text>
      );
    case 'screenshot':
      return (
        <Stack gap={4}>
          <Text size="sm">Screenshot{when}</Text>
          <Button size="xs" variant="default" onClick={() => download.mutate()} loading={download.isPending}>
            Download the screenshot
          </Button>
          <ProblemAlert error={download.error} />
        </Stack>
      );
    case 'url_check':
      return (
        <Text size="sm">
          Address checked{when}: {typeof evidence.finding === 'string' ? evidence.finding : 'the photo is gone'}
        </Text>
      );
    case null:
      return (
        <Text size="sm" c="dimmed">
          None yet
        </Text>
      );
  }
}

function useCaseUpdate(caseId: string) {
  const queryClient = useQueryClient();
  return (updated: RemovalCaseData) => {
    queryClient.setQueryData(caseKey(caseId), updated);
    void queryClient.invalidateQueries({ queryKey: ['removal-cases'] });
  };
}

function TaskActions({
  task,
  caseId,
  onComplete,
  onAssign,
}: {
  task: RemovalTask;
  caseId: string;
  onComplete: () => void;
  onAssign: () => void;
}) {
  const can = useCan();
  const updated = useCaseUpdate(caseId);
  const approve = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/removal-tasks/{id}/approve', { params: { path: { id: task.id } } })),
    onSuccess: (removalCase) => {
      updated(removalCase);
      notifyDone(`${CHANNEL_NAMES[task.channel]}: approved to stay up.`);
    },
  });
  if (task.status === 'done' || task.status === 'not_removable') return null;
  const label = CHANNEL_NAMES[task.channel];
  return (
    <Stack gap="xs">
      {can('removals.work') && (
        <Button size="sm" onClick={onComplete} aria-label={`Complete the ${label} task`}>
          Complete
        </Button>
      )}
      {task.status === 'not_removable_requested' && can('removals.approve') && (
        <Button
          size="sm"
          color="yellow"
          variant="light"
          onClick={() => approve.mutate()}
          loading={approve.isPending}
          aria-label={`Approve leaving it up: ${label}`}
        >
          Approve leaving it up
        </Button>
      )}
      {can('removals.work') && (
        <Button size="sm" variant="default" onClick={onAssign} aria-label={`Assign the ${label} task`}>
          Assign
        </Button>
      )}
      <ProblemAlert error={approve.error} />
    </Stack>
  );
}

type EvidenceKind = 'screenshot' | 'url_check' | 'attestation';

function CompleteTaskModal({ task, caseId, onClose }: { task: RemovalTask; caseId: string; onClose: () => void }) {
  useFocusReturnOnClose();
  const updated = useCaseUpdate(caseId);
  const [kind, setKind] = useState<EvidenceKind>(task.url ? 'url_check' : 'screenshot');
  const form = useForm({
    initialValues: { screenshot: null as File | null, statement: '' },
    validate: {
      screenshot: (value) => (kind === 'screenshot' && !value ? 'Choose the screenshot file' : null),
      statement: (value) => (kind === 'attestation' && !value.trim() ? 'Say what you did and what you saw' : null),
    },
  });
  const complete = useMutation({
    mutationFn: (values: typeof form.values) => {
      const params = { path: { id: task.id } };
      if (kind === 'screenshot' && values.screenshot) {
        return unwrap(
          api.POST('/api/v1/removal-tasks/{id}/complete', {
            params,
            body: {
              screenshot: values.screenshot,
              metadata: {
                evidence: { kind: 'screenshot', ...(values.statement ? { statement: values.statement } : {}) },
              },
            },
            bodySerializer: multipartBody,
          }),
        );
      }
      const evidence =
        kind === 'url_check'
          ? { kind: 'url_check' as const }
          : { kind: 'attestation' as const, statement: values.statement };
      return unwrap(api.POST('/api/v1/removal-tasks/{id}/complete', { params, body: { evidence } }));
    },
    onSuccess: (removalCase) => {
      updated(removalCase);
      notifyDone(`${CHANNEL_NAMES[task.channel]}: taken down, evidence recorded.`);
      onClose();
    },
  });
  const kinds = [
    { value: 'screenshot', label: 'Screenshot' },
    ...(task.url ? [{ value: 'url_check', label: 'Check the address' }] : []),
    { value: 'attestation', label: 'Statement' },
  ];
  return (
    <Modal opened onClose={onClose} title={`Complete the ${CHANNEL_NAMES[task.channel]} task`}>
      <form onSubmit={form.onSubmit((values) => complete.mutate(values))} noValidate>
        <Stack>
          <Text size="sm">How do you show the photo is gone?</Text>
          <SegmentedControl
            aria-label="Evidence"
            value={kind}
            onChange={(value) => setKind(value as EvidenceKind)}
            data={kinds}
            fullWidth
          />
          {kind === 'url_check' && (
            <Text size="sm">
              The service fetches {task.url} now and completes the task only if the page is gone or no longer shows the
              photo.
            </Text>
          )}
          {kind === 'screenshot' && (
            <FileInput
              label="Screenshot"
              description="PNG, JPEG or PDF showing the publication gone"
              accept="image/png,image/jpeg,application/pdf"
              clearable
              clearButtonProps={{ 'aria-label': 'Remove the file' }}
              {...form.getInputProps('screenshot')}
            />
          )}
          {kind !== 'url_check' && (
            <Textarea
              label={kind === 'attestation' ? 'What you did and saw' : 'Note (optional)'}
              autosize
              minRows={2}
              {...form.getInputProps('statement')}
            />
          )}
          <ProblemAlert error={complete.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={complete.isPending}>
              Record the takedown
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AssignTaskModal({
  task,
  caseId,
  people,
  onClose,
}: {
  task: RemovalTask;
  caseId: string;
  people: Map<string, string>;
  onClose: () => void;
}) {
  useFocusReturnOnClose();
  const updated = useCaseUpdate(caseId);
  const form = useForm({
    initialValues: { userId: '' },
    validate: { userId: (value) => (value ? null : 'Choose who takes the task') },
  });
  const assign = useMutation({
    mutationFn: ({ userId }: typeof form.values) =>
      unwrap(api.POST('/api/v1/removal-tasks/{id}/assign', { params: { path: { id: task.id } }, body: { userId } })),
    onSuccess: (removalCase) => {
      updated(removalCase);
      notifyDone('Task assigned; they are told by mail.');
      onClose();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <Modal opened onClose={onClose} title={`Assign the ${CHANNEL_NAMES[task.channel]} task`}>
      <form onSubmit={form.onSubmit((values) => assign.mutate(values))} noValidate>
        <Stack>
          <Select
            label="Who takes it"
            description="You, or a channel's default owner (set under the channels' owners)"
            data={[...people].map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('userId')}
          />
          <ProblemAlert error={assign.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={assign.isPending}>
              Assign
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const CHANNEL_OPTIONS = (Object.entries(CHANNEL_NAMES) as [Channel, string][]).map(([value, label]) => ({
  value,
  label,
}));

function AddPublicationModal({ removalCase, onClose }: { removalCase: RemovalCaseData; onClose: () => void }) {
  useFocusReturnOnClose();
  const updated = useCaseUpdate(removalCase.id);
  const photoIds = [...new Set(removalCase.tasks.map((task) => task.photoId))];
  const form = useForm({
    initialValues: {
      photoId: photoIds[0] ?? '',
      channel: '' as Channel | '',
      url: '',
      printRun: '',
      howFound: '',
      faceShown: false,
    },
    validate: {
      photoId: (value) => (value ? null : 'Choose the photo'),
      channel: (value) => (value ? null : 'Choose where it appears'),
      howFound: (value) => (value.trim() ? null : 'Say how it was found'),
      url: (value) => (!value || /^https?:\/\//.test(value) ? null : 'An address starting with https://'),
    },
  });
  const add = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/removal-cases/{id}/publications', {
          params: { path: { id: removalCase.id } },
          body: {
            photoId: values.photoId,
            channel: values.channel as Channel,
            howFound: values.howFound,
            faceShown: values.faceShown,
            location: { url: values.url || null, printRun: values.printRun || null },
          },
        }),
      ),
    onSuccess: (updatedCase) => {
      updated(updatedCase);
      notifyDone('Publication added, with a task to take it down.');
      onClose();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <Modal opened onClose={onClose} title="Add a publication found later">
      <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
        <Stack>
          <Select
            label="Photo"
            description="One of the patient's photos in this case"
            data={photoIds.map((id, index) => ({ value: id, label: `Photo ${index + 1} (${id.slice(0, 8)})` }))}
            {...form.getInputProps('photoId')}
          />
          <Select label="Channel" data={CHANNEL_OPTIONS} searchable {...form.getInputProps('channel')} />
          <TextInput label="Address" placeholder="https://" {...form.getInputProps('url')} />
          <TextInput
            label="Print run"
            description="For print: which run or flyer"
            {...form.getInputProps('printRun')}
          />
          <Textarea label="How it was found" autosize minRows={2} {...form.getInputProps('howFound')} />
          <Switch label="The face is shown" {...form.getInputProps('faceShown', { type: 'checkbox' })} />
          <ProblemAlert error={add.error} besideFields />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
