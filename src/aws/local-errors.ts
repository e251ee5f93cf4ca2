import { basename, dirname } from 'node:path';
import { TutorError } from '../errors.js';
import { text, type Text } from '../text.js';

/**
 * Failures of this machine rather than of AWS, explained as `explainAwsError`
 * explains AWS's: a state file that cannot be written, a tool that is missing
 * or failed, a stop the learner asked for. Undefined for anything else.
 */

interface SystemErrorLike {
  name?: unknown;
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
}

/** What execa rejects with (a run with `reject: true`): the command, how it ended, what it printed. */
interface ToolRunLike {
  command?: unknown;
  shortMessage?: unknown;
  exitCode?: unknown;
  stderr?: unknown;
  timedOut?: unknown;
  isCanceled?: unknown;
  code?: unknown;
}

const READS = new Set(['read', 'scandir', 'stat', 'lstat', 'access', 'readlink']);
const FILE_CALLS = new Set([
  ...READS,
  'open',
  'write',
  'mkdir',
  'rename',
  'unlink',
  'rmdir',
  'chmod',
  'fchmod',
  'chown',
  'fchown',
  'fsync',
  'close',
  'copyfile',
  'link',
  'symlink',
  'utime',
  'futime',
]);

const FILE_REASONS: Record<string, Text> = {
  EACCES: text('permission denied', 'アクセス権がありません'),
  EPERM: text('the operation is not permitted', '許可されていない操作です'),
  EROFS: text('the file system is read-only', 'ファイルシステムが読み取り専用です'),
  ENOSPC: text('no space is left on the device', 'デバイスの空き容量がありません'),
  EDQUOT: text('the disk quota is used up', 'ディスククォータを使い切っています'),
  ENOTDIR: text('a part of the path is not a directory', 'パスの途中がディレクトリではありません'),
  EISDIR: text('it is a directory', 'ディレクトリです'),
  ENOENT: text('it does not exist', '存在しません'),
  EMFILE: text('too many files are open', '開いているファイルが多すぎます'),
  EIO: text('the device reported an input/output error', 'デバイスが入出力エラーを返しました'),
};

/** Codes only a disk gives: a read or write failing with one of them is a file's even when the error names no path. */
const PATHLESS = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

/** Keys, secrets and tokens a tool may print: never passed on. */
export function withoutSecrets(line: string): string {
  return line
    .replace(/k8s-aws-v1\.[\w-]+/g, 'k8s-aws-v1.***')
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, (key) => `${key.slice(0, 4)}************`)
    .replace(/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, '***');
}

function fileError(error: { code: string; path?: string; syscall: string }, cause: unknown): TutorError {
  const reading = READS.has(error.syscall);
  const creating = error.syscall === 'mkdir';
  // A recursive mkdir on a read-only file system reports ENOENT: the directory above is what cannot be written.
  const reason =
    creating && error.code === 'ENOENT'
      ? text('a directory above it is missing or cannot be written', '上位のディレクトリがないか、書き込めません')
      : (FILE_REASONS[error.code] ?? text(error.code, error.code));
  // write(2) and fsync(2) name no path: what could not be written is then the tutor's own files.
  const where = error.path ? (reading || creating ? error.path : dirname(error.path)) : undefined;
  const what = where ? text(where, where) : text('its state files', '状態ファイル');
  const verb = reading ? text('read', '読め') : creating ? text('create', '作成でき') : text(where ? 'write in' : 'write', '書き込め');
  const fix = reading
    ? text(`Make ${what.en} readable`, `${what.ja} を読めるようにして`)
    : error.code === 'ENOSPC' || error.code === 'EDQUOT'
      ? text(`Free some space on its disk`, `ディスクの空き容量を確保して`)
      : text(
          `Make ${where ?? 'the state directory'} writable (or choose another --state-dir)`,
          `${where ?? '状態ディレクトリ'} を書き込めるようにして(または別の --state-dir を指定して)`,
        );
  return new TutorError(
    'LEDGER',
    text(
      `The tutor cannot ${verb.en} ${what.en}: ${reason.en} (${error.code}). Anything already made in AWS stays there. ${fix.en}, then run the same command again to continue, \`eks-basics-tutor status\` to see what exists, or \`eks-basics-tutor down\` to remove it.`,
      `${what.ja} を${verb.ja}ません: ${reason.ja}(${error.code})。AWS にすでに作ったものがあれば、そのまま残っています。${fix.ja}から、同じコマンドをもう一度実行すると続きから、\`eks-basics-tutor status\` で状況確認、\`eks-basics-tutor down\` で削除できます。`,
    ),
    cause,
  );
}

function toolMissing(program: string, cause: unknown): TutorError {
  return new TutorError(
    'TOOL_MISSING',
    text(
      `${program} was not found on PATH. Install it, then run the same command again: it continues where it stopped.`,
      `${program} が PATH に見つかりません。インストールしてから同じコマンドを実行すると、続きから再開します。`,
    ),
    cause,
  );
}

function toolFailed(error: ToolRunLike, cause: unknown): TutorError {
  const program = basename(String(error.command).split(' ')[0] ?? '');
  if (error.code === 'ENOENT') return toolMissing(program, cause);
  if (error.isCanceled === true) return interrupted(cause);
  const said = withoutSecrets(
    String(error.stderr ?? '')
      .trim()
      .split('\n')
      .pop() ?? '',
  );
  const how =
    error.timedOut === true
      ? text('did not finish in time', '時間内に終わりませんでした')
      : text(`ended with exit code ${String(error.exitCode)}`, `終了コード ${String(error.exitCode)} で終わりました`);
  return new TutorError(
    'TOOL_FAILED',
    text(
      `${program} ${how.en}${said ? `: ${said}` : ''}. Run the same command again; with --debug the tutor shows more.`,
      `${program} が${how.ja}${said ? `: ${said}` : ''}。同じコマンドを再実行してください。--debug を付けると詳しく表示します。`,
    ),
    cause,
  );
}

function interrupted(cause: unknown): TutorError {
  return new TutorError('INTERRUPTED', text('Interrupted.', '中断しました。'), cause);
}

export function explainLocalError(error: unknown): TutorError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as SystemErrorLike & ToolRunLike;
  if (e.name === 'AbortError' || e.code === 'ABORT_ERR') return interrupted(error);
  if (typeof e.command === 'string' && typeof e.shortMessage === 'string') return toolFailed(e, error);
  if (typeof e.code !== 'string' || typeof e.syscall !== 'string') return undefined;
  if (e.syscall.startsWith('spawn') && (e.code === 'ENOENT' || e.code === 'EACCES'))
    return toolMissing(basename(typeof e.path === 'string' ? e.path : e.syscall.slice(6)), error);
  // A socket's read or write fails with the same syscalls (read ECONNRESET): without a path, only a disk's own codes are a file's.
  const path = typeof e.path === 'string' ? e.path : undefined;
  if (FILE_CALLS.has(e.syscall) && (path !== undefined || PATHLESS.has(e.code)))
    return fileError({ code: e.code, syscall: e.syscall, ...(path ? { path } : {}) }, error);
  return undefined;
}
