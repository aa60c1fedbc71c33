import { createCoreClient, type CoreClient } from '../../shared/contract/client';
import { withFirstCalls } from '../../shared/contract/first-calls';
import type { ConnectionAware, PostwrightBridge } from '../../shared/contract';
import { createBridgeTransport } from './bridge-transport';
import { createWebSocketTransport } from './websocket-transport';

export interface CoreConnection {
  client: CoreClient;
  connection: ConnectionAware;
}

declare global {
  interface Window {
    postwright?: PostwrightBridge;
  }
}

/**
 * The preload bridge when the app runs in Electron, else the browser host's WebSocket. Where the
 * author left off and the settings (the first paint waits for both) are asked for at once.
 */
export function connectToCore(): CoreConnection {
  const transport = window.postwright
    ? createBridgeTransport(window.postwright)
    : createWebSocketTransport(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/core`);
  const client = withFirstCalls(createCoreClient(transport), ['ui-state-get', 'settings-get']);
  transport.onStateChange((state) => {
    // Calls sent on a connection that dropped will never be answered: fail them so nothing hangs.
    if (state === 'reconnecting')
      client.failPending('disconnected', 'Lost the connection to Postwright; try again.');
  });
  return { client, connection: transport };
}
