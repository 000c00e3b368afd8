import { Center, Loader } from '@mantine/core';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { createConsoleRouter } from './routes';
import { SecondFactorEnrolment } from './SecondFactorEnrolment';
import { useSession } from './session';
import { SignIn } from './SignIn';

/** Sign-in, then the second factor where the role needs it, then the role's screens. */
export function App() {
  const { state } = useSession();
  const router = useMemo(() => createConsoleRouter(), []);
  if (state.status === 'loading') {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (state.status === 'signed-out') return <SignIn reason={state.reason} />;
  if (state.me.totpEnrolmentRequired) return <SecondFactorEnrolment />;
  return <RouterProvider router={router} />;
}
