import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, fieldErrors, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState } from '../../shared/ui';
import { useCan } from '../session';
import { ageOn, RELATIONSHIPS, todayLocal } from './words';
import { formatDate } from '../../shared/time';

type Patient = components['schemas']['PatientDto'];

/** Find a patient by name, code, record number or birth date; register a new one. */
export default function PatientsScreen() {
  const can = useCan();
  const [registering, { open, close }] = useDisclosure(false);
  return (
    <Stack maw={1024}>
      <PageHeader title="Patients">
        {can('patients.write') && (
          <Button size="md" onClick={open}>
            Register a patient
          </Button>
        )}
      </PageHeader>
      <PatientSearch />
      <Modal opened={registering} onClose={close} title="Register a patient" size="lg">
        <RegisterPatient />
      </Modal>
    </Stack>
  );
}

function PatientSearch() {
  // The search term stays in this state: never in the address or the history.
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term.trim(), 250);
  const results = useQuery({
    queryKey: ['patients', 'search', debounced],
    queryFn: () => unwrap(api.GET('/api/v1/patients', { params: { query: { q: debounced, limit: 25 } } })),
    enabled: debounced.length >= 2,
  });
  return (
    <Stack gap="sm">
      <TextInput
        label="Find a patient"
        description="Name, patient code, record number or birth date (YYYY-MM-DD)"
        size="md"
        value={term}
        onChange={(event) => setTerm(event.currentTarget.value)}
        autoComplete="off"
        data-autofocus
      />
      {debounced.length >= 2 && (
        <QueryState query={results} label="Searching">
          <PatientTable patients={results.data?.items ?? []} />
        </QueryState>
      )}
    </Stack>
  );
}

