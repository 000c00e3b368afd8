import '@mantine/dropzone/styles.css';
import {
  Alert,
  Badge,
  Card,
  Checkbox,
  Group,
  List,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { Dropzone } from '@mantine/dropzone';
import { useState } from 'react';
import type { components } from '../../shared/api';
import {
  CHANNEL_NAMES,
  SOCIAL_CHANNELS,
  TOP_CHANNELS,
  scopeLine,
  scopeSentences,
  type Channel,
  type Scope,
} from './words';

/** The scope as the desk ticks it: social media as a whole with exceptions, or some networks only. */
export interface ScopeTicks {
  ticked: Channel[];
  faceAllowed: boolean;
  nameAllowed: boolean;
  obscureIdentifyingMarks: boolean;
  paidAdvertisingAllowed: boolean;
  educationalUseAllowed: boolean;
}

export const NO_SCOPE: ScopeTicks = {
  ticked: [],
  faceAllowed: false,
  nameAllowed: false,
  obscureIdentifyingMarks: true,
  paidAdvertisingAllowed: false,
  educationalUseAllowed: false,
};

/** The ticks as the service's scope: with "Social media" ticked, an unticked network is denied. */
export function scopeFromTicks(ticks: ScopeTicks): Scope {
  const socialWhole = ticks.ticked.includes('social');
  const top = TOP_CHANNELS.filter((channel) => ticks.ticked.includes(channel));
  const networks = SOCIAL_CHANNELS.filter((channel) => ticks.ticked.includes(channel));
  return {
    channels: socialWhole ? top : [...top, ...networks],
    deniedChannels: socialWhole ? SOCIAL_CHANNELS.filter((channel) => !ticks.ticked.includes(channel)) : [],
    faceAllowed: ticks.faceAllowed,
    nameAllowed: ticks.nameAllowed,
    obscureIdentifyingMarks: ticks.obscureIdentifyingMarks,
    paidAdvertisingAllowed: ticks.paidAdvertisingAllowed,
    educationalUseAllowed: ticks.educationalUseAllowed,
  };
}

/** A recorded scope as ticks, for an amendment that starts from it. */
export function ticksFromScope(scope: components['schemas']['ScopeViewDto']): ScopeTicks {
  const ticked = [...TOP_CHANNELS, ...SOCIAL_CHANNELS].filter(
    (channel) =>
      !scope.deniedChannels.includes(channel) &&
      scope.channels.some((granted) => channel === granted || channel.startsWith(`${granted}.`)),
  );
  return { ...scope, ticked };
}

/** The channels and conditions to tick, as on the paper form. */
export function ScopeEditor({ value, onChange }: { value: ScopeTicks; onChange: (next: ScopeTicks) => void }) {
  const setTicked = (next: string[]) => {
    let ticked = next as Channel[];
    // Ticking "Social media" ticks every network; unticking it clears them.
    if (ticked.includes('social') && !value.ticked.includes('social')) {
      ticked = [...new Set([...ticked, ...SOCIAL_CHANNELS])];
    } else if (!ticked.includes('social') && value.ticked.includes('social')) {
      ticked = ticked.filter((channel) => !SOCIAL_CHANNELS.includes(channel));
    }
    onChange({ ...value, ticked });
  };
  const flag = (name: keyof Omit<ScopeTicks, 'ticked'>, label: string) => (
    <Switch
      size="md"
      label={label}
      checked={value[name]}
      onChange={(event) => onChange({ ...value, [name]: event.currentTarget.checked })}
    />
  );
  return (
    <Stack gap="sm">
      <Checkbox.Group label="Where the photos may be shown" value={value.ticked} onChange={setTicked}>
        <Stack gap="xs" mt="xs">
          {TOP_CHANNELS.map((channel) => (
            <Stack key={channel} gap="xs">
              <Checkbox size="md" value={channel} label={CHANNEL_NAMES[channel]} />
              {channel === 'social' && (
                <Group gap="sm" pl="xl">
                  {SOCIAL_CHANNELS.map((network) => (
                    <Checkbox key={network} size="md" value={network} label={CHANNEL_NAMES[network]} />
                  ))}
                </Group>
              )}
            </Stack>
          ))}
        </Stack>
      </Checkbox.Group>
      {flag('faceAllowed', 'The face may be shown')}
      {flag('nameAllowed', 'The name may be shown')}
      {flag('obscureIdentifyingMarks', 'Tattoos and other identifying marks must be hidden')}
      {flag('paidAdvertisingAllowed', 'Paid advertising allowed')}
      {flag('educationalUseAllowed', 'Teaching and conferences allowed')}
    </Stack>
  );
}

/** What the ticked scope allows and forbids, in plain words, updated as the boxes change. */
export function ScopePreview({ scope, title = 'What this release allows' }: { scope: Scope; title?: string }) {
  const { allowed, forbidden } = scopeSentences(scope);
  return (
    <Card withBorder aria-live="polite" data-testid="scope-preview">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Text fw={500} mb="xs">
        {scopeLine(scope)}
      </Text>
      <Text size="sm" fw={500}>
        Allows
      </Text>
      <List size="sm" mb="xs">
        {allowed.map((sentence) => (
          <List.Item key={sentence}>{sentence}</List.Item>
        ))}
      </List>
      <Text size="sm" fw={500}>
        Forbids
      </Text>
      <List size="sm">
        {forbidden.map((sentence) => (
          <List.Item key={sentence}>{sentence}</List.Item>
        ))}
      </List>
    </Card>
  );
}

export interface ChecklistRow {
  element: string;
  citation: string;
  missing: string | null;
}

/** The 164.508(c) checklist: each element passed, or what is missing. */
export function ChecklistCard({ title, items, notice }: { title: string; items: ChecklistRow[]; notice?: string }) {
  const missing = items.filter((item) => item.missing).length;
  return (
    <Card withBorder data-testid="checklist">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge color={missing === 0 ? 'green' : 'yellow'} variant="light">
          {missing === 0 ? 'Complete' : `${missing} missing`}
        </Badge>
      </Group>
      <List spacing="xs" size="sm" center>
        {items.map((item) => (
          <List.Item
            key={item.element}
            icon={
              <ThemeIcon size={20} radius="xl" color={item.missing ? 'yellow' : 'green'} aria-hidden>
                <Text size="xs" c="white" fw={700} span>
                  {item.missing ? '!' : '✓'}
                </Text>
              </ThemeIcon>
            }
          >
            <Text size="sm" fw={500} span>
              {item.element} ({item.citation}):{' '}
            </Text>
            <Text size="sm" span>
              {item.missing ?? 'present'}
            </Text>
          </List.Item>
        ))}
      </List>
      {notice && (
        <Text size="xs" c="dimmed" mt="xs">
          {notice}
        </Text>
      )}
    </Card>
  );
}

const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** The signed form: dropped, or chosen with the button inside the drop area (a tap on a tablet). */
export function SignedScanDrop({
  file,
  onFile,
  error,
}: {
  file: File | undefined;
  onFile: (file: File) => void;
  error?: string;
}) {
  const [rejected, setRejected] = useState<string | undefined>(undefined);
  const shown = rejected ?? error;
  return (
    <Stack gap={4}>
      <Dropzone
        onDrop={(files) => {
          setRejected(undefined);
          if (files[0]) onFile(files[0]);
        }}
        onReject={() => setRejected('The signed form must be a PDF, JPEG or PNG scan.')}
        accept={SCAN_TYPES}
        multiple={false}
        maxFiles={1}
        aria-label="Signed form: drop the scan here or choose a file"
        inputProps={{ 'aria-label': 'Signed form scan' }}
      >
        <Stack align="center" gap={4} mih={80} justify="center">
          <Text fw={500}>{file ? `Signed form: ${file.name}` : 'Drop the signed form here, or tap to choose it'}</Text>
          <Text size="sm" c="dimmed">
            PDF, JPEG or PNG scan of the signed paper form
          </Text>
        </Stack>
      </Dropzone>
      {shown && (
        <Alert color="red" role="alert" p="xs">
          {shown}
        </Alert>
      )}
    </Stack>
  );
}

type ReleaseElementField =
  'informationDescription' | 'disclosingParty' | 'recipients' | 'purpose' | 'expiresAt' | 'expirationEvent';

/**
 * The elements of 45 CFR 164.508(c)(1) the front desk words for each release (what, by whom, to whom,
 * why) and its expiry, as fields of the caller's form; `required` where a form cannot go without them.
 */
export function ReleaseElementsFields({
  inputProps,
  required = false,
}: {
  inputProps: (field: ReleaseElementField) => GetInputPropsReturnType;
  required?: boolean;
}) {
  return (
    <>
      <Textarea
        label="Description of the photos"
        required={required}
        autosize
        minRows={2}
        size="md"
        {...inputProps('informationDescription')}
      />
      <TextInput label="Who may disclose them" required={required} size="md" {...inputProps('disclosingParty')} />
      <TextInput label="Recipients" required={required} size="md" {...inputProps('recipients')} />
      <TextInput label="Purpose" required={required} size="md" {...inputProps('purpose')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label="Expires on" type="date" size="md" {...inputProps('expiresAt')} />
        <TextInput label="Or expires when" size="md" {...inputProps('expirationEvent')} />
      </SimpleGrid>
    </>
  );
}
