/**
 * Where a build lives: one AWS account, one region, one endpoint. A ledger of
 * resources in one place must never be read or acted on from another — its
 * resources would look gone, and a teardown there would delete only the global
 * ones (the IAM roles) and forget the rest, which goes on billing.
 */
import { badInput, type TutorError } from '../errors.js';
import { text, type Text } from '../text.js';
import type { Ledger } from './ledger.js';

export interface Place {
  region: string;
  /** An endpoint other than AWS's own (a moto server), if any. */
  endpoint?: string | undefined;
  account?: string | undefined;
}

/** Endpoints compared as the learner would: without a trailing slash. */
export function sameEndpoint(a: string | undefined, b: string | undefined): boolean {
  const norm = (value: string | undefined) => (value ?? '').replace(/\/+$/, '');
  return norm(a) === norm(b);
}

/** "account 1234…, region ap-northeast-1, endpoint http://…": where a command looked. */
export function describePlace(place: Place): Text {
  const account = place.account ? { en: `account ${place.account}, `, ja: `アカウント ${place.account}、` } : { en: '', ja: '' };
  const endpoint = place.endpoint ? { en: `, endpoint ${place.endpoint}`, ja: `、エンドポイント ${place.endpoint}` } : { en: '', ja: '' };
  return text(`${account.en}region ${place.region}${endpoint.en}`, `${account.ja}リージョン ${place.region}${endpoint.ja}`);
}

/**
 * Refuses to work on a ledger that records resources in another region or
 * through another endpoint than this command's. Nothing has been sent or
 * changed when it throws. A ledger with nothing live is free to be used anywhere.
 */
export function checkPlace(ledger: Ledger, here: Place): void {
  if (ledger.live.length === 0) return;
  const where = `The build "${ledger.clusterName}" (ledger ${ledger.path})`;
  const whereJa = `構築「${ledger.clusterName}」(台帳 ${ledger.path})`;
  if (ledger.region && ledger.region !== here.region) {
    throw badInput(
      text(
        `${where} is in region ${ledger.region}, not ${here.region}: run the command again with --region ${ledger.region}. Nothing was changed.`,
        `${whereJa}はリージョン ${ledger.region} にあり、${here.region} ではありません。--region ${ledger.region} を付けてもう一度実行してください。何も変更していません。`,
      ),
    );
  }
  if (!sameEndpoint(ledger.endpoint, here.endpoint)) {
    const recorded = ledger.endpoint;
    throw badInput(
      recorded
        ? text(
            `${where} was made through the endpoint ${recorded}, not ${here.endpoint ?? 'AWS itself'}: run the command again with --endpoint-url ${recorded}. Nothing was changed.`,
            `${whereJa}はエンドポイント ${recorded} で作成したもので、${here.endpoint ?? 'AWS 本体'} ではありません。--endpoint-url ${recorded} を付けてもう一度実行してください。何も変更していません。`,
          )
        : text(
            `${where} was made in AWS itself, not through ${here.endpoint}: run the command again without --endpoint-url. Nothing was changed.`,
            `${whereJa}は AWS 本体で作成したもので、${here.endpoint} ではありません。--endpoint-url を付けずにもう一度実行してください。何も変更していません。`,
          ),
    );
  }
}

/** The ledger records resources in another account than the credentials'. */
export function wrongAccount(ledger: Ledger, recorded: string, current: string): TutorError {
  return badInput(
    text(
      `The ledger ${ledger.path} records resources in AWS account ${recorded}, but these credentials are for account ${current}. Use the credentials (or --profile) of account ${recorded} to continue or remove them, or choose another --cluster-name for a new build in this account. Nothing was changed.`,
      `台帳 ${ledger.path} には AWS アカウント ${recorded} のリソースが記録されていますが、現在の認証情報はアカウント ${current} のものです。続きや削除にはアカウント ${recorded} の認証情報(または --profile)を使うか、このアカウントで新しく作るなら別の --cluster-name を指定してください。何も変更していません。`,
    ),
  );
}
