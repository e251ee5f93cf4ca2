import { text, type Text } from '../../text.js';

/** What stays on screen around the lessons: status and cost, the map, the key list, quitting. */
export const STATUS = {
  // Status and cost
  resources: (n: number) => text(`${n} resource${n === 1 ? '' : 's'}`, `リソース ${n} 個`),
  creatingCount: (n: number) => text(`${n} creating`, `${n} 個作成中`),
  deletingCount: (n: number) => text(`${n} deleting`, `${n} 個削除中`),
  perHour: (usd: string) => text(`~${usd}/h`, `約 ${usd}/時`),
  soFar: (usd: string) => text(`${usd} so far`, `これまで ${usd}`),
  forReal: text('for real', 'AWS なら'),
  free: text('free', '無料'),
  costTitle: text('Cost meter', 'コストメーター'),
  costNow: (usd: string) => text(`Running now: about ${usd} per hour`, `現在の稼働分: 1 時間あたり約 ${usd}`),
  costTotal: (usd: string) => text(`Since each started: about ${usd}`, `起動してからの合計: 約 ${usd}`),
  costSandbox: text(
    'Sandbox: nothing is billed; these are what the same would cost in AWS.',
    'サンドボックスなので請求はありません。同じ構成を AWS で動かした場合の金額です。',
  ),
  costDryRun: (usd: string) =>
    text(
      `Dry run: nothing runs. All five steps would cost about ${usd} per hour.`,
      `ドライランなので何も動いていません。5 ステップすべてで 1 時間あたり約 ${usd} かかります。`,
    ),
  settlingBanner: (what: Text, status: string) => text(`${what.en} is still ${status}.`, `${what.ja}はまだ ${status} です。`),
  settlingReadOn: text(
    'Read on meanwhile: the next Run waits for what it needs.',
    'その間に先へ進めます。次の「実行」は必要なものを待ってから始まります。',
  ),

  // Map
  mapTitle: text('Resource map', 'リソースマップ'),
  mapControlPlane: text('EKS control plane', 'EKS コントロールプレーン'),
  mapControlPlaneWhere: text(
    'runs in an AWS-owned account; its ENIs sit in your subnets',
    'AWS 管理のアカウントで動作し、ENI がサブネットに置かれます',
  ),
  mapNodegroup: text('Node group', 'ノードグループ'),
  mapNodes: text('nodes', 'ノード'),
  mapClusterRole: text('cluster role', 'クラスターロール'),
  mapNodeRole: text('node role', 'ノードロール'),
  mapPublic: text('public', 'パブリック'),
  mapPrivate: text('private', 'プライベート'),
  mapLegend: text('○ planned  ◐ creating  ● ready  ◌ deleting  ✗ failed', '○ 予定  ◐ 作成中  ● 作成済み  ◌ 削除中  ✗ 失敗'),

  // Keys
  keysLesson: text(
    '←/→ page · c call · h hint · m map · ? keys · q quit',
    '←/→ ページ · c リクエスト · h ヒント · m マップ · ? キー · q 終了',
  ),
  keysLessonNoCall: text('←/→ page · h hint · m map · ? keys · q quit', '←/→ ページ · h ヒント · m マップ · ? キー · q 終了'),
  keysFullCourse: text('f full course', 'f 全コース'),
  keysPresenterTrack: text('f 20-minute track', 'f 20 分コース'),
  keysMenu: text(
    '↑/↓ choose · Enter open · m map · l language · ? keys · q quit',
    '↑/↓ 選択 · Enter 開く · m マップ · l 言語 · ? キー · q 終了',
  ),
  keysWelcome: text('↑/↓ choose · Enter select · l language · q quit', '↑/↓ 選択 · Enter 決定 · l 言語 · q 終了'),
  keysTitle: text('Keys', 'キー操作'),
  keysClose: text('Any key closes this.', '何かキーを押すと閉じます。'),
  keysList: [
    ['↑ ↓', text('choose; scroll a long page', '選択、長いページのスクロール')],
    ['← →', text('previous / next page (Tab works too)', '前 / 次のページ（Tab も可）')],
    ['Enter', text('open, answer, run, confirm', '開く、回答、実行、確定')],
    ['Esc', text('back to the lesson menu', 'レッスンメニューへ戻る')],
    ['c', text('the call: the exact requests of this step', 'このステップで送る実際のリクエスト')],
    ['h', text('a hint for this lesson', 'このレッスンのヒント')],
    ['m', text('the resource map', 'リソースマップ')],
    ['s', text('skip the quiz', 'クイズを飛ばす')],
    ['r', text('run the step again after a failure; take a quiz again', '失敗したステップを再実行、クイズをやり直す')],
    ['Space', text('scroll a long page, request or list', '長いページ・リクエスト・一覧のスクロール')],
    ['y', text('on Try it: copy the selected command (OSC 52)', '「試してみる」で選んだコマンドをコピー（OSC 52）')],
    ['f', text('with --presenter: the 20-minute track or the full course', '--presenter 時: 20 分コースと全コースの切り替え')],
    ['l', text('English / 日本語', 'English / 日本語')],
    ['?', text('this list', 'この一覧')],
    ['q', text('quit (your progress is saved)', '終了（進み具合は保存されます）')],
  ] as [string, Text][],

  // Quit
  quitTitle: text('Still running in your AWS account', 'AWS アカウントでまだ動いているもの'),
  quitCost: (usd: string) =>
    text(`Together about ${usd} per hour until deleted (estimate).`, `削除するまで、合計で 1 時間あたり約 ${usd} かかります（見積もり）。`),
  quitHow: (command: string) =>
    text(
      `Clean up later with \`${command}\`, or open the tutor again and choose Clean up.`,
      `後で \`${command}\` を実行するか、チューターを再度開いて「後片付け」を選ぶと削除できます。`,
    ),
  quitGoesOn: (creating: boolean, what: string, status: string | undefined) =>
    creating
      ? text(
          `AWS goes on creating ${what}${status ? ` (${status})` : ''}: quitting stops only the tutor's waiting. Start the tutor again to follow it.`,
          `AWS は ${what} の作成を続けます${status ? `（${status}）` : ''}。終了で止まるのはチューターの待機だけです。チューターを再度起動すると続きを確認できます。`,
        )
      : text(
          `AWS goes on deleting ${what}${status ? ` (${status})` : ''}: quitting stops only the tutor's waiting. \`eks-basics-tutor status\` shows what is left.`,
          `AWS は ${what} の削除を続けます${status ? `（${status}）` : ''}。終了で止まるのはチューターの待機だけです。残っているものは \`eks-basics-tutor status\` で確認できます。`,
        ),
  quitConfirm: text('Enter: quit and leave them running · Esc: stay', 'Enter: 動かしたまま終了 · Esc: 戻る'),
  farewellSaved: text(
    'Your progress is saved; start the tutor again to continue.',
    '進み具合は保存しました。もう一度起動すると続きから再開できます。',
  ),
} as const;
