import { Alert, Center, Container, Group, Loader, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../shared/api';
import { LanguageChoice } from './LanguageChoice';
import { Overview } from './Overview';
import { RequestLink } from './RequestLink';
import { patientSession, portalApi, whenSessionEnds } from './session';

/** A sentence shown above the page's content: what just happened (`text` is its translation key). */
export interface Notice {
  text: string;
  error?: boolean;
}

type View = { kind: 'starting' } | { kind: 'signed-out'; notice?: Notice } | { kind: 'signed-in' };

const LINK_SPENT: Notice = { text: 'linkSpent', error: true };
const SESSION_ENDED: Notice = { text: 'sessionEnded', error: true };

/** The token of a sign-in link just opened, taken out of the address bar and the history at once. */
function takeLinkToken(): string | undefined {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? undefined;
  if (token !== undefined) history.replaceState(null, '', location.pathname);
  return token;
}

/**
 * The patient pages at /portal: a mailed link (`#token=…`) is exchanged for a session, which then
 * shows the overview; without one, the form that asks for a link.
 */
export function PortalApp() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [view, setView] = useState<View>({ kind: 'starting' });

  const signOut = useCallback(
    (notice: Notice) => {
      patientSession.forget();
      queryClient.clear();
      setView({ kind: 'signed-out', notice });
    },
    [queryClient],
  );

  // While a link is being exchanged, a second start (React's development double effect) waits for it.
  const exchanging = useRef(false);
  const start = useCallback(async () => {
    const token = takeLinkToken();
    if (token === undefined) {
      if (exchanging.current) return;
      // A reload keeps the tab's session; the effect may run again while a link is being exchanged.
      setView((current) =>
        current.kind !== 'starting' ? current : patientSession.get() ? { kind: 'signed-in' } : { kind: 'signed-out' },
      );
      return;
    }
    // The link is spent either way: whatever session the tab had gives way to the new one.
    patientSession.forget();
    queryClient.clear();
    setView({ kind: 'starting' });
    exchanging.current = true;
    try {
      const session = await unwrap(portalApi.POST('/api/v1/portal/session', { body: { token } }));
      patientSession.keep(session.token);
      setView({ kind: 'signed-in' });
    } catch {
      setView({ kind: 'signed-out', notice: LINK_SPENT });
    } finally {
      exchanging.current = false;
    }
  }, [queryClient]);

  useEffect(() => {
    whenSessionEnds(() => signOut(SESSION_ENDED));
    void start();
    // A link opened in the tab that already shows the page changes only the fragment.
    const onHashChange = () => {
      if (location.hash.includes('token=')) void start();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [start, signOut]);

  return (
    <Container component="main" size={720} px="md" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="center" wrap="wrap">
          <Title order={1}>{t('title')}</Title>
          <LanguageChoice />
        </Group>
        {view.kind === 'starting' && (
          <Center p="xl">
            <Loader aria-label={t('signingIn')} />
          </Center>
        )}
        {view.kind === 'signed-out' && (
          <>
            {view.notice && (
              <Alert color={view.notice.error ? 'red' : 'blue'} role={view.notice.error ? 'alert' : 'status'}>
                {t(view.notice.text)}
              </Alert>
            )}
            <RequestLink />
          </>
        )}
        {view.kind === 'signed-in' && <Overview onSignedOut={() => signOut({ text: 'signedOut' })} />}
      </Stack>
    </Container>
  );
}
