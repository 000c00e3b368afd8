import {
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, fieldErrors, multipartBody, unwrap } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState, useIdempotencyKey } from '../../shared/ui';
import { usePatient } from './PatientScreen';
import {
  ChecklistCard,
  NO_SCOPE,
  ScopeEditor,
  ScopePreview,
  SignedScanDrop,
  scopeFromTicks,
  type ScopeTicks,
  ReleaseElementsFields,
} from './ReleaseParts';
import { draftChecklist, RELATIONSHIPS } from './words';

/** Now as a datetime-local value in this browser's time zone. */
export function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Record a signed release: the scan, its scope with a live preview, the 164.508 checklist beside. */
export default function ReleaseFormScreen() {
  const { id = '' } = useParams();
  const patient = usePatient(id);
  return (
    <Stack maw={1200}>
      <PageHeader title="Record a release">
        <Button component={Link} to={`/patients/${id}`} variant="default" size="md">
          Back to the patient
        </Button>
      </PageHeader>
      <QueryState query={patient}>
        {patient.data && (
          <ReleaseForm patientId={id} minor={patient.data.minor} guardian={patient.data.guardian ?? undefined} />
        )}
      </QueryState>
    </Stack>
  );
}

interface GuardianOnFile {
  fullName?: string;
  relationship: string;
}

