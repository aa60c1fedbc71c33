import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { CoreEvents, EventName } from '../../shared/contract';
import type { CoreClient } from '../../shared/contract/client';
import type { CoreConnection } from './connect';

const CoreContext = createContext<CoreConnection | null>(null);

export function CoreProvider({ connection, children }: { connection: CoreConnection; children: ReactNode }) {
  return <CoreContext.Provider value={connection}>{children}</CoreContext.Provider>;
}

function useConnection(): CoreConnection {
  const value = useContext(CoreContext);
  if (!value) throw new Error('CoreProvider is missing');
  return value;
}

export function useCore(): CoreClient {
  return useConnection().client;
}

/** What the app says while the browser host cannot be reached; its lists say it instead of looking empty. */
export const CONNECTION_LOST = 'Lost the connection to Postwright, reconnecting…';

export function useConnectionState() {
  const { connection } = useConnection();
  return useSyncExternalStore(
    (notify) => connection.onStateChange(notify),
    () => connection.state,
  );
}

/** True while a connection that was open is down (the host stopped, the machine slept). */
export function useConnectionLost(): boolean {
  const state = useConnectionState();
  return state === 'reconnecting' || state === 'closed';
}

/** Subscribes to a push event for the component's lifetime; the latest handler is always used. */
export function useCoreEvent<E extends EventName>(event: E, handler: (payload: CoreEvents[E]) => void) {
  const client = useCore();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}

/** Runs a core call when the component mounts (and when `key` changes); undefined until it answers. */
export function useCoreValue<T>(load: (client: CoreClient) => Promise<T>, key: unknown = null) {
  const client = useCore();
  const [value, setValue] = useState<T | undefined>(undefined);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    let live = true;
    loader
      .current(client)
      .then((result) => live && setValue(result))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, key]);
  return [value, setValue] as const;
}
