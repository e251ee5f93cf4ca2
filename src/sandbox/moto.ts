import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { TutorError } from '../errors.js';
import { text } from '../text.js';

/** A moto_server child process on a loopback port. */
export interface MotoServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const MOTO_MISSING = text(
  'moto_server was not found on PATH. Install it with `pipx install "moto[server]"` (or `pip install "moto[server]"`), or point --endpoint-url at a moto server that is already running.',
  'moto_server が PATH に見つかりません。`pipx install "moto[server]"`(または `pip install "moto[server]"`)でインストールするか、起動済みの moto サーバーを --endpoint-url で指定してください。',
);

/**
 * moto_server dies with its parent: python sets PR_SET_PDEATHSIG before it
 * becomes moto_server, so even a SIGKILLed tutor leaves no server behind.
 */
const DIE_WITH_PARENT = [
  'import ctypes, os, signal, shutil, sys',
  'try:',
  '    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)',
  'except Exception:',
  '    pass',
  'exe = shutil.which("moto_server")',
  'if exe is None:',
  '    sys.exit(127)',
  'os.execv(exe, [exe] + sys.argv[1:])',
].join('\n');

/** True when nothing listens on this loopback port and it may be taken. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Starts moto_server with the AWS managed policies loaded and waits until it answers. */
export async function startMotoServer(
  options: { port?: number; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<MotoServer> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn('python3', ['-c', DIE_WITH_PARENT, '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...options.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const code = await Promise.race([exited, new Promise<'wait'>((r) => setTimeout(() => r('wait'), 100))]);
    if (code !== 'wait') {
      if (code === 127) throw new TutorError('TOOL_MISSING', MOTO_MISSING);
      throw new TutorError(
        'SANDBOX',
        text(
          `moto_server stopped at start-up: ${stderr.trim().split('\n').pop() ?? ''}`,
          `moto_server が起動直後に終了しました: ${stderr.trim().split('\n').pop() ?? ''}`,
        ),
      );
    }
    try {
      const response = await fetch(`${url}/moto-api/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new TutorError('SANDBOX', text(`moto_server did not answer on ${url}.`, `moto_server が ${url} で応答しません。`));
    }
  }
  return {
    url,
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** True when moto_server can be found on PATH. */
export async function motoInstalled(): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  for (const dir of dirs) {
    try {
      await access(`${dir}/moto_server`);
      return true;
    } catch {
      // next
    }
  }
  return false;
}
