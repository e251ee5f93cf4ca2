import { text, type Text } from '../../text.js';

/** The lesson menu, the end of the course, the page tabs and the Try it page. */
export const COURSE = {
  // A screen that is still loading (a moment after the first frame)
  openingScreen: text('Opening…', '開いています…'),
  openingKeys: text('q quit', 'q 終了'),
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
  endBuilt: text(
    'You built an EKS cluster by hand, step by step, checked each step against AWS, and cleaned it all up.',
    'EKS クラスターを 1 ステップずつ手作業で作成し、各ステップを AWS で確認し、すべて削除しました。',
  ),
  endScore: (right: number, answered: number, total: number) =>
    text(
      `Quizzes: ${right} of ${answered} answered right (${total} questions in all).`,
      `クイズ: 回答した ${answered} 問中 ${right} 問正解（全 ${total} 問）。`,
    ),
  endNext: text(
    'To go further: the wrap-up lessons, `eks-basics-tutor export eksctl` for the same cluster as eksctl YAML, or build it again.',
    'さらに学ぶには: まとめのレッスン、同じクラスターを eksctl の YAML にする `eks-basics-tutor export eksctl`、またはもう一度作成してみてください。',
  ),
  endKeys: text(
    'Enter: the lesson menu (r on a quiz page retakes it) · q quit',
    'Enter: レッスンメニュー（クイズのページで r を押すとやり直せます） · q 終了',
  ),
  runTakes: (duration: Text) => text(`run ${duration.en}`, `実行 ${duration.ja}`),
  runTakesSandbox: (duration: Text, real: Text) =>
    text(`run ${duration.en} (AWS ${real.en})`, `実行 ${duration.ja}（AWS では ${real.ja}）`),

  // Pages
  pageLearn: text('Learn', '解説'),
  pageCall: text('The call', 'リクエスト'),
  pageRun: text('Run', '実行'),
  pageCheck: text('Check', '確認'),
  pageQuiz: text('Quiz', 'クイズ'),
  pageTeardown: text('Clean up', '後片付け'),
  pageTry: text('Try it', '試してみる'),

  // Try it page
  tryIntro: text(
    'These work in a second terminal, with this build’s ids filled in:',
    '2 つ目のターミナルで、このビルドの ID を入れたまま実行できます:',
  ),
  trySandbox: text(
    'In the sandbox, first paste there the lines that `eks-basics-tutor sandbox` prints (its endpoint and credentials).',
    'サンドボックスでは、先に `eks-basics-tutor sandbox` が表示する行（エンドポイントと認証情報）をそのターミナルに貼り付けてください。',
  ),
  tryDryRun: text(
    'A dry run made nothing: ids not known yet stay as {placeholders}.',
    'ドライランでは何も作成していないため、まだ決まっていない ID は {プレースホルダー} のままです。',
  ),
  tryKeys: text(
    '↑/↓ pick a command · y copy it to the clipboard (OSC 52) · → on',
    '↑/↓ コマンドを選択 · y クリップボードにコピー（OSC 52） · → 次へ',
  ),
  tryCopied: text(
    'Copied (OSC 52). If the terminal does not allow it, select the lines with the mouse.',
    'コピーしました（OSC 52）。端末が対応していない場合は、マウスで行を選択してください。',
  ),
  tryUnfilled: text('{…}: not known until the steps before have run.', '{…}: 前のステップを実行するまで決まりません。'),
  readMore: text('Read more', '参考資料'),
  hint: text('Hint', 'ヒント'),
  live: text('Live', 'ライブ'),
  loading: text('Loading…', '読み込み中…'),
  more: (n: number) => text(`… ${n} more`, `… ほか ${n} 件`),
  scrollMore: text('↓ more', '↓ 続きあり'),
  moreBelow: (n: number) => text(`↓ ${n} more below (scroll with ↓)`, `↓ 下にあと ${n} 件（↓ でスクロール）`),
} as const;
