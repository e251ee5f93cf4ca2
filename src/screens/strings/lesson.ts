import { text, type Text } from '../../text.js';

/** The pages of a lesson: the call, the run, the checks, the quiz and the teardown. */
export const LESSON = {
  // Call page
  callIntro: (count: number) =>
    text(
      count === 1 ? 'One request (Space scrolls it):' : `${count} requests, in the order they are sent (↑/↓ pick one · Space scrolls it):`,
      `送信する順に ${count} 件のリクエストがあります（↑/↓ で選択 · Space でスクロール）:`,
    ),
  callWhy: text('Why', '理由'),
  callMore: (n: number) => text(`… ${n} more lines (Space scrolls)`, `… あと ${n} 行（Space でスクロール）`),
  callCli: text('The same with the aws CLI:', 'aws CLI で同じことをするには:'),
  callResolving: text(
    'Resolving the Kubernetes version (eks:DescribeClusterVersions)…',
    'Kubernetes バージョンを確認しています（eks:DescribeClusterVersions）…',
  ),
  callUnresolved: text(
    'The Kubernetes version could not be resolved, so the request cannot be shown as it will be sent:',
    'Kubernetes バージョンを確認できなかったため、送信するとおりのリクエストを表示できません:',
  ),
  callZonesLater: (zones: string[]) =>
    text(
      `The zones shown (${zones.join(', ')}) stand in: the run first asks DescribeAvailabilityZones and uses the first ${zones.length} that EKS accepts.`,
      `表示中のゾーン（${zones.join(', ')}）は仮のものです。実行時にまず DescribeAvailabilityZones を呼び、EKS が使える最初の ${zones.length} 個を使います。`,
    ),
  callPlaceholders: text(
    '<…> are ids not known until the earlier requests have answered.',
    '<…> は、前のリクエストの応答で決まる ID です。',
  ),

  // Run page
  runWhat: (step: number, title: Text) => text(`This runs step ${step}: ${title.en}.`, `ステップ ${step}「${title.ja}」を実行します。`),
  runCount: (count: number) =>
    text(
      count === 1 ? 'It sends the request of the call page.' : `It sends the ${count} requests of the call page.`,
      `リクエストのページにある ${count} 件を送信します。`,
    ),
  runAdds: (hourly: string) =>
    text(`It adds about ${hourly}/hour until you clean up`, `後片付けするまで 1 時間あたり約 ${hourly} かかります`),
  runFree: text('It adds nothing to your bill.', '料金はかかりません。'),
  runSandboxFree: (hourly: string) =>
    text(
      `Sandbox: nothing is billed. In AWS this would add about ${hourly}/hour.`,
      `サンドボックスなので料金はかかりません。AWS では 1 時間あたり約 ${hourly} かかります。`,
    ),
  estimate: (date: string) => text(`estimate, list prices of ${date}`, `${date} 時点の定価による見積もり`),
  runMissing: (steps: string, count: number) =>
    text(
      count === 1 ? `Step ${steps} is not in place yet: it runs first.` : `Steps ${steps} are not in place yet: they run first.`,
      `ステップ ${steps} がまだできていないため、先に実行します。`,
    ),
  runPrompt: text('Press Enter to run it, ← to go back.', 'Enter で実行、← で戻ります。'),
  runSandboxStarting: text(
    'The sandbox is still starting: press Enter once it is up (a few seconds; the first time, up to half a minute).',
    'サンドボックスはまだ起動中です。起動したら Enter を押してください(数秒、初回は 30 秒ほどかかることがあります)。',
  ),
  runSessionOpening: text(
    'The session is still opening: press Enter once it is open.',
    'セッションを開いています。開いたら Enter を押してください。',
  ),
  runSessionFailed: text('The session could not be opened, so nothing can run:', 'セッションを開けなかったため、何も実行できません:'),
  runSessionFailedNext: text(
    'Quit with q and start the tutor again, or run `eks-basics-tutor doctor` to see why.',
    'q で終了してもう一度起動するか、`eks-basics-tutor doctor` で原因を確かめてください。',
  ),
  runHeld: text(
    'That press came as the page opened: nothing sent. Enter (or y) again creates it in your account.',
    'ページが開いた瞬間の入力なので、何も送っていません。もう一度 Enter（または y）でアカウントに作成します。',
  ),
  callHeld: text(
    'That press came as the page opened: nothing sent. Enter again sends it.',
    'ページが開いた瞬間の入力なので、何も送っていません。もう一度 Enter で送信します。',
  ),
  runConfirmReal: text(
    'Press Enter (or y) to create it in your account, ← to go back.',
    'Enter（または y）でアカウントに作成します。← で戻ります。',
  ),
  running: (step: number) => text(`Running step ${step}…`, `ステップ ${step} を実行中…`),
  waitingEarlier: (step: number) => text(`Waiting for step ${step} first…`, `先にステップ ${step} を待っています…`),
  usually: (duration: Text) => text(`usually ${duration.en}`, `通常 ${duration.ja}`),
  applied: text('Created.', '作成しました。'),
  stillSettling: text('You can read on (→): the check waits for it.', '先に読み進められます(→)。確認はそれを待ってから行います。'),
  checked: (step: number) =>
    text(
      `Step ${step} is in place and checked. → shows the checks.`,
      `ステップ ${step} の作成と確認が完了しました。→ で確認結果を表示します。`,
    ),
  checkedFailed: (step: number) =>
    text(
      `Step ${step} ran, but some checks failed. → shows them.`,
      `ステップ ${step} を実行しましたが、一部の確認に失敗しました。→ で表示します。`,
    ),
  failed: text('It failed:', '失敗しました:'),
  retry: text('Press r to try again.', 'r でもう一度試せます。'),
  failedRemove: (command: string) =>
    text(
      `Trying again continues from here; to remove it all instead, run \`${command}\` or choose Clean up.`,
      `もう一度試すとここから続きます。代わりにすべて削除するには \`${command}\` を実行するか、「後片付け」を選んでください。`,
    ),
  dryRunNothing: text(
    'Dry run: nothing is sent. To do this step yourself, run:',
    'ドライランなので何も送信しません。このステップを自分で行うには、次を実行します:',
  ),
  logBack: text('↓ newer lines (↑ reads further back)', '↓ 新しい行（↑ でさらに前へ）'),
  callsAsTheyGo: text('Requests as they go:', '送信中のリクエスト:'),

  // Check page
  notRun: text('This step has not run yet: go back to Run (←).', 'このステップはまだ実行していません。← で「実行」に戻ってください。'),
  waitingFor: text('Waiting before checking:', '確認の前に待っています:'),
  verifying: text('Reading it back from AWS…', 'AWS から読み戻しています…'),
  checksIntro: text('What the lesson claimed, read back from AWS:', 'レッスンの説明どおりか、AWS から読み戻して確かめました:'),
  kubectlSays: text('kubectl says:', 'kubectl の出力:'),
  allPassed: text('All checks passed.', 'すべての確認に合格しました。'),
  checkHeld: text(
    'The result will appear here: Enter waits for it (← back · Esc menu).',
    '結果はここに表示されます。Enter は結果が出るまで待ちます（← 戻る · Esc メニュー）。',
  ),
  checkHeldShown: text(
    'Here it is. Enter goes on once you have had a moment to read it.',
    '結果が出ました。少し読む時間をおいてから Enter で先へ進めます。',
  ),
  someFailed: text('Some checks failed (✗). r runs the step again.', '一部の確認に失敗しました(✗)。r でステップを再実行できます。'),

  // Quiz
  question: (n: number, of: number) => text(`Question ${n} of ${of}`, `問題 ${n} / ${of}`),
  right: text('Right.', '正解です。'),
  wrong: text('Not quite.', '不正解です。'),
  quizKeys: text('↑/↓ choose · Enter answer · h nudge · s skip the quiz', '↑/↓ 選択 · Enter 回答 · h 考えるヒント · s クイズを飛ばす'),
  quizNext: text(
    'Enter: next question · s: skip the rest · r: start the quiz again',
    'Enter: 次の問題 · s: 残りを飛ばす · r: クイズをやり直す',
  ),
  quizLast: text('Enter: on to the next lesson · r: take the quiz again', 'Enter: 次のレッスンへ · r: クイズをやり直す'),
  nudge: text('A nudge', '考えるヒント'),

  // Teardown
  teardownLooking: text('Looking for everything the tutor made…', 'チューターが作ったものを探しています…'),
  teardownList: text('These will be deleted, in this order:', '次のものを、この順番で削除します:'),
  teardownLeave: text('Left alone (not provably the tutor’s):', '対象外（チューターが作ったと確認できないもの）:'),
  teardownByTag: text(
    'There is no ledger for this cluster name: these were found by their tag alone.',
    'このクラスター名の台帳がないため、タグだけを頼りに見つけたものです。',
  ),
  teardownConfirm: text('Press Enter (or y) to delete them all.', 'Enter（または y）ですべて削除します。'),
  teardownNothing: text(
    'Nothing to delete: no resource of this cluster name exists.',
    '削除するものはありません。このクラスター名のリソースは存在しません。',
  ),
  teardownRunning: text('Deleting, in dependency order…', '依存関係の順に削除しています…'),
  teardownLeft: (tag: string) => text(`✓ Nothing tagged ${tag} is left.`, `✓ ${tag} タグの付いたものは何も残っていません。`),
  teardownStill: text('✗ Still there:', '✗ まだ残っているもの:'),
  teardownDeleted: (n: number) => text(`Deleted ${n} resources.`, `${n} 個のリソースを削除しました。`),
  teardownDryRun: text(
    'A dry run created nothing, so there is nothing to delete.',
    'ドライランでは何も作成していないため、削除するものはありません。',
  ),
} as const;
