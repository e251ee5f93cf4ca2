import { TutorError } from '../errors.js';
import { text, type Text } from '../text.js';
import { explainLocalError } from './local-errors.js';

interface AwsErrorLike {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

interface UnreadableAnswer {
  $responseBodyText?: unknown;
  $response?: { statusCode?: number; body?: unknown };
}

/** The SDK kept the answer (`$response`) but could not make an AWS error of it (AWS errors carry `$fault`). */
function isUnparsed(error: unknown): boolean {
  return typeof error === 'object' && error !== null && '$response' in error && !('$fault' in error);
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

/**
 * An error answer the SDK could not parse: an endpoint (moto) that answers a JSON
 * API in XML, or an HTML page. The code and message are read from the raw body,
 * so the answer is explained like any other; undefined when the body names none.
 */
function readUnparsedAnswer(error: unknown): AwsErrorLike | undefined {
  if (!isUnparsed(error)) return undefined;
  const raw = error as UnreadableAnswer & { $response: NonNullable<UnreadableAnswer['$response']> };
  const kept = raw.$response.body;
  const body =
    typeof raw.$responseBodyText === 'string'
      ? raw.$responseBodyText
      : typeof kept === 'string'
        ? kept
        : kept instanceof Uint8Array
          ? Buffer.from(kept).toString('utf8')
          : '';
  let code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  let message = /<Message>(?:<!\[CDATA\[)?([^<\]]*)/.exec(body)?.[1];
  if (!code) {
    try {
      const json = JSON.parse(body) as { __type?: string; code?: string; message?: string; Message?: string };
      code = (json.__type ?? json.code)?.split('#').pop();
      message = json.message ?? json.Message;
    } catch {
      // not JSON either
    }
  }
  if (!code) return undefined;
  const decoded = (message ?? '').replace(/&(lt|gt|quot|apos|amp);/g, (entity) => XML_ENTITIES[entity] ?? entity);
  return { name: code, message: decoded, $metadata: { httpStatusCode: raw.$response.statusCode ?? 0 } };
}

/**
 * Why an endpoint was not reached, naming it when the call knows it (clients.ts
 * adds `$endpoint`: scheme, host and port). The SDK's timeouts say how long was waited.
 */
function unreachedWhy(error: unknown, name: string, said: string): Text {
  const endpoint = (error as { $endpoint?: unknown } | null)?.$endpoint;
  const where = typeof endpoint === 'string' ? endpoint : undefined;
  const ms = /(\d+) ?ms/.exec(said)?.[1];
  const seconds = ms ? Math.round(Number(ms) / 1000) : undefined;
  const after = seconds ? text(` within ${seconds} s`, ` ${seconds} 秒以内に`) : text('', '');
  if (name === 'TimeoutError' && /establish a connection/.test(said)) {
    const to = where ?? 'the endpoint';
    return text(`no connection to ${to} could be made${after.en}`, `${where ?? 'エンドポイント'} に${after.ja}接続できませんでした`);
  }
  if (name === 'TimeoutError') {
    return text(`${where ?? 'the endpoint'} did not answer${after.en}`, `${where ?? 'エンドポイント'} が${after.ja}応答しませんでした`);
  }
  return where ? text(`${where}: ${said}`, `${where}: ${said}`) : text(said, said);
}

/** The code and the first line of the message of an AWS error, parsed or not. */
export function awsErrorParts(error: unknown): { name: string; message: string } {
  const e = readUnparsedAnswer(error) ?? ((error ?? {}) as AwsErrorLike);
  return { name: e.name ?? e.Code ?? '', message: (e.message ?? '').split('\n')[0]!.trim() };
}

/**
 * Temporary credentials (an SSO sign-in, an assumed role's session) that ran
 * out mid-run: AWS refuses every call from then on. What was made stays as it
 * is and the ledger has it, so the same command continues once they are fresh.
 * EC2 also says RequestExpired of a request signed too long ago: a clock that is off.
 */
function credentialsExpired(name: string, error: unknown): TutorError {
  const code = name ? text(` (${name})`, `(${name})`) : text('', '');
  const clock =
    name === 'RequestExpired'
      ? text(
          ' If they are fresh, check this machine’s clock: AWS refuses a request stamped more than 15 minutes off.',
          '認証情報が新しい場合は、このマシンの時計を確認してください。AWS は 15 分以上ずれた時刻のリクエストを拒否します。',
        )
      : text('', '');
  return new TutorError(
    'NO_CREDENTIALS',
    text(
      `Your AWS credentials expired${code.en}. Refresh them (\`aws sso login\` with the same --profile for IAM Identity Center, or a new session for temporary keys) and run the same command again: it continues where it stopped. What was made so far stays as it is.${clock.en}`,
      `AWS の認証情報の有効期限が切れました${code.ja}。認証情報を更新して(IAM Identity Center なら同じ --profile で \`aws sso login\`、一時的なキーなら新しいセッション)、同じコマンドをもう一度実行すると、続きから再開します。ここまでに作ったものはそのまま残っています。${clock.ja}`,
    ),
    error,
  );
}

/**
 * The one place an AWS error becomes something a learner can act on, and with
 * it a failure of this machine (a state file, a tool, a stop: `explainLocalError`).
 * The raw error stays as the cause, shown only with --debug.
 */
export function explainAwsError(error: unknown): TutorError {
  if (error instanceof TutorError) return error;
  const local = explainLocalError(error);
  if (local) return local;
  const e = readUnparsedAnswer(error) ?? ((error ?? {}) as AwsErrorLike);
  const name = e.name ?? e.Code ?? '';
  // The SDK appends hints on further lines; the learner gets one line.
  const message = (e.message ?? String(error)).split('\n')[0]!.trim();
  if (/AccessDenied|UnauthorizedOperation|AccessDeniedException/.test(name)) {
    const action = /not authorized to perform:? ([\w:-]+)/.exec(message)?.[1] ?? /perform:? ([\w:*-]+)/.exec(message)?.[1];
    const principal = /User: (arn:[^\s]+)/.exec(message)?.[1];
    return new TutorError(
      'ACCESS_DENIED',
      text(
        `AWS refused: ${principal ?? 'your identity'} may not ${action ?? 'do this'}. Add ${action ?? 'that action'} to its IAM policy (or use a role that has it), then run the same command again.`,
        `AWS に拒否されました: ${principal ?? '現在の ID'} には ${action ?? 'この操作'} の権限がありません。IAM ポリシーに ${action ?? 'その操作'} を追加する(またはその権限を持つロールを使う)と、同じコマンドで続きから実行できます。`,
      ),
      error,
    );
  }
  if (/VpcLimitExceeded/.test(name)) {
    return new TutorError(
      'QUOTA',
      text(
        'This region already has 5 VPCs, the default quota. Delete an unused VPC or ask for a higher quota in Service Quotas.',
        'このリージョンには既定クォータの 5 個の VPC がすでにあります。不要な VPC を削除するか、Service Quotas で上限緩和を申請してください。',
      ),
      error,
    );
  }
  if (/AddressLimitExceeded/.test(name)) {
    return new TutorError(
      'QUOTA',
      text(
        'The Elastic IP quota (5 per region by default) is used up. Release an unused address, use --nat single or --nat none, or ask for more in Service Quotas.',
        'Elastic IP のクォータ(既定でリージョンあたり 5 個)を使い切っています。未使用のアドレスを解放するか、--nat single か --nat none を使うか、Service Quotas で申請してください。',
      ),
      error,
    );
  }
  if (/ResourceLimitExceeded/.test(name)) {
    return new TutorError('QUOTA', text(`An EKS quota is reached: ${message}`, `EKS のクォータに達しました: ${message}`), error);
  }
  const operation = (error as { $operation?: string } | null)?.$operation ?? '';
  if (/ResourceInUse/.test(name) && /^Delete/.test(operation)) {
    return new TutorError(
      'AWS',
      text(
        `AWS cannot delete it yet (${operation}): ${message}. Something that depends on it is still being removed; run the same command again in a few minutes.`,
        `まだ削除できません(${operation}): ${message}。依存するものの削除がまだ終わっていません。数分後に同じコマンドを再実行してください。`,
      ),
      error,
    );
  }
  if (/AuthFailure/.test(name) && /^(ReleaseAddress|DisassociateAddress)$/.test(operation)) {
    return new TutorError(
      'AWS',
      text(
        `The Elastic IP is still held by a NAT gateway that is being deleted (${operation}: ${message}). Run the same command again in a minute.`,
        `Elastic IP は削除中の NAT ゲートウェイがまだ使っています(${operation}: ${message})。1 分ほどして同じコマンドを再実行してください。`,
      ),
      error,
    );
  }
  if (/ResourceInUse/.test(name)) {
    return new TutorError(
      'NAME_TAKEN',
      text(
        `The name is in use: ${message}. Choose another --cluster-name.`,
        `名前が使用中です: ${message}。別の --cluster-name を指定してください。`,
      ),
      error,
    );
  }
  if (/Throttl|TooManyRequests|RequestLimitExceeded/.test(name)) {
    return new TutorError(
      'THROTTLED',
      text(
        'AWS is throttling requests even after retries. Wait a minute and run the same command again: it continues where it stopped.',
        'リトライ後も AWS にリクエストを制限されています。1 分ほど待って同じコマンドを実行すると、続きから再開します。',
      ),
      error,
    );
  }
  if (/InvalidParameter|ValidationError|InvalidRequest/.test(name)) {
    return new TutorError(
      'AWS',
      text(`AWS did not accept a parameter: ${message}`, `AWS がパラメータを受け付けませんでした: ${message}`),
      error,
    );
  }
  if (/InvalidClientTokenId|UnrecognizedClient|InvalidAccessKeyId|SignatureDoesNotMatch|AuthFailure/.test(name)) {
    return new TutorError(
      'NO_CREDENTIALS',
      text(
        `AWS does not accept these credentials (${name}): the access key is unknown or deactivated, or its secret is wrong. Check them with \`aws sts get-caller-identity\` (with the same --profile), set them with \`aws configure\`, or try --sandbox.`,
        `AWS がこの認証情報を受け付けません(${name})。アクセスキーが存在しないか無効化されているか、シークレットが違います。\`aws sts get-caller-identity\`(同じ --profile 付き)で確認し、\`aws configure\` で設定し直すか、--sandbox で試してください。`,
      ),
      error,
    );
  }
  if (
    /ExpiredToken|RequestExpired|TokenRefreshRequired|SSOTokenProviderFailure|UnauthorizedSSOToken/.test(name) ||
    /SSO.*(expired|refresh)/i.test(message)
  ) {
    return credentialsExpired(name, error);
  }
  if (/CredentialsProviderError/.test(name) || /Could not load credentials/.test(message)) {
    return new TutorError(
      'NO_CREDENTIALS',
      text(
        'No AWS credentials were found: run `aws configure` or pass --profile; or try --sandbox.',
        'AWS の認証情報が見つかりません。`aws configure` を実行するか --profile を指定してください。--sandbox でも試せます。',
      ),
      error,
    );
  }
  const network = (error as { code?: unknown } | null)?.code;
  const unreached = `${name} ${message} ${typeof network === 'string' ? network : ''}`;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|TimeoutError|socket hang up/.test(unreached)) {
    const why = unreachedWhy(error, name, message || (typeof network === 'string' ? network : name));
    return new TutorError(
      'AWS',
      text(
        `Cannot reach AWS (${why.en}). Check the network (or --endpoint-url) and run the same command again: it continues where it stopped.`,
        `AWS に接続できません(${why.ja})。ネットワーク(または --endpoint-url)を確認して同じコマンドを実行すると、続きから再開します。`,
      ),
      error,
    );
  }
  if (isUnparsed(error) && e === error) {
    const status = e.$metadata?.httpStatusCode ?? (error as UnreadableAnswer).$response?.statusCode ?? 0;
    return new TutorError(
      'AWS',
      text(
        `The endpoint answered HTTP ${status} with something that is not an AWS answer. If you use --endpoint-url, check that it points at an AWS API (or a moto server); otherwise run the same command again with --debug.`,
        `エンドポイントが HTTP ${status} で AWS の応答ではないものを返しました。--endpoint-url を使っている場合は、AWS API(または moto サーバー)を指しているか確認してください。そうでなければ --debug を付けて同じコマンドを再実行してください。`,
      ),
      error,
    );
  }
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) {
    return new TutorError(
      'AWS',
      text(
        `AWS had an internal error (${name || e.$metadata?.httpStatusCode}) on every retry. Wait a minute and run the same command again: it continues where it stopped.`,
        `AWS 側で内部エラー(${name || e.$metadata?.httpStatusCode})がリトライ中ずっと続きました。1 分ほど待って同じコマンドを実行すると、続きから再開します。`,
      ),
      error,
    );
  }
  if (!e.$metadata) {
    return new TutorError(
      'TOOL_FAILED',
      text(`Unexpected error: ${message} (run with --debug for details).`, `予期しないエラー: ${message}(詳細は --debug で表示されます)。`),
      error,
    );
  }
  return new TutorError(
    'AWS',
    text(`AWS answered ${name || 'an error'}: ${message}`, `AWS からエラー ${name || ''} が返りました: ${message}`),
    error,
  );
}
