import '@mantine/dropzone/styles.css';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, multipartBody, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState } from '../../shared/ui';
import { durationInWords, useNow } from '../../shared/time';
import { channelLabel } from './channels';

type Task = components['schemas']['AssignedRemovalTaskDto'];

/** "3 d 4 h left" or "Overdue by 2 d 1 h", from now. */
function countdown(dueAt: string, now: number): { text: string; overdue: boolean } {
  const left = new Date(dueAt).getTime() - now;
  const words = durationInWords(left);
  return left > 0 ? { text: `${words} left`, overdue: false } : { text: `Overdue by ${words}`, overdue: true };
}

/** The removal tasks assigned to the signed-in person that are still to do, soonest deadline first. */
export default function RemovalTasks() {
  const tasks = useQuery({
    queryKey: ['removal-tasks', 'mine', 'open'],
    queryFn: () => unwrap(api.GET('/api/v1/removal-tasks', { params: { query: { assignee: 'me', status: 'open' } } })),
  });
  const now = useNow(60_000);
  const [completing, setCompleting] = useState<Task | null>(null);

  return (
    <Stack maw={960}>
      <PageHeader title="My removal tasks" />
      <Text>
        Publications to take down after a patient withdrew consent. Each must come down by its case's deadline; complete
        it with a screenshot showing it gone, or let the service check the address itself.
      </Text>
      <QueryState query={tasks} label="Loading your tasks">
        {tasks.data?.length === 0 ? (
          <Text role="status">No open removal task is assigned to you.</Text>
        ) : (
          tasks.data?.map((task) => {
            const due = countdown(task.dueAt, now);
            return (
              <Card
                withBorder
                key={task.id}
                component="article"
                aria-label={`${channelLabel(task.channel)} removal task`}
              >
                <Group justify="space-between" align="flex-start">
                  <Stack gap={4}>
                    <Title order={2} size="h4">
                      {channelLabel(task.channel)}
                    </Title>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {task.url ?? task.postId ?? task.campaign ?? task.printRun ?? 'No address on record'}
                    </Text>
                    <Text size="sm" c="dimmed">
                      Patient {task.patientCode} · due {new Date(task.dueAt).toLocaleString()} ·{' '}
                      <Anchor component={Link} to={`/photos/${task.photoId}`} size="sm" underline="always">
                        Open photo
                      </Anchor>
                    </Text>
                  </Stack>
                  <Stack gap="xs" align="flex-end">
                    <Badge color={due.overdue ? 'red' : 'blue'} variant={due.overdue ? 'filled' : 'light'} size="lg">
                      {due.text}
                    </Badge>
                    <Button onClick={() => setCompleting(task)}>Complete…</Button>
                  </Stack>
                </Group>
              </Card>
            );
          })
        )}
      </QueryState>
      <Modal
        opened={completing !== null}
        onClose={() => setCompleting(null)}
        title={completing ? `Complete the ${channelLabel(completing.channel)} task` : ''}
        size="lg"
      >
        {completing && <CompleteTask task={completing} onDone={() => setCompleting(null)} />}
      </Modal>
    </Stack>
  );
}

function CompleteTask({ task, onDone }: { task: Task; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [evidence, setEvidence] = useState<'screenshot' | 'url_check'>(task.url ? 'url_check' : 'screenshot');
  const [screenshot, setScreenshot] = useState<File | null>(null);
  const form = useForm({ initialValues: { imageUrl: '' } });
  const complete = useMutation({
    mutationFn: () =>
      evidence === 'screenshot'
        ? unwrap(
            api.POST('/api/v1/removal-tasks/{id}/complete', {
              params: { path: { id: task.id } },
              body: { screenshot: screenshot as File, metadata: { evidence: { kind: 'screenshot' } } },
              bodySerializer: multipartBody,
            }),
          )
        : unwrap(
            api.POST('/api/v1/removal-tasks/{id}/complete', {
              params: { path: { id: task.id } },
              body: {
                evidence: {
                  kind: 'url_check',
                  ...(form.values.imageUrl.trim() ? { imageUrl: form.values.imageUrl.trim() } : {}),
                },
              },
            }),
          ),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: `The ${channelLabel(task.channel)} task is done.` });
      await queryClient.invalidateQueries({ queryKey: ['removal-tasks'] });
      await queryClient.invalidateQueries({ queryKey: ['publications'] });
      onDone();
    },
  });
  const findings = notConfirmed(complete.error);

  return (
    <Stack>
      <SegmentedControl
        aria-label="Evidence"
        value={evidence}
        onChange={(value) => setEvidence(value === 'url_check' ? 'url_check' : 'screenshot')}
        data={[
          { value: 'screenshot', label: 'Screenshot' },
          { value: 'url_check', label: 'Check the address', disabled: !task.url },
        ]}
      />
      {evidence === 'screenshot' ? (
        <Dropzone
          onDrop={(files) => setScreenshot(files[0] ?? null)}
          accept={['image/png', 'image/jpeg', 'application/pdf']}
          multiple={false}
          aria-label="Drop the screenshot, or choose it"
        >
          <Stack align="center" gap={4} py="md" style={{ pointerEvents: 'none' }}>
            <Text fw={600}>{screenshot ? screenshot.name : 'Drop the screenshot here, or click to choose it'}</Text>
            <Text size="sm" c="dimmed">
              PNG, JPEG or PDF showing the publication gone
            </Text>
          </Stack>
        </Dropzone>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            The service fetches <strong style={{ overflowWrap: 'anywhere' }}>{task.url}</strong> itself and completes
            the task only if it is gone or no longer shows the photo.
          </Text>
          <TextInput
            label="Address of the image itself (optional)"
            placeholder="https://…/image.jpg"
            {...form.getInputProps('imageUrl')}
          />
        </Stack>
      )}
      {findings ? (
        <Alert color="red" role="alert" title="The removal is not confirmed">
          {findings}
        </Alert>
      ) : (
        <ProblemAlert error={complete.error} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          onClick={() => complete.mutate()}
          loading={complete.isPending}
          disabled={evidence === 'screenshot' && !screenshot}
        >
          {evidence === 'screenshot' ? 'Complete with this screenshot' : 'Check and complete'}
        </Button>
      </Group>
    </Stack>
  );
}

/** What a URL check found when it did not confirm the removal. */
function notConfirmed(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'removal_not_confirmed') return null;
  const finding = error.problem?.check?.finding;
  return typeof finding === 'string'
    ? `${error.problem?.detail ?? ''} ${finding}`.trim()
    : (error.problem?.detail ?? null);
}
