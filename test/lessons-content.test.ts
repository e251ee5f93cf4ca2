import { GetPolicyCommand, GetPolicyVersionCommand, IAMClient } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById } from '../src/lessons/index.js';
import { PLACEHOLDERS } from '../src/lessons/placeholders.js';
import type { Lesson, LessonId, LiveData } from '../src/lessons/types.js';
import { LANGS, type Lang } from '../src/text.js';
import { useMoto } from './support/moto.js';

const MENU_ORDER: LessonId[] = [
  'intro',
  'clusterRole',
  'vpc',
  'cluster',
  'kubeconfig',
  'nodegroup',
  'wrapup-upgrade',
  'wrapup-access',
  'wrapup-shared-vpc',
  'wrapup-multi-vpc',
  'wrapup-no-nat',
  'wrapup-cross-account',
  'wrapup-third-az',
  'cleanup',
];

const STEP_LESSONS: Record<1 | 2 | 3 | 4 | 5, LessonId> = {
  1: 'clusterRole',
  2: 'vpc',
  3: 'cluster',
  4: 'kubeconfig',
  5: 'nodegroup',
};

/** The live panels the screens draw, and the lesson each one belongs to. */
const LIVE_PAGES: Record<LiveData, LessonId> = {
  policies: 'clusterRole',
  vpc: 'vpc',
  cluster: 'cluster',
  kubeconfig: 'kubeconfig',
  token: 'kubeconfig',
  nodes: 'nodegroup',
};


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
    const ambiguous = c === 0xd7 || c === 0xf7 || (c >= 0x2010 && c <= 0x203b) || (c >= 0x2190 && c <= 0x21ff) || (c >= 0x2460 && c <= 0x27bf);
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
  it('holds every lesson once, in menu order', () => {
    const ids = LESSONS.map((lesson) => lesson.id);
    expect(ids).toEqual(MENU_ORDER);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds lessons by id', () => {
    for (const lesson of LESSONS) expect(lessonById(lesson.id)).toBe(lesson);
    expect(lessonById('no-such-lesson')).toBeUndefined();
  });

  it('has steps 1 to 5, once each, on the lessons that build them, in order', () => {
    const steps = LESSONS.filter((lesson) => lesson.step !== undefined).map((lesson) => [lesson.step, lesson.id]);
    expect(steps).toEqual(Object.entries(STEP_LESSONS).map(([step, id]) => [Number(step), id]));
  });

  it('shows each live panel on the lesson that explains it', () => {
    const found = LESSONS.flatMap((lesson) => lesson.pages.filter((page) => page.live).map((page) => [page.live, lesson.id]));
    expect(Object.fromEntries(found)).toEqual(LIVE_PAGES);
    expect(found).toHaveLength(Object.keys(LIVE_PAGES).length);
  });
});

describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
  it('is complete: pages, a hint, a quiz, further reading', () => {
    expect(lesson.pages.length).toBeGreaterThanOrEqual(2);
    expect(lesson.pages.length).toBeLessThanOrEqual(6);
    expect(lesson.hint).toBeDefined();
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(2);
    expect(lesson.quiz.length).toBeLessThanOrEqual(3);
    expect(lesson.readMore.length).toBeGreaterThanOrEqual(1);
  });

  it('speaks every language, with no empty text anywhere', () => {
    for (const { path, value } of texts(lesson, lesson.id)) {
      expect(Object.keys(value).sort(), path).toEqual([...LANGS].sort());
      for (const lang of LANGS) expect(typeof value[lang], `${path}.${lang}`).toBe('string');
    }
    for (const { path, value } of strings(lesson, lesson.id)) expect(value.trim(), path).not.toBe('');
  });

  it.each(LANGS)('fits an 80x24 terminal in %s', (lang: Lang) => {
    lesson.pages.forEach((page, i) => {
      const lines = page.body[lang].split('\n');
      expect(lines.length, `${lesson.id} page ${i + 1} (${lang}) has ${lines.length} lines`).toBeLessThanOrEqual(MAX_BODY_LINES);
      for (const line of lines) {
        expect(displayWidth(line, lang === 'ja'), `${lesson.id} page ${i + 1} (${lang}): ${line}`).toBeLessThanOrEqual(MAX_COLUMNS);
        expect(line, `${lesson.id} page ${i + 1} (${lang}) has a tab or trailing space`).not.toMatch(/\t|\s$/);
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
      for (const match of command.cli.matchAll(/\{([^}]*)\}/g)) expect(PLACEHOLDERS, `${command.cli}: {${match[1]}}`).toContain(match[1]);
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
