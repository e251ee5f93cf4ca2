import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** A certificate authority and a server certificate for 127.0.0.1, all PEM. */
export interface SandboxCertificates {
  caCert: string;
  serverCert: string;
  serverKey: string;
  /** Where openssl worked; empty already once the PEMs are read, removed again by `remove`. */
  dir: string;
  remove(): Promise<void>;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * Makes a fresh CA and a server certificate with subjectAltName IP:127.0.0.1.
 * Keys live only in memory once read; the working directory is deleted at
 * once so a killed tutor leaves no key on disk.
 */
export async function makeCertificates(): Promise<SandboxCertificates> {
  // openssl (and execa, which runs it) is loaded only when certificates are made.
  const { runOpenssl } = await import('../kube/openssl.js');
  const dir = await mkdtemp(join(tmpdir(), 'eks-sandbox-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await runOpenssl(dir, [
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '3650',
      '-subj',
      '/CN=eks-sandbox-ca',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    await runOpenssl(dir, ['req', '-new', ...EC_KEY, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=kube-apiserver']);
    await writeFile(
      join(dir, 'server.ext'),
      'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n',
    );
    await runOpenssl(dir, [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.crt',
      '-days',
      '825',
      '-extfile',
      'server.ext',
    ]);
    const [caCert, serverCert, serverKey] = await Promise.all(
      ['ca.crt', 'server.crt', 'server.key'].map((name) => readFile(join(dir, name), 'utf8')),
    );
    return { caCert: caCert!, serverCert: serverCert!, serverKey: serverKey!, dir, remove };
  } finally {
    await remove();
  }
}

/**
 * The certificates a sandbox keeps across starts (in its directory, 0600), so
 * the CA in every kubeconfig entry made for it stays valid; made once when
 * absent. The CA's own key is never kept: nothing more is ever signed with it.
 */
export async function keptCertificates(dir: string): Promise<SandboxCertificates> {
  const names = ['ca.crt', 'server.crt', 'server.key'];
  try {
    const [caCert, serverCert, serverKey] = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
    if (caCert!.includes('BEGIN CERTIFICATE') && serverCert!.includes('BEGIN CERTIFICATE') && serverKey!.includes('PRIVATE KEY')) {
      return { caCert: caCert!, serverCert: serverCert!, serverKey: serverKey!, dir, remove: async () => undefined };
    }
  } catch {
    // not made yet
  }
  const made = await makeCertificates();
  await Promise.all(
    [made.caCert, made.serverCert, made.serverKey].map((pem, i) => writeFileAtomic(join(dir, names[i]!), pem, { mode: 0o600 })),
  );
  return { ...made, dir, remove: async () => undefined };
}