function PatientTable({ patients }: { patients: Patient[] }) {
  if (patients.length === 0) return <Text>No patient matches this search.</Text>;
  return (
    <Table.ScrollContainer minWidth={560} type="native" tabIndex={0}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Born</Table.Th>
            <Table.Th>Code</Table.Th>
            <Table.Th>Record number</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((patient) => (
            <Table.Tr key={patient.id}>
              <Table.Td>
                <Anchor component={Link} to={`/patients/${patient.id}`} fw={500}>
                  {patient.fullName}
                </Anchor>
                {patient.minor && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    (minor)
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDate(patient.dateOfBirth)}</Table.Td>
              <Table.Td>{patient.code}</Table.Td>
              <Table.Td>{patient.mrn ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface RegisterValues {
  fullName: string;
  dateOfBirth: string;
  mrn: string;
  contactEmail: string;
  contactPhone: string;
  postalAddress: string;
  guardianName: string;
  guardianRelationship: string;
  guardianEmail: string;
  guardianPhone: string;
}

/** Under 18 today by this tablet's calendar; the service decides finally and says so if it differs. */
function isMinor(dateOfBirth: string): boolean {
  const age = ageOn(dateOfBirth, todayLocal());
  return age !== undefined && age < 18;
}

/** The service's names of the guardian's fields, as this form names them. */
const GUARDIAN_FIELDS: Partial<Record<string, keyof RegisterValues>> = {
  guardian: 'guardianName',
  'guardian.fullName': 'guardianName',
  'guardian.relationship': 'guardianRelationship',
  'guardian.contactEmail': 'guardianEmail',
  'guardian.contactPhone': 'guardianPhone',
};

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

function RegisterPatient() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [duplicates, setDuplicates] = useState<Patient[] | undefined>(undefined);
  const form = useForm<RegisterValues>({
    initialValues: {
      fullName: '',
      dateOfBirth: '',
      mrn: '',
      contactEmail: '',
      contactPhone: '',
      postalAddress: '',
      guardianName: '',
      guardianRelationship: 'parent',
      guardianEmail: '',
      guardianPhone: '',
    },
    validate: {
      fullName: (value) => (value.trim() ? null : 'Enter the patient’s full name.'),
      dateOfBirth: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Enter the date of birth.'),
      guardianName: (value, values) =>
        isMinor(values.dateOfBirth) && !value.trim() ? 'A patient under 18 needs a guardian: enter their name.' : null,
    },
  });
  // The service decides who is a minor (by the clinic's calendar): its refusal shows the guardian fields too.
  const [serviceSaysMinor, setServiceSaysMinor] = useState(false);
  const minor = isMinor(form.values.dateOfBirth) || serviceSaysMinor;

  const create = useMutation({
    mutationFn: (values: RegisterValues) =>
      unwrap(
        api.POST('/api/v1/patients', {
          body: {
            fullName: values.fullName.trim(),
            dateOfBirth: values.dateOfBirth,
            mrn: optional(values.mrn),
            contactEmail: optional(values.contactEmail),
            contactPhone: optional(values.contactPhone),
            postalAddress: optional(values.postalAddress),
            guardian: minor
              ? {
                  fullName: values.guardianName.trim(),
                  relationship: values.guardianRelationship as 'parent',
                  contactEmail: optional(values.guardianEmail),
                  contactPhone: optional(values.guardianPhone),
                }
              : undefined,
          },
        }),
      ),
    onSuccess: (patient) => {
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      void navigate(`/patients/${patient.id}`);
    },
    onError: (error) => {
      const errors = fieldErrors(error);
      if (Object.keys(errors).some((field) => field.startsWith('guardian'))) setServiceSaysMinor(true);
      // Back to the form, where each reason shows beside its field.
      if (Object.keys(errors).length > 0) setDuplicates(undefined);
      form.setErrors(
        Object.fromEntries(
          Object.entries(errors).map(([field, message]) => [GUARDIAN_FIELDS[field] ?? field, message]),
        ),
      );
    },
  });

  const check = useMutation({
    mutationFn: (values: RegisterValues) =>
      unwrap(
        api.GET('/api/v1/patients', {
          params: { query: { q: values.fullName.trim(), dateOfBirth: values.dateOfBirth, limit: 10 } },
        }),
      ),
    onSuccess: (found, values) => {
      if (found.items.length > 0) setDuplicates(found.items);
      else create.mutate(values);
    },
  });

  if (duplicates) {
    return (
      <Stack>
        <Alert color="yellow" role="alert" title="This may be a patient already registered">
          A patient with the same name and date of birth exists. Open that record, or register a new patient if it is
          someone else.
        </Alert>
        <PatientTable patients={duplicates} />
        <ProblemAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={() => setDuplicates(undefined)}>
            Back to the form
          </Button>
          <Button size="md" loading={create.isPending} onClick={() => create.mutate(form.values)}>
            Register a new patient anyway
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={form.onSubmit((values) => check.mutate(values))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Full name" required size="md" {...form.getInputProps('fullName')} />
          <TextInput label="Date of birth" type="date" required size="md" {...form.getInputProps('dateOfBirth')} />
          <TextInput label="Record number (MRN)" size="md" {...form.getInputProps('mrn')} />
          <TextInput label="Email" type="email" size="md" {...form.getInputProps('contactEmail')} />
          <TextInput label="Phone" type="tel" size="md" {...form.getInputProps('contactPhone')} />
          <TextInput label="Postal address" size="md" {...form.getInputProps('postalAddress')} />
        </SimpleGrid>
        {minor && (
          <Stack gap="xs">
            <Title order={2} size="h4">
              Guardian
            </Title>
            <Text size="sm">
              The patient is under 18: a guardian with an email address or a phone number is needed.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Guardian’s full name" required size="md" {...form.getInputProps('guardianName')} />
              <Select
                label="Relationship"
                data={RELATIONSHIPS}
                allowDeselect={false}
                size="md"
                {...form.getInputProps('guardianRelationship')}
              />
              <TextInput label="Guardian’s email" type="email" size="md" {...form.getInputProps('guardianEmail')} />
              <TextInput label="Guardian’s phone" type="tel" size="md" {...form.getInputProps('guardianPhone')} />
            </SimpleGrid>
          </Stack>
        )}
        <ProblemAlert error={check.error ?? create.error} />
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={check.isPending || create.isPending}>
            Register
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
