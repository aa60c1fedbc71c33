import { contextBridge, ipcRenderer } from 'electron';
import type { PostwrightBridge } from '../../shared/contract/transport';

// The whole bridge: send a request envelope, listen to push events. No Node, no other channel.
const bridge: PostwrightBridge = {
  invoke: (request) => ipcRenderer.invoke('core:invoke', request),
  onEvent(listener) {
    const forward = (_event: Electron.IpcRendererEvent, push: unknown) => listener(push);
    ipcRenderer.on('core:event', forward);
    return () => {
      ipcRenderer.removeListener('core:event', forward);
    };
  },
};

contextBridge.exposeInMainWorld('postwright', bridge);
