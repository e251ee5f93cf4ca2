import { text, type Text } from '../text.js';

/** Every word the screens say, in both languages. Lesson content lives with the lessons. */
export const S = {
  /** A remark in brackets, as each language writes them. */
  aside: (inner: Text) => text(` (${inner.en})`, `（${inner.ja}）`),
  product: text('eks-basics-tutor', 'eks-basics-tutor'),
  tagline: text('Build an Amazon EKS cluster by hand, and see what eksctl hides.', 'EKS クラスターを手作業で組み立てて、eksctl が隠していることを確かめます。'),

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
  realBilled: text('Resources are created in this account and billed until you clean up.', 'このアカウントにリソースを作成します。後片付けするまで料金が発生します。'),
  sandboxAt: (url: string) => text(`Local AWS-compatible endpoint at ${url}: nothing leaves this machine, nothing is billed.`, `ローカルの AWS 互換エンドポイント ${url} を使います。外部には何も送らず、料金もかかりません。`),
  dryRunWhat: text('Requests are shown, never sent. Nothing is created.', 'リクエストを表示するだけで、送信はしません。何も作成されません。'),
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

  // Menu
  lessons: text('Lessons', 'レッスン'),
  wrapUp: text('Wrap-up: questions from real projects', 'まとめ: 現場でよくある質問'),
  steps: text('Steps', 'ステップ'),
  stepsDone: (done: number) => text(`${done} of 5 built`, `5 つ中 ${done} つ完了`),
  stepLabel: (step: number) => text(`Step ${step}`, `ステップ ${step}`),
  markDone: text('done', '完了'),
  markCurrent: text('current', '現在'),
  markTodo: text('not started', '未着手'),
  markCleaned: text('built, then cleaned up', '作成後に削除済み'),

  // End of the course
  endTitle: text('The course is done', 'コース修了'),
  endBuilt: text('You built an EKS cluster by hand, step by step, checked each step against AWS, and cleaned it all up.', 'EKS クラスターを 1 ステップずつ手作業で作成し、各ステップを AWS で確認し、すべて削除しました。'),
  endScore: (right: number, answered: number, total: number) =>
    text(`Quizzes: ${right} of ${answered} answered right (${total} questions in all).`, `クイズ: 回答した ${answered} 問中 ${right} 問正解（全 ${total} 問）。`),
  endNext: text('To go further: the wrap-up lessons, `eks-basics-tutor export eksctl` for the same cluster as eksctl YAML, or build it again.', 'さらに学ぶには: まとめのレッスン、同じクラスターを eksctl の YAML にする `eks-basics-tutor export eksctl`、またはもう一度作成してみてください。'),
  endKeys: text('Enter: the lesson menu (r on a quiz page retakes it) · q quit', 'Enter: レッスンメニュー（クイズのページで r を押すとやり直せます） · q 終了'),
  runTakes: (duration: Text) => text(`run ${duration.en}`, `実行 ${duration.ja}`),
  runTakesSandbox: (duration: Text, real: Text) => text(`run ${duration.en} (AWS ${real.en})`, `実行 ${duration.ja}（AWS では ${real.ja}）`),

  // Pages
  pageLearn: text('Learn', '解説'),
  pageCall: text('The call', 'リクエスト'),
  pageRun: text('Run', '実行'),
  pageCheck: text('Check', '確認'),
  pageQuiz: text('Quiz', 'クイズ'),
  pageTeardown: text('Clean up', '後片付け'),
  pageTry: text('Try it', '試してみる'),

  // Try it page
  tryIntro: text('These work in a second terminal, with this build’s ids filled in:', '2 つ目のターミナルで、このビルドの ID を入れたまま実行できます:'),
  trySandbox: text('In the sandbox, first paste there the lines that `eks-basics-tutor sandbox` prints (its endpoint and credentials).', 'サンドボックスでは、先に `eks-basics-tutor sandbox` が表示する行（エンドポイントと認証情報）をそのターミナルに貼り付けてください。'),
  tryDryRun: text('A dry run made nothing: ids not known yet stay as {placeholders}.', 'ドライランでは何も作成していないため、まだ決まっていない ID は {プレースホルダー} のままです。'),
  tryKeys: text('↑/↓ pick a command · y copy it to the clipboard (OSC 52) · → on', '↑/↓ コマンドを選択 · y クリップボードにコピー（OSC 52） · → 次へ'),
  tryCopied: text('Copied (OSC 52). If the terminal does not allow it, select the lines with the mouse.', 'コピーしました（OSC 52）。端末が対応していない場合は、マウスで行を選択してください。'),
  tryUnfilled: text('{…}: not known until the steps before have run.', '{…}: 前のステップを実行するまで決まりません。'),
  readMore: text('Read more', '参考資料'),
  hint: text('Hint', 'ヒント'),
  live: text('Live', 'ライブ'),
  loading: text('Loading…', '読み込み中…'),
  more: (n: number) => text(`… ${n} more`, `… ほか ${n} 件`),
  scrollMore: text('↓ more', '↓ 続きあり'),
  moreBelow: (n: number) => text(`↓ ${n} more below (scroll with ↓)`, `↓ 下にあと ${n} 件（↓ でスクロール）`),

  // Call page
  callIntro: (count: number) =>
    text(count === 1 ? 'One request (Space scrolls it):' : `${count} requests, in the order they are sent (↑/↓ pick one · Space scrolls it):`, `送信する順に ${count} 件のリクエストがあります（↑/↓ で選択 · Space でスクロール）:`),
  callWhy: text('Why', '理由'),
  callMore: (n: number) => text(`… ${n} more lines (Space scrolls)`, `… あと ${n} 行（Space でスクロール）`),
  callCli: text('The same with the aws CLI:', 'aws CLI で同じことをするには:'),
  callResolving: text('Resolving the Kubernetes version (eks:DescribeClusterVersions)…', 'Kubernetes バージョンを確認しています（eks:DescribeClusterVersions）…'),
  callUnresolved: text('The Kubernetes version could not be resolved, so the request cannot be shown as it will be sent:', 'Kubernetes バージョンを確認できなかったため、送信するとおりのリクエストを表示できません:'),
  callZonesLater: (zones: string[]) =>
    text(
      `The zones shown (${zones.join(', ')}) stand in: the run first asks DescribeAvailabilityZones and uses the first ${zones.length} that EKS accepts.`,
      `表示中のゾーン（${zones.join(', ')}）は仮のものです。実行時にまず DescribeAvailabilityZones を呼び、EKS が使える最初の ${zones.length} 個を使います。`,
    ),
  callPlaceholders: text('<…> are ids not known until the earlier requests have answered.', '<…> は、前のリクエストの応答で決まる ID です。'),

  // Run page
  runWhat: (step: number, title: Text) => text(`This runs step ${step}: ${title.en}.`, `ステップ ${step}「${title.ja}」を実行します。`),
  runCount: (count: number) =>
    text(count === 1 ? 'It sends the request of the call page.' : `It sends the ${count} requests of the call page.`, `リクエストのページにある ${count} 件を送信します。`),
  runAdds: (hourly: string) => text(`It adds about ${hourly}/hour until you clean up`, `後片付けするまで 1 時間あたり約 ${hourly} かかります`),
  runFree: text('It adds nothing to your bill.', '料金はかかりません。'),
  runSandboxFree: (hourly: string) => text(`Sandbox: nothing is billed. In AWS this would add about ${hourly}/hour.`, `サンドボックスなので料金はかかりません。AWS では 1 時間あたり約 ${hourly} かかります。`),
  estimate: (date: string) => text(`estimate, list prices of ${date}`, `${date} 時点の定価による見積もり`),
  runMissing: (steps: string, count: number) =>
    text(count === 1 ? `Step ${steps} is not in place yet: it runs first.` : `Steps ${steps} are not in place yet: they run first.`, `ステップ ${steps} がまだできていないため、先に実行します。`),
  runPrompt: text('Press Enter to run it, ← to go back.', 'Enter で実行、← で戻ります。'),
  runConfirmReal: text('Press Enter (or y) to create it in your account, ← to go back.', 'Enter（または y）でアカウントに作成します。← で戻ります。'),
  running: (step: number) => text(`Running step ${step}…`, `ステップ ${step} を実行中…`),
  waitingEarlier: (step: number) => text(`Waiting for step ${step} first…`, `先にステップ ${step} を待っています…`),
  usually: (duration: Text) => text(`usually ${duration.en}`, `通常 ${duration.ja}`),
  applied: text('Created.', '作成しました。'),
  stillSettling: text('You can read on (→): the check waits for it.', '先に読み進められます(→)。確認はそれを待ってから行います。'),
  checked: (step: number) => text(`Step ${step} is in place and checked. → shows the checks.`, `ステップ ${step} の作成と確認が完了しました。→ で確認結果を表示します。`),
  checkedFailed: (step: number) => text(`Step ${step} ran, but some checks failed. → shows them.`, `ステップ ${step} を実行しましたが、一部の確認に失敗しました。→ で表示します。`),
  failed: text('It failed:', '失敗しました:'),
  retry: text('Press r to try again.', 'r でもう一度試せます。'),
  dryRunNothing: text('Dry run: nothing is sent. To do this step yourself, run:', 'ドライランなので何も送信しません。このステップを自分で行うには、次を実行します:'),
  logBack: text('↓ newer lines (↑ reads further back)', '↓ 新しい行（↑ でさらに前へ）'),
  callsAsTheyGo: text('Requests as they go:', '送信中のリクエスト:'),

  // Check page
  notRun: text('This step has not run yet: go back to Run (←).', 'このステップはまだ実行していません。← で「実行」に戻ってください。'),
  waitingFor: text('Waiting before checking:', '確認の前に待っています:'),
  verifying: text('Reading it back from AWS…', 'AWS から読み戻しています…'),
  checksIntro: text('What the lesson claimed, read back from AWS:', 'レッスンの説明どおりか、AWS から読み戻して確かめました:'),
  kubectlSays: text('kubectl says:', 'kubectl の出力:'),
  allPassed: text('All checks passed.', 'すべての確認に合格しました。'),
  checkHeld: text('The result will appear here: Enter waits for it (← back · Esc menu).', '結果はここに表示されます。Enter は結果が出るまで待ちます（← 戻る · Esc メニュー）。'),
  checkHeldShown: text('Here it is. Enter goes on once you have had a moment to read it.', '結果が出ました。少し読む時間をおいてから Enter で先へ進めます。'),
  someFailed: text('Some checks failed (✗). r runs the step again.', '一部の確認に失敗しました(✗)。r でステップを再実行できます。'),

  // Quiz
  question: (n: number, of: number) => text(`Question ${n} of ${of}`, `問題 ${n} / ${of}`),
  right: text('Right.', '正解です。'),
  wrong: text('Not quite.', '不正解です。'),
  quizKeys: text('↑/↓ choose · Enter answer · h nudge · s skip the quiz', '↑/↓ 選択 · Enter 回答 · h 考えるヒント · s クイズを飛ばす'),
  quizNext: text('Enter: next question · s: skip the rest · r: start the quiz again', 'Enter: 次の問題 · s: 残りを飛ばす · r: クイズをやり直す'),
  quizLast: text('Enter: on to the next lesson · r: take the quiz again', 'Enter: 次のレッスンへ · r: クイズをやり直す'),
  nudge: text('A nudge', '考えるヒント'),

  // Teardown
  teardownLooking: text('Looking for everything the tutor made…', 'チューターが作ったものを探しています…'),
  teardownList: text('These will be deleted, in this order:', '次のものを、この順番で削除します:'),
  teardownLeave: text('Left alone (not provably the tutor’s):', '対象外（チューターが作ったと確認できないもの）:'),
  teardownByTag: text('There is no ledger for this cluster name: these were found by their tag alone.', 'このクラスター名の台帳がないため、タグだけを頼りに見つけたものです。'),
  teardownConfirm: text('Press Enter (or y) to delete them all.', 'Enter（または y）ですべて削除します。'),
  teardownNothing: text('Nothing to delete: no resource of this cluster name exists.', '削除するものはありません。このクラスター名のリソースは存在しません。'),
  teardownRunning: text('Deleting, in dependency order…', '依存関係の順に削除しています…'),
  teardownLeft: (tag: string) => text(`✓ Nothing tagged ${tag} is left.`, `✓ ${tag} タグの付いたものは何も残っていません。`),
  teardownStill: text('✗ Still there:', '✗ まだ残っているもの:'),
  teardownDeleted: (n: number) => text(`Deleted ${n} resources.`, `${n} 個のリソースを削除しました。`),
  teardownDryRun: text('A dry run created nothing, so there is nothing to delete.', 'ドライランでは何も作成していないため、削除するものはありません。'),

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
  costSandbox: text('Sandbox: nothing is billed; these are what the same would cost in AWS.', 'サンドボックスなので請求はありません。同じ構成を AWS で動かした場合の金額です。'),
  costDryRun: (usd: string) => text(`Dry run: nothing runs. All five steps would cost about ${usd} per hour.`, `ドライランなので何も動いていません。5 ステップすべてで 1 時間あたり約 ${usd} かかります。`),
  settlingBanner: (what: Text, status: string) => text(`${what.en} is still ${status}.`, `${what.ja}はまだ ${status} です。`),
  settlingReadOn: text('Read on meanwhile: the next Run waits for what it needs.', 'その間に先へ進めます。次の「実行」は必要なものを待ってから始まります。'),

  // Map
  mapTitle: text('Resource map', 'リソースマップ'),
  mapControlPlane: text('EKS control plane', 'EKS コントロールプレーン'),
  mapControlPlaneWhere: text('runs in an AWS-owned account; its ENIs sit in your subnets', 'AWS 管理のアカウントで動作し、ENI がサブネットに置かれます'),
  mapNodegroup: text('Node group', 'ノードグループ'),
  mapNodes: text('nodes', 'ノード'),
  mapClusterRole: text('cluster role', 'クラスターロール'),
  mapNodeRole: text('node role', 'ノードロール'),
  mapPublic: text('public', 'パブリック'),
  mapPrivate: text('private', 'プライベート'),
  mapLegend: text('○ planned  ◐ creating  ● ready  ◌ deleting  ✗ failed', '○ 予定  ◐ 作成中  ● 作成済み  ◌ 削除中  ✗ 失敗'),

  // Keys
  keysLesson: text('←/→ page · c call · h hint · m map · ? keys · q quit', '←/→ ページ · c リクエスト · h ヒント · m マップ · ? キー · q 終了'),
  keysLessonNoCall: text('←/→ page · h hint · m map · ? keys · q quit', '←/→ ページ · h ヒント · m マップ · ? キー · q 終了'),
  keysFullCourse: text('f full course', 'f 全コース'),
  keysPresenterTrack: text('f 20-minute track', 'f 20 分コース'),
  keysMenu: text('↑/↓ choose · Enter open · m map · l language · ? keys · q quit', '↑/↓ 選択 · Enter 開く · m マップ · l 言語 · ? キー · q 終了'),
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
  quitCost: (usd: string) => text(`Together about ${usd} per hour until deleted (estimate).`, `削除するまで、合計で 1 時間あたり約 ${usd} かかります（見積もり）。`),
  quitHow: (command: string) =>
    text(`Clean up later with \`${command}\`, or open the tutor again and choose Clean up.`, `後で \`${command}\` を実行するか、チューターを再度開いて「後片付け」を選ぶと削除できます。`),
  quitGoesOn: (creating: boolean, what: string, status: string | undefined) =>
    creating
      ? text(`AWS goes on creating ${what}${status ? ` (${status})` : ''}: quitting stops only the tutor's waiting. Start the tutor again to follow it.`, `AWS は ${what} の作成を続けます${status ? `（${status}）` : ''}。終了で止まるのはチューターの待機だけです。チューターを再度起動すると続きを確認できます。`)
      : text(`AWS goes on deleting ${what}${status ? ` (${status})` : ''}: quitting stops only the tutor's waiting. \`eks-basics-tutor status\` shows what is left.`, `AWS は ${what} の削除を続けます${status ? `（${status}）` : ''}。終了で止まるのはチューターの待機だけです。残っているものは \`eks-basics-tutor status\` で確認できます。`),
  quitConfirm: text('Enter: quit and leave them running · Esc: stay', 'Enter: 動かしたまま終了 · Esc: 戻る'),
  farewellSaved: text('Your progress is saved; start the tutor again to continue.', '進み具合は保存しました。もう一度起動すると続きから再開できます。'),
} as const;
