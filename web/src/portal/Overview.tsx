import {
  Alert,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Image,
  List,
  Loader,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type components } from '../shared/api';
import { patientSentence, portalApi } from './session';
import {
  ConfirmWithdrawal,
  pendingWithdrawal,
  ReceiptNotice,
  type PendingWithdrawal,
  type Receipt,
} from './Withdrawal';
import {
  channelName,
  day,
  moment,
  photoKind,
  PUBLICATION_STATUS,
  RELEASE_STATUS,
  TASK_STATUS,
  tone,
  WITHDRAWABLE_CHANNELS,
  type Channel,
} from './words';

type PortalOverview = components['schemas']['PortalOverviewDto'];
type Release = components['schemas']['PortalReleaseDto'];
type Photo = components['schemas']['PortalPhotoDto'];

/** A section of the overview: a region named by its heading. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** What the signed-in patient agreed to, their photos and where they are used, withdrawing, and their requests. */
export function Overview({ onSignedOut }: { onSignedOut: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'es' ? 'es' : 'en';
  const me = useQuery({
    queryKey: ['portal', 'me', language],
    queryFn: () => unwrap(portalApi.GET('/api/v1/portal/me', { params: { query: { language } } })),
  });
  const [pending, setPending] = useState<PendingWithdrawal>();
  const [receipt, setReceipt] = useState<Receipt>();
  const signOut = useMutation({
    mutationFn: () => unwrap(portalApi.POST('/api/v1/portal/logout')),
    // Signed out here either way: the session is forgotten even if the service could not be told.
    onSettled: onSignedOut,
  });

  if (me.isError) {
    return (
      <Alert color="red" role="alert">
        {patientSentence(me.error)}
      </Alert>
    );
  }
  if (!me.data) {
    return (
      <Center p="xl">
        <Loader aria-label={t('loadingConsent')} />
      </Center>
    );
  }
  const overview = me.data;
  return (
    <>
      {receipt && (
        <ReceiptNotice
          receipt={receipt}
          removalCase={overview.removalCases.find((each) => each.id === receipt.removalCaseId)}
        />
      )}
      <Text>{t('reference', { code: overview.code })}</Text>
      <Releases releases={overview.releases} />
      <Photos photos={overview.photos} onWithdraw={setPending} />
      <WithdrawConsent key={receipt?.id} onWithdraw={setPending} />
      <Requests overview={overview} />
      <Group>
        <Button variant="default" size="md" loading={signOut.isPending} onClick={() => signOut.mutate()}>
          {t('signOut')}
        </Button>
      </Group>
      <ConfirmWithdrawal
        pending={pending}
        onClose={() => setPending(undefined)}
        onReceipt={(received) => {
          setPending(undefined);
          setReceipt(received);
        }}
      />
    </>
  );
}

function Releases({ releases }: { releases: Release[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('agreedTo')}>
      {releases.length === 0 && <Text>{t('noRelease')}</Text>}
      {releases.map((release) => {
        const status = tone(RELEASE_STATUS, release.status);
        return (
          <Stack key={release.id} gap="xs">
            <Group gap="sm">
              <Text fw={700}>{t('signedOn', { day: day(release.signedAt) })}</Text>
              <Badge color={status.color} variant="light">
                {status.label}
              </Badge>
            </Group>
            <List spacing={4}>
              {release.inWords.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            <DownloadForm release={release} />
          </Stack>
        );
      })}
    </Section>
  );
}

/** The sealed receipt of a withdrawal made here, fetched with the session and saved as a file. */
function DownloadReceipt({ revocationId, receivedAt }: { revocationId: string; receivedAt: string }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: async () => {
      const receipt = await unwrap(
        portalApi.GET('/api/v1/portal/revocations/{id}/receipt', {
          params: { path: { id: revocationId } },
          parseAs: 'blob',
        }),
      );
      saveFile(receipt, `withdrawal-receipt-${receivedAt.slice(0, 10)}.pdf`);
    },
  });
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="light" size="sm" loading={download.isPending} onClick={() => download.mutate()}>
        {t('downloadReceipt')}
      </Button>
      {download.isError && (
        <Alert color="red" role="alert">
          {t('downloadReceiptFailed')} {patientSentence(download.error)}
        </Alert>
      )}
    </Stack>
  );
}

