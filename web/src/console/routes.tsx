import { Alert, Stack } from '@mantine/core';
import { createBrowserRouter, matchPath, Navigate, type RouteObject } from 'react-router';
import { adminArea } from './admin/area';
import { frontDeskArea } from './front-desk/area';
import { marketingArea } from './marketing/area';
import { privacyArea } from './privacy/area';
import { lazyScreen, type Area, type Screen } from './screens';
import { useMe, type Permission } from './session';
import { Shell } from './Shell';

const accountArea: Area = {
  name: 'Your account',
  screens: [
    {
      path: '/account',
      title: 'Account',
      permission: undefined,
      nav: true,
      component: lazyScreen(() => import('./Account')),
    },
  ],
};

/** Every area, in the order the navigation lists them. */
const AREAS: Area[] = [frontDeskArea, marketingArea, privacyArea, adminArea, accountArea];

/**
 * Starts loading the screen an address opens while the page still asks who is signed in, rather
 * than after: one round trip fewer before a bookmarked screen is usable.
 */
export function preloadScreenAt(pathname: string): void {
  const screen = AREAS.flatMap((area) => area.screens).find((candidate) => matchPath(candidate.path, pathname));
  void screen?.component.preload().catch(() => undefined);
}

/** The areas and navigation screens a role may open. */
export function visibleAreas(permissions: readonly Permission[]): Area[] {
  return AREAS.map((area) => ({
    ...area,
    screens: area.screens.filter(
      (screen) => screen.nav && (!screen.permission || permissions.includes(screen.permission)),
    ),
  })).filter((area) => area.screens.length > 0);
}

/** A screen, or a sentence saying the role may not open it. */
function Guarded({ screen }: { screen: Screen }) {
  const me = useMe();
  if (screen.permission && !me.permissions.includes(screen.permission)) {
    return (
      <Alert color="yellow" role="alert" title="Not available to your role">
        This screen is not part of your role’s work. The navigation lists the screens you can use.
      </Alert>
    );
  }
  const Component = screen.component;
  return <Component />;
}

/** Where a role starts: the screen that names it as its home, or else its first screen. */
function Home() {
  const me = useMe();
  const screens = visibleAreas(me.permissions).flatMap((area) => area.screens);
  const home = screens.find((screen) => screen.homeOf?.includes(me.user.role)) ?? screens[0];
  return <Navigate to={home?.path ?? '/account'} replace />;
}

function NotFound() {
  return (
    <Stack maw={640}>
      <Alert color="yellow" role="alert" title="No such screen">
        This address does not lead to a screen of the console. Choose one from the navigation.
      </Alert>
    </Stack>
  );
}

export function createConsoleRouter() {
  const screens: RouteObject[] = AREAS.flatMap((area) =>
    area.screens.map((screen) => ({
      path: screen.path,
      element: <Guarded screen={screen} />,
      handle: { title: screen.title },
    })),
  );
  return createBrowserRouter([
    {
      element: <Shell />,
      children: [
        { index: true, element: <Home /> },
        ...screens,
        { path: '*', element: <NotFound />, handle: { title: 'Not found' } },
      ],
    },
  ]);
}
