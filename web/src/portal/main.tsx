import '@mantine/core/styles.css';
import { Button, createTheme, MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from '../shared/api';
import { cssVariablesResolver, theme } from '../shared/theme';
import { I18nextProvider } from 'react-i18next';
import { patientI18n } from './i18n';
import { PortalApp } from './PortalApp';
import { SigningPage } from './RemoteSigning';

// On a 375 px phone a long button label wraps rather than running off the screen; the button grows.
const portalTheme = mergeThemeOverrides(
  theme,
  createTheme({
    components: {
      Button: Button.extend({
        styles: {
          root: { height: 'auto', minHeight: 44, paddingBlock: 8 },
          label: { whiteSpace: 'normal', textAlign: 'center', overflow: 'visible' },
        },
      }),
    },
  }),
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal will not change by asking again; a dropped connection or a busy service may.
      retry: (failures, error) =>
        failures < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      staleTime: 30_000,
    },
  },
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={portalTheme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <I18nextProvider i18n={patientI18n}>
          {/* A mailed signing link opens /portal/sign; every other patient page is the portal. */}
          {location.pathname.startsWith('/portal/sign') ? <SigningPage /> : <PortalApp />}
        </I18nextProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
