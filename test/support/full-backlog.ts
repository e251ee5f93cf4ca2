import { execa } from 'execa';

/**
 * An address whose connections are never made: a listening socket that accepts
 * none, its backlog already full, so Linux drops every further SYN (as a
 * firewall that drops packets does) and the client's connect waits.
 */
const LISTENER = `
import socket, sys, time
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen(0)
held = []
for _ in range(3):
    c = socket.socket()
    c.setblocking(False)
    try:
        c.connect(s.getsockname())
    except BlockingIOError:
        pass
    held.append(c)
time.sleep(0.5)
print(s.getsockname()[1], flush=True)
sys.stdin.read()
`;

export async function startFullBacklog(): Promise<{ url: string; close: () => Promise<void> }> {
  const child = execa('python3', ['-c', LISTENER], { stdin: 'pipe', reject: false });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', () => reject(new Error('the listener ended before it printed its port')));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      child.stdin!.end();
      await child;
    },
  };
}
