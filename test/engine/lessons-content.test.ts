import { GetPolicyCommand, GetPolicyVersionCommand, IAMClient } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById } from '../../src/lessons/index.js';
import { PLACEHOLDERS, placeholdersIn } from '../../src/lessons/placeholders.js';
import type { Lesson, LiveData } from '../../src/lessons/types.js';
import { wrapupLessons } from '../../src/lessons/wrapup.js';
import { pagesOf } from '../../src/screens/state/course.js';
import { LANGS, type Lang } from '../../src/text.js';
import { useMoto } from '../support/moto.js';

/** Every live panel the screens can draw; the compiler keeps this complete. */
const LIVE_PANELS: Record<LiveData, true> = { policies: true, vpc: true, cluster: true, kubeconfig: true, token: true, nodes: true };

/** Words that only make sense with one screen layout; the live panel is beside the text or under it, by width. */
const LAYOUT_WORDS: Record<'en' | 'ja', RegExp> = {
  en: /\b(on|to) the (right|left)\b|\bbeside this\b|\b(commands?|table|panel|list|text) (below|above)\b|\bthe \w+ (below|above)\b|\bbelow this\b/i,
  ja: /右側|左側|右の|左の|下のコマンド|上のコマンド|下に表示|右に表示/,
};

/** An English text that reads as a sentence (a lowercase word), whose Japanese must be a translation. */
const PROSE = /(^|\s)[a-z]{2,}[,.:;]?(?=\s|$)/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** A hard wrap must not leave a sentence's ending alone at the start of a line. */
const ORPHAN_ENDING = /^(です|ます|なります|になります|とおりです)/;

const allQuestions = LESSONS.flatMap((lesson) => lesson.quiz.map((question, i) => ({ lesson: lesson.id, i, question })));

/** Operations moto 5.2.1 answers with a 404: a lesson command using one could never run in the sandbox. */
const NOT_IN_MOTO = [
  'describe-cluster-versions',
  'update-cluster-version',
  'describe-update',
  'list-updates',
  'create-access-entry',
  'associate-access-policy',
  'list-access-entries',
  'describe-addon-versions',
  'create-addon',
  'update-nodegroup-version',
];

const MAX_COLUMNS = 76;
const MAX_BODY_LINES = 12;
/** The menu shows the summary on one line beside the lesson's title. */
const MAX_SUMMARY_COLUMNS = 64;

/** Terminal columns of a string: East Asian wide and fullwidth characters take two. */
function displayWidth(line: string, ambiguousIsWide: boolean): number {
  let width = 0;
  for (const char of line) {
    const c = char.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd);
    // Arrows, dashes, symbols and the like are "ambiguous": a Japanese terminal often draws them two wide.
    const ambiguous =
      c === 0xd7 || c === 0xf7 || (c >= 0x2010 && c <= 0x203b) || (c >= 0x2190 && c <= 0x21ff) || (c >= 0x2460 && c <= 0x27bf);
    width += wide || (ambiguousIsWide && ambiguous) ? 2 : 1;
  }
  return width;
}

/** Every string reachable from a value, with the path that leads to it. */
function strings(value: unknown, path: string, out: { path: string; value: string }[] = []): { path: string; value: string }[] {
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) strings(item, `${path}.${key}`, out);
  return out;
}

