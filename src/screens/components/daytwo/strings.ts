import { text } from '../../../text.js';

/** The words of the day-two screens, in both languages. */
export const D = {
  menuTitle: text('Day two: the questions real projects meet, run on your build', '運用編: 現場で出会う質問を、作ったクラスターで実行する'),
  menuIntro: text(
    'Each one gives its reasoning, shows every call before it is sent, runs, and checks with the real kubectl.',
    'それぞれ理由を説明し、送る前にすべての呼び出しを示し、実行して、本物の kubectl で確認します。',
  ),
  question: (n: number) => text(`Q${n}`, `質問${n}`),
  runs: text('runs', '実行'),
  explains: text('explains', '説明'),
  keysMenu: text(
    '↑/↓ choose · Enter open · Esc back · l language · ? keys · q quit',
    '↑/↓ 選択 · Enter 開く · Esc 戻る · l 言語 · ? キー · q 終了',
  ),
  keysAction: text(
    '←/→ page · Enter next / run · r again · ↑/↓ scroll · Esc day-two menu · q quit',
    '←/→ ページ · Enter 次へ/実行 · r もう一度 · ↑/↓ スクロール · Esc 運用編メニュー · q 終了',
  ),
  opener: text('d: run the day-two questions on this build', 'd: 運用編の質問をこのビルドで実行'),
  openerShort: text('d runs them', 'd で実行'),
  dryRun: text(
    'Day two reads the build it works on: run the tutor in the sandbox (--sandbox) or against an account, not with --dry-run.',
    '運用編は対象のビルドを読み取ります。--dry-run ではなく、サンドボックス(--sandbox)かアカウントで実行してください。',
  ),
  notHere: text('Day two cannot run from here.', 'ここからは運用編を実行できません。'),
  noSession: text('The session is not open yet.', 'セッションがまだ開いていません。'),
  needsBuild: text(
    'It works on the cluster of steps 1-5: build them first (or `eks-basics-tutor up`).',
    'ステップ 1〜5 のクラスターで動きます。先に作成してください(または `eks-basics-tutor up`)。',
  ),
  tabCalls: text('Calls', '呼び出し'),
  tabRun: text('Run', '実行'),
  tabCheck: text('Check', '確認'),
  tabWhy: (n: number) => text(`Why ${n}`, `理由 ${n}`),
  callsNone: text(
    'Nothing sent yet. The calls are made one after another, each answer deciding the next; each one appears here, with its request and its aws CLI line, before it is sent. Enter runs them.',
    'まだ何も送っていません。呼び出しは一つずつ、前の応答をもとに行います。それぞれ送る前に、リクエストと aws CLI の行とともにここに表示されます。Enter で実行します。',
  ),
  callsShown: (n: number) =>
    text(
      `${n} call${n === 1 ? '' : 's'}, each shown before it was sent (↑/↓ picks one):`,
      `${n} 件の呼び出し。どれも送る前に表示しました(↑/↓ で選択):`,
    ),
  runPrompt: text(
    'Enter runs it: each call is shown before it is sent, then the real kubectl checks the result.',
    'Enter で実行します。呼び出しはどれも送る前に表示し、最後に本物の kubectl で結果を確認します。',
  ),
  explainPrompt: text(
    'Enter asks AWS and reads the build: each call is shown before it is sent; nothing is made that stays.',
    'Enter で AWS に問い合わせ、ビルドを読み取ります。呼び出しはどれも送る前に表示します。残るものは作りません。',
  ),
  runAsk: text('Press y to go ahead: nothing is sent before.', 'y で実行します。それまでは何も送りません。'),
  running: text('Running…', '実行中…'),
  ran: text('Done: the check is on the next page (→).', '完了しました。確認は次のページです(→)。'),
  ranFailed: text(
    'Done, but a check did not pass: see the next page (→).',
    '完了しましたが、通らなかった確認があります。次のページを見てください(→)。',
  ),
  asTheyGo: text('What happened, as it happened:', '起きたこと(順に):'),
  notRun: text('Not run yet: the Run page runs it.', 'まだ実行していません。「実行」ページで実行します。'),
  kubectlSays: text('What the real kubectl says:', '本物の kubectl の出力:'),
  checksIntro: text('Checked:', '確認:'),
  allPassed: text('Every check passed.', 'すべての確認に合格しました。'),
  someFailed: text('Not every check passed.', '合格しなかった確認があります。'),
  reasoning: text('Why:', '理由:'),
  next: text('Next:', '次に:'),
};
