import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSessionEnded, unwrap, type components } from '../shared/api';

export type Me = components['schemas']['MeDto'];
export type Permission = components['schemas']['Permission'];

/** Why the console shows the sign-in screen. */
export type SignedOutReason = 'initial' | 'signed-out' | 'idle' | 'expired';

export type SessionState =
  { status: 'loading' } | { status: 'signed-out'; reason: SignedOutReason } | { status: 'signed-in'; me: Me };

interface SessionContextValue {
  state: SessionState;
  /** Reads the account and session again (after sign-in, after enrolling a second factor). */
  refresh: () => Promise<void>;
  signOut: (reason: Exclude<SignedOutReason, 'initial'>) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

async function readMe(): Promise<Me | undefined> {
  try {
    return await unwrap(api.GET('/api/v1/auth/me'));
  } catch {
    return undefined;
  }
}

/** The staff session of this browser, held by the service in an HttpOnly cookie. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const queryClient = useQueryClient();

  const refresh = useCallback(async () => {
    const me = await readMe();
    setState(me ? { status: 'signed-in', me } : { status: 'signed-out', reason: 'initial' });
  }, []);

  const signOut = useCallback(
    async (reason: Exclude<SignedOutReason, 'initial'>) => {
      if (reason !== 'expired') await api.POST('/api/v1/auth/logout').catch(() => undefined);
      // Nothing read under the session stays in memory for the next person at this screen.
      queryClient.clear();
      setState({ status: 'signed-out', reason });
    },
    [queryClient],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onSessionEnded(() => {
        setState((current) => {
          if (current.status !== 'signed-in') return current;
          queryClient.clear();
          return { status: 'signed-out', reason: 'expired' };
        });
      }),
    [queryClient],
  );

  const value = useMemo(() => ({ state, refresh, signOut }), [state, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** The signed-in staff member; only for screens drawn inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe outside a signed-in session');
  return state.me;
}

/** Whether the signed-in staff member's role grants a permission. */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return useCallback((permission: Permission) => me.permissions.includes(permission), [me]);
}