/** Every object reachable from a value that has a key of some language: each must be a complete Text. */
function texts(value: unknown, path: string, out: { path: string; value: Record<string, unknown> }[] = []): typeof out {
  if (Array.isArray(value)) value.forEach((item, i) => texts(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (LANGS.some((lang) => lang in record)) out.push({ path, value: record });
    else for (const [key, item] of Object.entries(record)) texts(item, `${path}.${key}`, out);
  }
  return out;
}

const POLICY_ARN = /arn:aws:iam::aws:policy\/([\w+=,.@-]+)/g;
// EKS access policies (arn:aws:eks::aws:cluster-access-policy/...) are not IAM policies: skip them.
const POLICY_NAME = /(?<!cluster-access-policy\/)\b(AmazonEKS\w*|AmazonEC2ContainerRegistry\w*)\b/g;

function policyNamesIn(lessons: readonly Lesson[]): Set<string> {
  const names = new Set<string>();
  for (const lesson of lessons) {
    for (const { value } of strings(lesson, lesson.id)) {
      for (const match of value.matchAll(POLICY_ARN)) names.add(match[1]!);
      for (const match of value.matchAll(POLICY_NAME)) names.add(match[1]!);
    }
  }
  return names;
}

describe('the lesson list', () => {
  it('holds every lesson once: the introduction first, the five steps in order, the day-two questions, clean-up last', () => {
    const ids = LESSONS.map((lesson) => lesson.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(LESSONS[0]!.id).toBe('intro');
    expect(LESSONS.at(-1)!.id).toBe('cleanup');
    expect(LESSONS.filter((lesson) => lesson.step !== undefined).map((lesson) => lesson.step)).toEqual([1, 2, 3, 4, 5]);
    expect(
      LESSONS.slice(1, 6).every((lesson) => lesson.step !== undefined),
      'the steps follow the introduction',
    ).toBe(true);
    expect(LESSONS.slice(6, -1)).toEqual(wrapupLessons);
  });

  it('finds lessons by id', () => {
    for (const lesson of LESSONS) expect(lessonById(lesson.id)).toBe(lesson);
    expect(lessonById('no-such-lesson')).toBeUndefined();
  });

  it('shows each live panel once, on a step lesson', () => {
    const found = LESSONS.flatMap((lesson) =>
      lesson.pages.filter((page) => page.live).map((page) => ({ live: page.live!, step: lesson.step })),
    );
    expect(found.map((f) => f.live).sort()).toEqual(Object.keys(LIVE_PANELS).sort());
    for (const f of found) expect(f.step, f.live).toBeDefined();
  });

  it('marks a 20-minute presenter track: two intro pages, one page per step, one day-two page', () => {
    const marked = (lesson: Lesson) => lesson.pages.flatMap((page, i) => (page.presenter ? [i] : []));
    expect(marked(LESSONS[0]!)).toEqual([0, 1]);
    for (const lesson of LESSONS.filter((l) => l.step !== undefined)) expect(marked(lesson), lesson.id).toHaveLength(1);
    expect(wrapupLessons.flatMap(marked)).toHaveLength(1);
    expect(marked(LESSONS.at(-1)!)).toEqual([]);
  });
});

describe('the quizzes test understanding, not guessing', () => {
  it('spread the right answers: no position holds more than 40 %', () => {
    const counts = new Map<number, number>();
    for (const { question } of allQuestions) counts.set(question.answer, (counts.get(question.answer) ?? 0) + 1);
    for (const [position, count] of counts) expect(count / allQuestions.length, `answer (${'abcd'[position]})`).toBeLessThanOrEqual(0.4);
  });

  it('rarely offer only two choices, and the right one is rarely the longest', () => {
    const two = allQuestions.filter(({ question }) => question.choices.length === 2);
    expect(two.length / allQuestions.length).toBeLessThanOrEqual(0.15);
    const longest = allQuestions.filter(({ question }) => {
      const lengths = question.choices.map((choice) => choice.en.length);
      return lengths.filter((n) => n >= lengths[question.answer]!).length === 1;
    });
    expect(longest.length / allQuestions.length, longest.map((q) => `${q.lesson} ${q.i + 1}`).join(', ')).toBeLessThanOrEqual(0.3);
  });

  it('nudge toward the idea without naming the right choice', () => {
    for (const { lesson, i, question } of allQuestions) {
      for (const lang of LANGS) {
        const nudge = question.nudge[lang].toLowerCase();
        const where = `${lesson} question ${i + 1} (${lang})`;
        expect(nudge, where).not.toContain(question.choices[question.answer]![lang].toLowerCase());
        expect(nudge, where).not.toBe(question.explanation[lang].toLowerCase());
      }
    }
  });
});

describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
  it('is complete: pages, a quiz, further reading', () => {
    expect(lesson.pages.length).toBeGreaterThanOrEqual(2);
    expect(lesson.pages.length).toBeLessThanOrEqual(6);
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(2);
    expect(lesson.quiz.length).toBeLessThanOrEqual(3);
    expect(lesson.readMore.length).toBeGreaterThanOrEqual(1);
  });

  it('reaches the learner: its commands and its reading are on its "Try it" page, in every mode', () => {
    // The page draws lesson.commands and lesson.readMore whole (app-try.test.tsx walks one); here: every lesson has it.
    for (const mode of ['real', 'sandbox', 'dry-run'] as const) {
      const kinds = pagesOf(lesson, mode).map((page) => page.kind);
      expect(kinds.filter((kind) => kind === 'try')).toHaveLength(1);
      expect(kinds.indexOf('try')).toBeLessThan(kinds.includes('quiz') ? kinds.indexOf('quiz') : kinds.length);
    }
  });

  it('speaks every language, with no empty text anywhere', () => {
    for (const { path, value } of texts(lesson, lesson.id)) {
      expect(Object.keys(value).sort(), path).toEqual([...LANGS].sort());
      for (const lang of LANGS) expect(typeof value[lang], `${path}.${lang}`).toBe('string');
    }
    for (const { path, value } of strings(lesson, lesson.id)) expect(value.trim(), path).not.toBe('');
  });

  it('translates every English sentence into Japanese', () => {
    for (const { path, value } of texts(lesson, lesson.id)) {
      const en = String(value['en']);
      const ja = String(value['ja']);
      if (!PROSE.test(en) || /^(aws|kubectl) /.test(en)) continue;
      expect(ja, `${path} is not translated`).not.toBe(en);
      expect(JAPANESE.test(ja), `${path}.ja has no Japanese: ${ja}`).toBe(true);
    }
  });

  it('uses no words that depend on the screen layout', () => {
    for (const { path, value } of texts(lesson, lesson.id)) {
      for (const lang of LANGS) expect(String(value[lang]), `${path}.${lang}`).not.toMatch(LAYOUT_WORDS[lang]);
    }
  });

  it('points to AWS documentation with a title in each language', () => {
    for (const doc of lesson.readMore) {
      expect(doc.url, doc.title.en).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/[\w/.-]+\.html$/);
      expect(doc.title.ja, doc.url).not.toBe(doc.title.en);
    }
    expect(new Set(lesson.readMore.map((doc) => doc.url)).size).toBe(lesson.readMore.length);
  });

  it.each(LANGS)('fits an 80x24 terminal in %s', (lang: Lang) => {
    lesson.pages.forEach((page, i) => {
      const lines = page.body[lang].split('\n');
      expect(lines.length, `${lesson.id} page ${i + 1} (${lang}) has ${lines.length} lines`).toBeLessThanOrEqual(MAX_BODY_LINES);
      for (const line of lines) {
        expect(displayWidth(line, lang === 'ja'), `${lesson.id} page ${i + 1} (${lang}): ${line}`).toBeLessThanOrEqual(MAX_COLUMNS);
        expect(line, `${lesson.id} page ${i + 1} (${lang}) has a tab or trailing space`).not.toMatch(/\t|\s$/);
        if (lang === 'ja') expect(line, `${lesson.id} page ${i + 1}: a line starts with a sentence ending`).not.toMatch(ORPHAN_ENDING);
      }
      expect(displayWidth(page.title[lang], lang === 'ja'), `${lesson.id} page ${i + 1} title (${lang})`).toBeLessThanOrEqual(MAX_COLUMNS);
    });
    expect(displayWidth(lesson.title[lang], lang === 'ja')).toBeLessThanOrEqual(MAX_COLUMNS);
    expect(displayWidth(lesson.summary[lang], lang === 'ja')).toBeLessThanOrEqual(MAX_SUMMARY_COLUMNS);
  });

  it('asks questions with one named right answer', () => {
    for (const [i, question] of lesson.quiz.entries()) {
      expect(question.choices.length, `question ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(question.choices.length, `question ${i + 1}`).toBeLessThanOrEqual(4);
      expect(Number.isInteger(question.answer)).toBe(true);
      expect(question.answer).toBeGreaterThanOrEqual(0);
      expect(question.answer).toBeLessThan(question.choices.length);
      for (const lang of LANGS) {
        const choices = question.choices.map((choice) => choice[lang]);
        expect(new Set(choices).size, `question ${i + 1} (${lang}) repeats a choice`).toBe(choices.length);
        expect(question.explanation[lang], `question ${i + 1} (${lang}) does not name its answer`).toContain(choices[question.answer]);
      }
    }
  });

  it('shows only aws commands that the sandbox can run, with known placeholders', () => {
    for (const command of lesson.commands ?? []) {
      expect(command.cli).toMatch(/^aws [a-z0-9-]+ [a-z0-9-]+( |$)/);
      expect(command.cli, 'shell syntax would break when the command is split into words').not.toMatch(/["'`$;|&<>\\]/);
      for (const name of placeholdersIn(command.cli)) expect(PLACEHOLDERS, `${command.cli}: {${name}}`).toContain(name);
      expect(command.what.ja, command.cli).not.toBe(command.what.en);
      expect(command.cli.replace(/\{[^}]*\}/g, ''), 'a stray brace').not.toMatch(/[{}]/);
      const operation = command.cli.split(' ')[2];
      expect(NOT_IN_MOTO, command.cli).not.toContain(operation);
    }
  });
});

