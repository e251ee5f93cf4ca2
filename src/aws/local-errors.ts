import { basename, dirname } from 'node:path';
import { TutorError } from '../errors.js';
import type { Unrecorded } from '../state/ledger.js';
import { text, type Text } from '../text.js';
import { PRICE_DATE, formatUsd, resourceHourly } from './cost.js';
import { KINDS, isKind } from './resources/kinds.js';
import { CLUSTER_TAG, KEY_TAG } from './tags.js';

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

/** Why a state file could not be read or written, and what to do about it. */
function fileTrouble(error: { code: string; path?: string; syscall: string }) {
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
  return { reason, what, verb, fix };
}

function fileError(error: { code: string; path?: string; syscall: string }, cause: unknown): TutorError {
  const { reason, what, verb, fix } = fileTrouble(error);
  return new TutorError(
    'LEDGER',
    text(
      `The tutor cannot ${verb.en} ${what.en}: ${reason.en} (${error.code}). Anything already made in AWS stays there. ${fix.en}, then run the same command again to continue, \`eks-basics-tutor status\` to see what exists, or \`eks-basics-tutor down\` to remove it.`,
      `${what.ja} を${verb.ja}ません: ${reason.ja}(${error.code})。AWS にすでに作ったものがあれば、そのまま残っています。${fix.ja}から、同じコマンドをもう一度実行すると続きから、\`eks-basics-tutor status\` で状況確認、\`eks-basics-tutor down\` で削除できます。`,
    ),
    cause,
  );
}

/**
 * A resource made (or found) a moment ago whose record the ledger could not
 * write: said with its kind and id, the tags `down` finds it by, what it costs
 * while it exists, and how to go on once the file can be written.
 */
function unrecordedError(error: { code: string; path?: string; syscall: string }, made: Unrecorded, cause: unknown): TutorError {
  const { reason, what, fix } = fileTrouble(error);
  // write(2) on a full disk names no file.
  const ledger = error.path ? text(`its ledger in ${what.en}`, `${what.ja} の台帳`) : text('its ledger', '台帳');
  const sandbox = made.mode === 'sandbox';
  const where = sandbox ? text('the sandbox', 'サンドボックス') : text(`AWS (${made.region})`, `AWS(${made.region})`);
  const role = made.kind === 'policy-attachment' ? made.details?.role : undefined;
  const tags = `${CLUSTER_TAG}=${made.clusterName}, ${KEY_TAG}=${made.key}`;
  // A policy attachment has no tags of its own: it goes with its role.
  const found = role
    ? text(
        `It is attached to the role ${role}, which carries the tutor's tags, so nothing loses track of it: the next run finds it on the role and \`eks-basics-tutor down\` detaches it with the role.`,
        `チューターのタグが付いたロール ${role} にアタッチされているので見失うことはなく、次の実行ではロールから見つかり、\`eks-basics-tutor down\` ではロールと一緒に外されます。`,
      )
    : text(
        `It carries the tutor's tags (${tags}), so nothing loses track of it: the next run and \`eks-basics-tutor down\` find it by them.`,
        `チューターのタグ(${tags})が付いているので見失うことはなく、次の実行でも \`eks-basics-tutor down\` でもタグから見つかります。`,
      );
  const bills = !sandbox && isKind(made.kind) && KINDS[made.kind].hourly !== undefined;
  const hourly = resourceHourly(made, { region: made.region, instanceType: made.details?.instanceType ?? '', nodes: 0, nat: '' });
  const cost = !bills
    ? text('It costs nothing while it exists.', '存在していても料金はかかりません。')
    : hourly > 0
      ? text(
          `It bills about ${formatUsd(hourly)}/hour while it exists (estimate, prices of ${PRICE_DATE}).`,
          `存在する間は 1 時間あたり約 ${formatUsd(hourly)} かかります(${PRICE_DATE} 時点の価格による見積もり)。`,
        )
      : text(
          'It bills while it exists: `eks-basics-tutor status` shows the estimate.',
          '存在する間は料金がかかります。見積もりは `eks-basics-tutor status` で確認できます。',
        );
  return new TutorError(
    'LEDGER',
    text(
      `The ${made.kind} ${made.id} now exists in ${where.en}, but the tutor could not record it in ${ledger.en}: ${reason.en} (${error.code}). ${found.en} ${cost.en} ${fix.en}, then run the same command again: it finds the ${made.kind} and continues where it stopped. Or remove everything with \`eks-basics-tutor down\`.`,
      `${made.kind} ${made.id} は${where.ja}に作成済みですが、${ledger.ja}に記録できませんでした: ${reason.ja}(${error.code})。${found.ja}${cost.ja}${fix.ja}から同じコマンドをもう一度実行すると、${made.kind} を見つけて続きから再開します。\`eks-basics-tutor down\` ですべて削除することもできます。`,
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
  if (FILE_CALLS.has(e.syscall) && (path !== undefined || PATHLESS.has(e.code))) {
    const file = { code: e.code, syscall: e.syscall, ...(path ? { path } : {}) };
    const made = (error as { $unrecorded?: Unrecorded }).$unrecorded;
    // The kubeconfig entry is this machine's own file, not something in AWS.
    return made && made.kind !== 'kubeconfig' ? unrecordedError(file, made, error) : fileError(file, error);
  }
  return undefined;
}
