import { connect } from 'node:net';

/**
 * Sends commands to QEMU's machine protocol (QMP) on its Unix socket: one connection, the
 * capabilities handshake, then each command in turn. Resolves with the last command's answer.
 */
export function qmp(socketPath: string, commands: { execute: string; arguments?: object }[], timeoutMs = 3000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    const queue = [{ execute: 'qmp_capabilities' }, ...commands];
    let buffer = '';
    let greeted = false;
    let last: unknown;
    const timer = setTimeout(() => fail(new Error('QEMU did not answer on its control socket.')), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const sendNext = () => {
      const next = queue.shift();
      if (!next) {
        clearTimeout(timer);
        socket.end();
        return resolve(last);
      }
      socket.write(`${JSON.stringify(next)}\n`);
    };
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (!line) continue;
        const message = JSON.parse(line) as { QMP?: unknown; return?: unknown; error?: { desc?: string }; event?: string };
        if (message.event) continue;
        if (message.QMP && !greeted) {
          greeted = true;
          sendNext();
        } else if (message.error) {
          fail(new Error(message.error.desc ?? 'QEMU refused a command.'));
        } else if ('return' in message) {
          last = message.return;
          sendNext();
        }
      }
    });
    socket.on('error', fail);
  });
}

/** Ctrl-Alt-Delete: the guest's PID 1 stops dockerd (its containers stop cleanly), syncs and powers off. */
export function askGuestToPowerOff(socketPath: string): Promise<unknown> {
  return qmp(socketPath, [
    { execute: 'send-key', arguments: { keys: [{ type: 'qcode', data: 'ctrl' }, { type: 'qcode', data: 'alt' }, { type: 'qcode', data: 'delete' }] } },
  ]);
}