/** Saves a file fetched with the session under the given name. */
function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The browser has started saving it by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The patient's copy of the signed form, fetched with the session and saved as a file. */
function DownloadForm({ release }: { release: Release }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: async () => {
      const form = await unwrap(
        portalApi.GET('/api/v1/portal/releases/{id}/document', {
          params: { path: { id: release.id } },
          parseAs: 'blob',
        }),
      );
      saveFile(form, `photo-release-${release.signedAt.slice(0, 10)}.${EXTENSIONS[form.type] ?? 'pdf'}`);
    },
  });
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="light" size="md" loading={download.isPending} onClick={() => download.mutate()}>
        {t('downloadForm')}
      </Button>
      {download.isError && (
        <Alert color="red" role="alert">
          {t('downloadFormFailed')} {patientSentence(download.error)}
        </Alert>
      )}
    </Stack>
  );
}

function photoLabel(photo: Photo): string {
  const kind = photoKind(photo.kind);
  return photo.view ? `${kind}, ${photo.view}` : kind;
}

function Photos({ photos, onWithdraw }: { photos: Photo[]; onWithdraw: (pending: PendingWithdrawal) => void }) {
  const { t } = useTranslation();
  return (
    <Section title={t('photosHeading')}>
      {photos.length === 0 && <Text>{t('noPhotos')}</Text>}
      {photos.map((photo) => (
        <Paper key={photo.id} withBorder p="sm" radius="md" component="article" aria-label={photoLabel(photo)}>
          <Group align="flex-start" wrap="wrap" gap="md">
            <Thumbnail photo={photo} />
            <Stack gap="xs" style={{ flex: '1 1 12rem' }}>
              <Text fw={700}>{photoLabel(photo)}</Text>
              {photo.publications.length === 0 ? (
                <Text>{t('notPublished')}</Text>
              ) : (
                <List spacing="xs" listStyleType="none" aria-label={t('wherePublished')}>
                  {photo.publications.map((publication) => {
                    const status = tone(PUBLICATION_STATUS, publication.status);
                    return (
                      <List.Item key={publication.id}>
                        <Text span fw={600}>
                          {channelName(publication.channel)}
                        </Text>{' '}
                        <Text span style={{ overflowWrap: 'anywhere' }}>
                          {publication.location}
                        </Text>{' '}
                        <Badge color={status.color} variant="light">
                          {status.label}
                        </Badge>
                      </List.Item>
                    );
                  })}
                </List>
              )}
              <Group>
                <Button
                  color="red.9"
                  variant="outline"
                  size="md"
                  onClick={() =>
                    onWithdraw(
                      pendingWithdrawal(
                        { kind: 'photos', photoIds: [photo.id] },
                        t('withdrawPhotoQuestion'),
                        t('withdrawPhotoWhat', { photo: photoLabel(photo).toLowerCase() }),
                      ),
                    )
                  }
                >
                  {t('withdrawPhoto')}
                </Button>
              </Group>
            </Stack>
          </Group>
        </Paper>
      ))}
    </Section>
  );
}

/** A thumbnail fetched with the session (an <img> cannot send it) and shown from a blob: URL. */
function Thumbnail({ photo }: { photo: Photo }) {
  const { t } = useTranslation();
  const thumbnail = useQuery({
    queryKey: ['portal', 'thumbnail', photo.id],
    queryFn: () =>
      unwrap(
        portalApi.GET('/api/v1/portal/photos/{id}/thumbnail', { params: { path: { id: photo.id } }, parseAs: 'blob' }),
      ),
    staleTime: 5 * 60_000,
  });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!thumbnail.data) return undefined;
    const objectUrl = URL.createObjectURL(thumbnail.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [thumbnail.data]);

  if (thumbnail.isError) {
    return (
      <Text w={140} size="sm">
        {t('pictureFailed')}
      </Text>
    );
  }
  if (!url) return <Skeleton w={140} h={140} radius="sm" />;
  return <Image src={url} alt={t('photoAlt', { photo: photoLabel(photo) })} w={140} radius="sm" />;
}

