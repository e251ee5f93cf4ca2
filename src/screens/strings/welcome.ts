import { text, type Text } from '../../text.js';

/** The session, the modes and the welcome screen. */
export const WELCOME = {
  // Modes
  modeReal: text('Your AWS account', 'ご自身の AWS アカウント'),
  modeSandbox: text('Sandbox', 'サンドボックス'),
  modeDryRun: text('Dry run', 'ドライラン'),
  modeLabel: text('Mode', 'モード'),
  account: text('Account', 'アカウント'),
  caller: text('Caller', '呼び出し元'),
  region: text('Region', 'リージョン'),
  profile: text('Profile', 'プロファイル'),
  defaultProfile: text('(default credentials)', '（既定の認証情報）'),
  cluster: text('Cluster name', 'クラスター名'),
  realBilled: text(
    'Resources are created in this account and billed until you clean up.',
    'このアカウントにリソースを作成します。後片付けするまで料金が発生します。',
  ),
  sandboxAt: (url: string) =>
    text(
      `Local AWS-compatible endpoint at ${url}: nothing leaves this machine, nothing is billed.`,
      `ローカルの AWS 互換エンドポイント ${url} を使います。外部には何も送らず、料金もかかりません。`,
    ),
  dryRunWhat: text(
    'Requests are shown, never sent. Nothing is created.',
    'リクエストを表示するだけで、送信はしません。何も作成されません。',
  ),
  opening: text('Opening the session…', 'セッションを開いています…'),
  openingSandbox: text('Starting the sandbox (a local moto server)…', 'サンドボックス（ローカルの moto サーバー）を起動しています…'),
  checking: text('Checking tools and quotas…', 'ツールとクォータを確認しています…'),
  checks: text('Checks', '確認'),
  language: text('Language', '言語'),
  languageName: text('English', '日本語'),
  languageSwitch: text('l: 日本語', 'l: English'),
  notes: text('Note', 'お知らせ'),

  // Welcome choices
  choiceStart: text('Start with the lesson menu', 'レッスンメニューから始める'),
  choiceContinue: (where: Text) => text(`Continue where you left off: ${where.en}`, `前回の続きから: ${where.ja}`),
  choiceStep: (step: number) => text(`Open step ${step}`, `ステップ ${step} を開く`),
  choiceMenu: text('Go to the lesson menu', 'レッスンメニューへ'),
  choiceSandbox: text('Use the sandbox (local, free)', 'サンドボックスを使う（ローカル・無料）'),
  choiceDryRun: text('Dry run (shows the requests only)', 'ドライラン（リクエストを表示するだけ）'),
  choiceReal: text('Use your AWS account', 'ご自身の AWS アカウントを使う'),
  choiceRetry: text('Try again', 'もう一度試す'),
  choiceQuit: text('Quit', '終了'),
  noCredentialsTitle: text('No AWS credentials were found.', 'AWS の認証情報が見つかりません。'),
  noCredentialsSetup: text(
    'To use your account later: run `aws configure` (access keys) or `aws configure sso` then `aws sso login`, or pass --profile NAME. Until then:',
    'アカウントを使うには: `aws configure`（アクセスキー）または `aws configure sso` のあと `aws sso login` を実行するか、--profile 名前 を指定してください。それまでは次の方法で試せます:',
  ),
  motoMissing: text(
    'The sandbox needs moto: `pipx install "moto[server]"` (or `pip install "moto[server]"`), then start the tutor again.',
    'サンドボックスには moto が必要です: `pipx install "moto[server]"`（または `pip install "moto[server]"`）を実行してから、チューターを起動し直してください。',
  ),
  openFailed: text('The session could not be opened.', 'セッションを開けませんでした。'),
  atStep: (step: number, hourly: string) =>
    text(
      `Opening at step ${step}: steps 1–${step - 1} are adopted from the ledger, or created if they are missing${hourly ? ` (about ${hourly}/hour)` : ''}.`,
      `ステップ ${step} から始めます。ステップ 1〜${step - 1} は台帳から引き継ぎ、無ければ作成します${hourly ? `(1 時間あたり約 ${hourly})` : ''}。`,
    ),
  adopting: (through: number) => text(`Adopting steps 1–${through} from the ledger…`, `ステップ 1〜${through} を台帳から引き継いでいます…`),
  closing: text('Closing…', '終了しています…'),
  stoppingSandbox: text('Stopping the sandbox…', 'サンドボックスを停止しています…'),
} as const;
