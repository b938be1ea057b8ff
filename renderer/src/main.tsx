import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { DoorGate } from './app/DoorGate';
import { i18n, i18nReady } from './i18n';
import { startThemes } from './app/theme/apply-theme';
import { startKoreanFont } from './app/korean-font';
import './styles.css';

// Before the first render, so no frame is drawn in the wrong theme.
startThemes();
startKoreanFont();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Engine events invalidate what changed, so nothing needs refetching on a timer or on focus.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      retry: 1,
    },
  },
});

// After the chosen language's words are here (a Korean reader's catalog is its own chunk).
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <DoorGate>
          <App />
        </DoorGate>
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
  ),
);