function ReleaseForm({
  patientId,
  minor,
  guardian,
}: {
  patientId: string;
  minor: boolean;
  guardian: GuardianOnFile | undefined;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [scan, setScan] = useState<File | undefined>(undefined);
  const [scanMissing, setScanMissing] = useState(false);
  const [ticks, setTicks] = useState<ScopeTicks>(NO_SCOPE);
  const firstSigner: 'patient' | 'guardian' = minor ? 'guardian' : 'patient';
  const form = useForm({
    initialValues: {
      formTemplate: 'Photo release',
      formVersion: '',
      signedAt: localNow(),
      signerType: firstSigner,
      signerFullName: minor ? (guardian?.fullName ?? '') : '',
      signerRelationship: minor ? (guardian?.relationship ?? 'parent') : 'parent',
      signerAuthority: minor ? 'parent of a minor' : '',
      informationDescription: '',
      disclosingParty: '',
      recipients: '',
      purpose: '',
      expiresAt: '',
      expirationEvent: '',
      rightToRevokeStatement: false,
      conditioningStatement: false,
      treatmentConditionedOnSigning: false,
      redisclosureStatement: false,
      copyProvidedToSigner: false,
    },
    validate: {
      formVersion: (value) => (value.trim() ? null : 'Enter the form’s version, as printed on it.'),
      signedAt: (value) => (value ? null : 'Enter when the form was signed.'),
    },
  });
  const values = form.values;
  const scope = scopeFromTicks(ticks);
  const checklist = draftChecklist(values);
  const text = (value: string) => (value.trim() ? value.trim() : undefined);

  const idempotency = useIdempotencyKey();
  const record = useMutation({
    mutationFn: (document: File) =>
      unwrap(
        api.POST('/api/v1/patients/{id}/releases', {
          params: { path: { id: patientId }, header: { 'Idempotency-Key': idempotency.key } },
          body: {
            document,
            metadata: {
              coversAllCases: true,
              formTemplate: values.formTemplate.trim(),
              formVersion: values.formVersion.trim(),
              signedAt: new Date(values.signedAt).toISOString(),
              signedBy:
                values.signerType === 'guardian'
                  ? {
                      signerType: 'guardian',
                      fullName: text(values.signerFullName),
                      relationship: values.signerRelationship as 'parent',
                      authority: text(values.signerAuthority),
                    }
                  : { signerType: 'patient', fullName: text(values.signerFullName) },
              informationDescription: text(values.informationDescription),
              disclosingParty: text(values.disclosingParty),
              recipients: text(values.recipients),
              purpose: text(values.purpose),
              expiresAt: values.expiresAt ? new Date(`${values.expiresAt}T00:00:00`).toISOString() : undefined,
              expirationEvent: text(values.expirationEvent),
              rightToRevokeStatement: values.rightToRevokeStatement,
              conditioningStatement: values.conditioningStatement,
              treatmentConditionedOnSigning: values.treatmentConditionedOnSigning,
              redisclosureStatement: values.redisclosureStatement,
              copyProvidedToSigner: values.copyProvidedToSigner,
              scope,
            },
          },
          bodySerializer: multipartBody,
        }),
      ),
    onSuccess: (release) => {
      void queryClient.invalidateQueries({ queryKey: ['patient', patientId] });
      void navigate(`/releases/${release.id}`, { state: { recorded: true } });
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });

  const submit = form.onSubmit(() => {
    if (!scan) {
      setScanMissing(true);
      return;
    }
    record.mutate(scan);
  });

  const statement = (name: keyof typeof values, label: string) => (
    <Checkbox size="md" label={label} {...form.getInputProps(name, { type: 'checkbox' })} />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Stack>
            <SignedScanDrop
              file={scan}
              onFile={(file) => {
                setScan(file);
                setScanMissing(false);
              }}
              error={scanMissing ? 'Add the scan of the signed form.' : undefined}
            />
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                The form and its signature
              </Title>
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <TextInput label="Form" size="md" {...form.getInputProps('formTemplate')} />
                  <TextInput
                    label="Form version"
                    required
                    size="md"
                    placeholder="2026-01"
                    {...form.getInputProps('formVersion')}
                  />
                </SimpleGrid>
                <TextInput
                  label="Signed at"
                  type="datetime-local"
                  required
                  size="md"
                  {...form.getInputProps('signedAt')}
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="signer-label">
                    Signed by
                  </Text>
                  <SegmentedControl
                    aria-labelledby="signer-label"
                    data={[
                      { value: 'patient', label: 'The patient' },
                      { value: 'guardian', label: 'A guardian' },
                    ]}
                    {...form.getInputProps('signerType')}
                  />
                  {minor && (
                    <Text size="sm" c="dimmed">
                      The patient is under 18: a guardian must sign.
                    </Text>
                  )}
                </Stack>
                <TextInput
                  label={
                    values.signerType === 'guardian'
                      ? 'Guardian’s full name'
                      : 'Signer’s name (defaults to the patient’s)'
                  }
                  size="md"
                  {...form.getInputProps('signerFullName')}
                />
                {values.signerType === 'guardian' && (
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    <Select
                      label="Relationship"
                      data={RELATIONSHIPS}
                      allowDeselect={false}
                      size="md"
                      {...form.getInputProps('signerRelationship')}
                    />
                    <TextInput
                      label="Authority to sign"
                      size="md"
                      placeholder="parent of a minor"
                      {...form.getInputProps('signerAuthority')}
                    />
                  </SimpleGrid>
                )}
              </Stack>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                Scope
              </Title>
              <ScopeEditor value={ticks} onChange={setTicks} />
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                What the form says (45 CFR 164.508)
              </Title>
              <Stack gap="sm">
                <ReleaseElementsFields inputProps={(field) => form.getInputProps(field)} />
                {statement('rightToRevokeStatement', 'The form states the right to revoke and how')}
                {statement('conditioningStatement', 'The form states that treatment is not conditioned on signing')}
                {statement('treatmentConditionedOnSigning', 'Treatment was conditioned on signing')}
                {statement('redisclosureStatement', 'The form states the photos may be redisclosed')}
                {statement('copyProvidedToSigner', 'A copy was given to the signer')}
              </Stack>
            </Card>
            <ProblemAlert error={record.error} />
            <Group justify="flex-end">
              <Button type="submit" size="md" loading={record.isPending}>
                Record the release
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Stack pos="sticky" top={72}>
            <ScopePreview scope={scope} />
            <ChecklistCard title="Checklist: what the form still lacks" items={checklist} />
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}
