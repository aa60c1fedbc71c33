import type { WebSocket } from 'ws';
import type { Transport, WireMessage } from '../../shared/contract';
import type { Logger } from '../core/platform/logger';

/**
 * Frames core messages as JSON text over one WebSocket. A frame that is not JSON gets an error reply
 * (there is no request id to answer, so id is null) and a log line; the connection stays up.
 */
export function createWebSocketTransport(socket: WebSocket, logger: Logger): Transport {
  return {
    send(message: WireMessage) {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    },
    onMessage(listener) {
      const onFrame = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        let message: unknown;
        try {
          if (isBinary) throw new Error('binary frame');
          message = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
        } catch {
          logger.warn('dropped a malformed WebSocket frame');
          const reply = {
            id: null,
            ok: false,
            error: { code: 'bad-message', message: 'The frame is not JSON.' },
          };
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
          return;
        }
        listener(message);
      };
      socket.on('message', onFrame);
      return () => socket.off('message', onFrame);
    },
  };
}