function WithdrawConsent({ onWithdraw }: { onWithdraw: (pending: PendingWithdrawal) => void }) {
  const { t } = useTranslation();
  const [channels, setChannels] = useState<Channel[]>([]);
  const [missing, setMissing] = useState(false);
  return (
    <Section title={t('withdrawHeading')}>
      <Text>{t('withdrawIntro')}</Text>
      <Checkbox.Group
        label={t('stopUsingOn')}
        value={channels}
        onChange={(value) => {
          setChannels(WITHDRAWABLE_CHANNELS.filter((code) => value.includes(code)));
          setMissing(false);
        }}
        error={missing ? t('tickOne') : undefined}
      >
        <Stack gap="sm" mt="xs">
          {WITHDRAWABLE_CHANNELS.map((code) => (
            <Checkbox key={code} value={code} label={channelName(code)} size="md" />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group>
        <Button
          size="md"
          variant="outline"
          color="red.9"
          onClick={() => {
            if (channels.length === 0) {
              setMissing(true);
              return;
            }
            onWithdraw(
              pendingWithdrawal(
                { kind: 'channels', channels },
                t('withdrawTickedQuestion'),
                t('withdrawTickedWhat', { places: channels.map(channelName).join(', ') }),
              ),
            );
          }}
        >
          {t('withdrawTicked')}
        </Button>
      </Group>
      <Text mt="sm">{t('orEverything')}</Text>
      <Group>
        <Button
          size="md"
          color="red.9"
          onClick={() =>
            onWithdraw(
              pendingWithdrawal({ kind: 'everything' }, t('withdrawEverythingQuestion'), t('withdrawEverythingWhat')),
            )
          }
        >
          {t('withdrawEverything')}
        </Button>
      </Group>
    </Section>
  );
}

/** Each withdrawal's receipt and the removal case it opened, followed until it closes. */
function Requests({ overview }: { overview: PortalOverview }) {
  const { t } = useTranslation();
  return (
    <Section title={t('requestsHeading')}>
      {overview.revocations.length === 0 && <Text>{t('noRequests')}</Text>}
      {overview.revocations.map((receipt) => {
        const removal = overview.removalCases.find((each) => each.id === receipt.removalCaseId);
        return (
          <Paper key={receipt.id} withBorder p="sm" radius="md" component="article" aria-label={t('request')}>
            <Stack gap="xs">
              <Text>{t('received', { what: receipt.inWords, when: moment(receipt.receivedAt) })}</Text>
              {receipt.receiptUrl && <DownloadReceipt revocationId={receipt.id} receivedAt={receipt.receivedAt} />}
              {removal && (
                <>
                  <Group gap="sm">
                    <Badge color={removal.status === 'completed' ? 'green' : 'orange'} variant="light">
                      {removal.status === 'completed' ? t('done') : t('inProgress')}
                    </Badge>
                    <Text size="sm">
                      {removal.status === 'completed'
                        ? t('allDone', { progress: removal.progress, day: day(removal.completedAt ?? removal.dueAt) })
                        : t('dueBy', { day: day(removal.dueAt), progress: removal.progress })}
                    </Text>
                  </Group>
                  <List spacing="xs" listStyleType="none" aria-label={t('beingTakenDown')}>
                    {removal.tasks.map((task, index) => {
                      const status = tone(TASK_STATUS, task.status);
                      return (
                        <List.Item key={index}>
                          <Text span fw={600}>
                            {channelName(task.channel)}
                          </Text>{' '}
                          <Text span style={{ overflowWrap: 'anywhere' }}>
                            {task.location}
                          </Text>{' '}
                          <Badge color={status.color} variant="light">
                            {status.label}
                          </Badge>
                          {task.notRemovableReason && (
                            <Text size="sm">{t('why', { reason: task.notRemovableReason })}</Text>
                          )}
                        </List.Item>
                      );
                    })}
                  </List>
                </>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Section>
  );
}
