import { createTRPCClient, createWSClient, wsLink, type TRPCLink } from '@trpc/client';
import { ipcLink } from 'trpc-electron/renderer';
import type { ContractRouter } from '../../../engine/contract/router';
import { setHostLink } from '../state/ui-store';
import { reloadOnNewToken, sessionWebSocket, socketUrl } from './door';

/**
 * The renderer's one door to the engine. In Electron the preload exposes `electronTRPC` and calls
 * travel over IPC; in a browser they travel over the web host's WebSocket. Nothing else in the
 * renderer knows which it has. The web host's socket opens with the session the page got at the
 * door (./door.ts).
 */
function pickLink(): TRPCLink<ContractRouter> {
  if ('electronTRPC' in globalThis) {
    setHostLink('open');
    return ipcLink<ContractRouter>();
  }
  reloadOnNewToken();
  const client = createWSClient({
    url: socketUrl,
    WebSocket: sessionWebSocket(),
    retryDelayMs: (attempt) => Math.min(250 * 2 ** attempt, 4000),
    onOpen: () => setHostLink('open'),
    onClose: () => setHostLink('closed'),
  });
  return wsLink<ContractRouter>({ client });
}

export const berth = createTRPCClient<ContractRouter>({ links: [pickLink()] });
