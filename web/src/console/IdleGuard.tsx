import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { activity, api } from '../shared/api';
import { useMe, useSession } from './session';

/** The warning comes this long before the service would end the session. */
const WARNING_MS = 60_000;
/** While a person works without the screen calling the service, it tells the service at most this often. */
const KEEPALIVE_MS = 30_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Idle sign-out that matches the service's rule: a session ends `idleTimeoutSeconds` after its last
 * request (the service records activity in steps of up to a minute, so it may end that much earlier).
 * Someone working on a form counts as activity (the page tells the service); someone away gets a
 * warning a minute before the end, then is signed out and the screen cleared.
 */
export function IdleGuard() {
  const me = useMe();
  const { signOut } = useSession();
  const [secondsLeft, setSecondsLeft] = useState<number | undefined>(undefined);
  const warningShown = useRef(false);
  const idleMs = me.idleTimeoutSeconds * 1000;
  // The service's step in recording activity: the session may end that much before idleMs.
  const stepMs = Math.min(60_000, idleMs / 15);

  useEffect(() => {
    const keepAlive = () => {
      if (warningShown.current) return;
      if (Date.now() - activity.lastRequestAt >= KEEPALIVE_MS) void api.GET('/api/v1/auth/me');
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, keepAlive, { passive: true });
    const timer = window.setInterval(() => {
      const endsAt = activity.lastRequestAt + idleMs - stepMs;
      const left = endsAt - Date.now();
      if (left <= 0) {
        window.clearInterval(timer);
        void signOut('idle');
      } else if (left <= WARNING_MS) {
        warningShown.current = true;
        setSecondsLeft(Math.ceil(left / 1000));
      } else if (warningShown.current) {
        warningShown.current = false;
        setSecondsLeft(undefined);
      }
    }, 1000);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, keepAlive);
      window.clearInterval(timer);
    };
  }, [idleMs, stepMs, signOut]);

  return (
    <Modal
      opened={secondsLeft !== undefined}
      onClose={() => void api.GET('/api/v1/auth/me')}
      title="Are you still there?"
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': 'Stay signed in' }}
    >
      <Text mb="md" role="timer" aria-live="polite">
        You will be signed out in {secondsLeft} seconds to keep patient information safe.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void signOut('signed-out')}>
          Sign out now
        </Button>
        <Button data-autofocus onClick={() => void api.GET('/api/v1/auth/me')}>
          Stay signed in
        </Button>
      </Group>
    </Modal>
  );
}
