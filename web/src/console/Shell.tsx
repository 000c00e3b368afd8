import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useMatches } from 'react-router';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { QueryState } from '../shared/ui';
import { IdleGuard } from './IdleGuard';
import { visibleAreas } from './routes';
import { useMe, useSession } from './session';

const ROLE_NAMES = {
  front_desk: 'Front desk',
  marketing: 'Marketing',
  privacy_officer: 'Privacy officer',
  admin: 'Administrator',
} as const;

/** The signed-in frame: the navigation of the role's screens, who is signed in, and the screen. */
export function Shell() {
  const me = useMe();
  const { signOut } = useSession();
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const matches = useMatches();
  const title = matches
    .map((match) => (match.handle as { title?: string } | undefined)?.title)
    .filter(Boolean)
    .at(-1);

  useEffect(() => {
    document.title = title ? `${title} · Photo Consent` : 'Photo Consent';
  }, [title]);
  // A tap on a screen's link closes the navigation drawer on a tablet.
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'md', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="md" size="sm" aria-label="Show the screens" />
            <Text fw={700} component="span">
              Photo Consent
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} visibleFrom="sm" align="flex-end">
              <Text size="sm" fw={500}>
                {me.user.displayName}
              </Text>
              <Badge variant="light" size="sm">
                {ROLE_NAMES[me.user.role]}
              </Badge>
            </Stack>
            <Button variant="default" size="sm" onClick={() => void signOut('signed-out')}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Screens">
        <ScrollArea>
          {visibleAreas(me.permissions).map((area) => (
            <Stack key={area.name} gap={2} mb="sm">
              <Title order={2} size="xs" tt="uppercase" c="dimmed" px="sm" py={4}>
                {area.name}
              </Title>
              {area.screens.map((screen) => (
                <NavLink key={screen.path} component={RouterNavLink} to={screen.path} label={screen.title} />
              ))}
            </Stack>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<QueryState query={{ isPending: true, error: undefined }}>{null}</QueryState>}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
      <IdleGuard />
    </AppShell>
  );
}
