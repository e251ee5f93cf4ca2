import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A port the sandbox wanted again but found taken, so URLs made with the old one are stale. */
export interface MovedPort {
  /** `proxy`, or `kube/<region>/<cluster>`. */
  what: string;
  from: number;
  to: number;
}

/**
 * Plain TCP forwarders on the ports a sandbox used before, so the AWS endpoint
 * and each cluster's Kubernetes endpoint keep their URLs across restarts
 * (kubeconfig entries and ledgers name them). Bytes are passed as they are:
 * TLS ends at the Kubernetes API behind.
 */
export class StablePorts {
  private readonly servers: Server[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly open = new Map<string, Promise<number>>();
  readonly moved: MovedPort[] = [];

  constructor(
    private readonly wanted: (what: string) => number | undefined,
    private readonly chosen: (what: string, port: number) => void,
  ) {}

  /** Listens for `what` on the port it had before (else any free one) and forwards to 127.0.0.1:target. */
  expose(what: string, target: () => Promise<number>): Promise<number> {
    let port = this.open.get(what);
    if (!port) {
      port = this.listen(what, target);
      this.open.set(what, port);
      port.catch(() => this.open.delete(what));
    }
    return port;
  }

  private async listen(what: string, target: () => Promise<number>): Promise<number> {
    const behind = await target();
    const server = createServer((client) => {
      const upstream = connect(behind, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    const wanted = this.wanted(what);
    const bind = (port: number) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    let port: number;
    try {
      port = await bind(wanted ?? 0);
    } catch (error) {
      if (wanted === undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      port = await bind(0);
      this.moved.push({ what, from: wanted, to: port });
    }
    this.servers.push(server);
    this.chosen(what, port);
    return port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(this.servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
}
