import { execa } from 'execa';
import { TutorError } from '../errors.js';
import { text } from '../text.js';
import { notStarted } from './tool.js';

/** openssl, which makes the sandbox's certificates: "not installed" is one readable error, as for kubectl and the aws CLI. */

export function opensslMissing(cause?: unknown): TutorError {
  return new TutorError(
    'TOOL_MISSING',
    text(
      'openssl was not found on PATH; the sandbox needs it to make a certificate for its local Kubernetes API. Install openssl and try again.',
      'openssl が PATH に見つかりません。サンドボックスはローカルの Kubernetes API の証明書を作るのに openssl を使います。openssl をインストールしてから再実行してください。',
    ),
    cause,
  );
}

/** Runs `openssl <args>` in `dir`; a failure names what openssl printed. */
export async function runOpenssl(dir: string, args: string[]): Promise<void> {
  const result = await execa('openssl', args, { cwd: dir, reject: false, timeout: 30_000 });
  if (notStarted(result)) throw opensslMissing(result);
  if (!result.failed) return;
  const stderr = String(result.stderr ?? '').trim();
  throw new TutorError(
    'SANDBOX',
    text(`openssl could not make the sandbox certificates: ${stderr}`, `openssl でサンドボックスの証明書を作れませんでした: ${stderr}`),
    result,
  );
}
