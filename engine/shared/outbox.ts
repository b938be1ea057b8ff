/**
 * Where a subscription's messages wait to be sent to one page: the web host's WebSocket. tRPC's
 * WebSocket adapter reads a subscription's iterator as fast as it yields and sends without waiting,
 * so without this a paused page (a background tab, a slow link) would make the host buffer a whole
 * log in the socket. The desktop shell's IPC has no such buffer to watch, so it has no outbox.
 */
export interface Outbox {
  /** Resolves once the bytes waiting to be sent are at or below the mark, the page is gone, or `signal` aborts. */
  room(signal?: AbortSignal): Promise<void>;
}

/** Bytes a page's socket may hold before its subscriptions wait: a few batches of output. */
export const outboxHighWaterBytes = 1024 * 1024;

interface SocketLike {
  readonly bufferedAmount: number;
  readonly readyState: number;
  /** ws keeps its net.Socket here; it emits 'drain' when the kernel took the bytes. */
  _socket?: { on(event: string, listener: () => void): unknown; off(event: string, listener: () => void): unknown } | null;
}

const open = 1;

/** An Outbox over a `ws` WebSocket: waits on its socket's 'drain' (or 'close') while bufferedAmount is above `highWater`. */
export function socketOutbox(ws: SocketLike, highWater = outboxHighWaterBytes): Outbox {
  return {
    async room(signal) {
      while (ws.bufferedAmount > highWater && ws.readyState === open && !signal?.aborted) {
        const socket = ws._socket;
        if (!socket) return;
        await new Promise<void>((resolve) => {
          const done = () => {
            socket.off('drain', done);
            socket.off('close', done);
            signal?.removeEventListener('abort', done);
            resolve();
          };
          socket.on('drain', done);
          socket.on('close', done);
          signal?.addEventListener('abort', done);
        });
      }
    },
  };
}

/** Yields `source`'s items, each only once the outbox has room for more: the consumer's pace reaches the producer. */
export async function* paced<T>(source: AsyncIterable<T>, outbox: Outbox, signal?: AbortSignal): AsyncGenerator<T> {
  for await (const item of source) {
    yield item;
    await outbox.room(signal);
  }
}
