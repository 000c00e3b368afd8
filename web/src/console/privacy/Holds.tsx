import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState, notifyDone, useFocusReturnOnClose } from '../../shared/ui';
import { PatientPicker, type Patient } from './PatientPicker';

import { formatDateTime } from '../../shared/time';

type Hold = components['schemas']['HoldDto'];

const holdsKey = (patientId: string) => ['patients', patientId, 'holds'];

/**
 * Holds stop every use of a patient's photos while something is checked (a revocation by phone
 * awaiting identity, a dispute). Found by patient: the service keeps holds per patient.
 */
export default function Holds() {
  const [patient, setPatient] = useState<Patient>();
  return (
    <Stack maw={960}>
      <PageHeader title="Holds" />
      <Card withBorder>
        <PatientPicker onPick={setPatient} />
      </Card>
      {patient && <PatientHolds key={patient.id} patient={patient} />}
    </Stack>
  );
}

function PatientHolds({ patient }: { patient: Patient }) {
  const queryClient = useQueryClient();
  const [lifting, setLifting] = useState<Hold>();
  const holds = useQuery({
    queryKey: holdsKey(patient.id),
    queryFn: () => unwrap(api.GET('/api/v1/patients/{id}/holds', { params: { path: { id: patient.id } } })),
  });
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : 'Say why the photos are held') },
  });
  const place = useMutation({
    mutationFn: ({ reason }: typeof form.values) =>
      unwrap(api.POST('/api/v1/patients/{id}/holds', { params: { path: { id: patient.id } }, body: { reason } })),
    onSuccess: () => {
      form.reset();
      notifyDone(`Every photo of ${patient.code} is on hold.`);
      void queryClient.invalidateQueries({ queryKey: holdsKey(patient.id) });
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  const standing = holds.data?.items.filter((hold) => hold.active) ?? [];

  return (
    <>
      <Card withBorder component="section" aria-labelledby="holds-heading">
        <Title order={2} size="h4" id="holds-heading" mb="sm">
          Holds of {patient.code}
        </Title>
        <QueryState query={holds} label="Loading the holds">
          {holds.data && holds.data.items.length === 0 && <Text>This patient has never had a hold.</Text>}
          {holds.data && holds.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Photos</Table.Th>
                    <Table.Th scope="col">Why</Table.Th>
                    <Table.Th scope="col">Placed</Table.Th>
                    <Table.Th scope="col">Lifted</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {holds.data.items.map((hold) => (
                    <Table.Tr key={hold.id}>
                      <Table.Td>
                        <Badge color={hold.active ? 'red' : 'gray'} variant="light">
                          {hold.active ? 'On hold' : 'Lifted'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{hold.photoIds ? `${hold.photoIds.length} photos` : 'Every photo'}</Table.Td>
                      <Table.Td>{hold.reason}</Table.Td>
                      <Table.Td>{formatDateTime(hold.placedAt)}</Table.Td>
                      <Table.Td>
                        {hold.active ? (
                          <Button size="xs" variant="default" onClick={() => setLifting(hold)}>
                            Lift
                          </Button>
                        ) : (
                          <Text size="sm">
                            {formatDateTime(hold.liftedAt)}
                            {hold.liftReason ? `: ${hold.liftReason}` : ''}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Card>
      <Card withBorder component="section" aria-labelledby="place-heading">
        <form onSubmit={form.onSubmit((values) => place.mutate(values))} noValidate>
          <Stack>
            <Title order={2} size="h4" id="place-heading">
              Place a hold
            </Title>
            <Text size="sm">
              Every photo of the patient, later uploads included, stops clearing for any use until the hold is lifted.{' '}
              {standing.length > 0 && `${standing.length} hold already stands.`}
            </Text>
            <Textarea label="Why" autosize minRows={2} {...form.getInputProps('reason')} />
            <ProblemAlert error={place.error} besideFields />
            <Group>
              <Button type="submit" loading={place.isPending}>
                Place the hold
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {lifting && <LiftModal hold={lifting} onClose={() => setLifting(undefined)} />}
    </>
  );
}

function LiftModal({ hold, onClose }: { hold: Hold; onClose: () => void }) {
  useFocusReturnOnClose();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { reason: '' } });
  const lift = useMutation({
    mutationFn: ({ reason }: typeof form.values) =>
      unwrap(
        api.DELETE('/api/v1/holds/{id}', {
          params: { path: { id: hold.id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: () => {
      notifyDone('The hold is lifted.');
      void queryClient.invalidateQueries({ queryKey: holdsKey(hold.patientId) });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title="Lift the hold">
      <form onSubmit={form.onSubmit((values) => lift.mutate(values))} noValidate>
        <Stack>
          <Text size="sm">The photos clear again wherever their release allows.</Text>
          <Textarea label="Why it is lifted (optional)" autosize minRows={2} {...form.getInputProps('reason')} />
          <ProblemAlert error={lift.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={lift.isPending}>
              Lift the hold
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
