import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OfferedVersion {
  version: string;
  status: 'STANDARD_SUPPORT' | 'EXTENDED_SUPPORT';
  endOfStandardSupport: string;
  endOfExtendedSupport: string;
  default?: boolean;
}

/**
 * A proxy in front of moto that answers EKS DescribeClusterVersions (which moto
 * lacks) the way AWS does, with the versions given, and forwards every other request.
 */
export async function startVersionsProxy(target: string, versions: OfferedVersion[]): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const seconds = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/cluster-versions')) {
      const body = JSON.stringify({
        clusterVersions: versions.map((v) => ({
          clusterVersion: v.version,
          clusterType: 'eks',
          defaultVersion: v.default === true,
          versionStatus: v.status,
          status: v.status,
          endOfStandardSupportDate: seconds(v.endOfStandardSupport),
          endOfExtendedSupportDate: seconds(v.endOfExtendedSupport),
        })),
      });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      res.destroy();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
