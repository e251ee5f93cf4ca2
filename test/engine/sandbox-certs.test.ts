import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TutorError } from '../../src/errors.js';
import { runOpenssl } from '../../src/kube/openssl.js';
import { makeCertificates } from '../../src/sandbox/certs.js';

/** Runs `work` with PATH emptied, so no tool can be found. */
async function withoutPath<T>(work: () => Promise<T>): Promise<T> {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    return await work();
  } finally {
    process.env.PATH = path;
  }
}

describe('the sandbox certificates, made with openssl', () => {
  it('make a server certificate for 127.0.0.1 signed by their CA', async () => {
    const certs = await makeCertificates();
    const ca = new X509Certificate(certs.caCert);
    const server = new X509Certificate(certs.serverCert);
    expect(server.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(certs.serverKey).toContain('PRIVATE KEY');
  });

  it('without openssl on PATH, say so in one line, as for kubectl and the aws CLI', async () => {
    const error = await withoutPath(() => makeCertificates()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TutorError);
    expect((error as TutorError).code).toBe('TOOL_MISSING');
    expect((error as TutorError).text.en).toMatch(/^openssl was not found on PATH; the sandbox needs it/);
  });

  it('an openssl that fails names what it printed', async () => {
    const error = await runOpenssl(process.cwd(), ['x509', '-in', 'no-such-file.pem']).catch((e: unknown) => e);
    expect((error as TutorError).code).toBe('SANDBOX');
    expect((error as TutorError).text.en).toMatch(/^openssl could not make the sandbox certificates: .*no-such-file\.pem/s);
  });
});