describe('AWS managed policies named in the lessons', () => {
  const moto = useMoto();
  const iam = () =>
    new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });

  it('include the policies the steps teach', () => {
    const names = policyNamesIn(LESSONS);
    for (const name of [
      'AmazonEKSServicePolicy',
      'AmazonEKSClusterPolicy',
      'AmazonEKSWorkerNodePolicy',
      'AmazonEKS_CNI_Policy',
      'AmazonEC2ContainerRegistryPullOnly',
      'AmazonEC2ContainerRegistryReadOnly',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('all exist in the AWS managed policy list', async () => {
    const client = iam();
    const missing: string[] = [];
    for (const name of [...policyNamesIn(LESSONS)].sort()) {
      // The permissions policies of service-linked roles live under the path /aws-service-role/.
      const arns = [`arn:aws:iam::aws:policy/${name}`, `arn:aws:iam::aws:policy/aws-service-role/${name}`];
      let found = false;
      for (const arn of arns) {
        try {
          const answer = await client.send(new GetPolicyCommand({ PolicyArn: arn }));
          found = answer.Policy?.PolicyName === name;
        } catch {
          // not under this path
        }
        if (found) break;
      }
      if (!found) missing.push(name);
    }
    expect(missing).toEqual([]);
  });

  it('have the versions the lesson commands ask for', async () => {
    const client = iam();
    const asked = LESSONS.flatMap((lesson) => lesson.commands ?? [])
      .map((command) => /get-policy-version --policy-arn (\S+) --version-id (\S+)/.exec(command.cli))
      .filter((match): match is RegExpExecArray => match !== null);
    expect(asked.length).toBeGreaterThan(0);
    for (const [, arn, version] of asked) {
      const answer = await client.send(new GetPolicyVersionCommand({ PolicyArn: arn!, VersionId: version! }));
      expect(answer.PolicyVersion?.Document, `${arn} ${version}`).toBeTruthy();
    }
  });
});
