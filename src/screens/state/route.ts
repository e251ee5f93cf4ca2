import type { Mode } from '../../config.js';
import { LAST_STEP } from '../../aws/step-order.js';
import type { StepNumber } from '../../aws/types.js';
import { lessonOf, pageAt, type Course } from './course.js';
import type { Command } from './keys.js';
import type { TutorAction, TutorState } from './tutor.js';
import type { WelcomeChoiceId } from './welcome.js';
import { checksPassed, settling, stepOfKey, type World } from './world.js';

/** What a key asks for: a state change, or something with side effects that the hook carries out. */
export type Intent =
  | { type: 'dispatch'; action: TutorAction }
  | { type: 'choose'; choice: WelcomeChoiceId }
  | { type: 'run'; step: StepNumber }
  | { type: 'teardown-load' }
  | { type: 'teardown-confirm' }
  /** Copy the selected command of the "Try it" page to the clipboard. */
  | { type: 'copy'; index: number }
  | { type: 'quit' }
  | { type: 'exit' }
  | { type: 'track' };

export interface RouteContext {
  tutor: TutorState;
  course: Course;
  world: World;
  mode: Mode;
  /** The map sits beside the lesson (wide terminals): `m` shows or hides it there. */
  wide: boolean;
  welcome: WelcomeChoiceId[];
  scrollLimit: number;
  /** The calls of the call page, or the commands of the "Try it" page. */
  callCount: number;
  /** Wall clock (ms) when the key was read: a check's result stays at least `CHECK_DWELL_MS` on screen. */
  now: number;
}

/**
 * How long a check's result stays on screen before Enter or → leave it: keys
 * repeating as fast as the keyboard does must not hide it (or, on step 5, the
 * Ready nodes) the moment it is drawn.
 */
export const CHECK_DWELL_MS = 1500;

/**
 * In an AWS account, how long a page that can send a billed run is on screen
 * before a key there sends it: a clicker's or a bouncing key's second press,
 * tens of milliseconds after the one that opened the page, must not create
 * anything. Nobody reads a page in this time.
 */
export const RUN_DWELL_MS = 400;

/** The step whose result is the course's climax, the last one: nothing leaves its Check page before the result was read. */
const CLIMAX: StepNumber = LAST_STEP;

const to = (action: TutorAction): Intent[] => [{ type: 'dispatch', action }];

/** The digit of a `pick-N` command. */
export function pickOf(command: Command): number | undefined {
  return command.startsWith('pick-') ? Number(command.slice(5)) : undefined;
}

/** Every key, on every screen, decided in one place. */
export function route(command: Command, ctx: RouteContext): Intent[] {
  const { tutor } = ctx;
  if (command === 'interrupt') return tutor.screen === 'quit' ? [{ type: 'exit' }] : [{ type: 'quit' }];
  if (tutor.overlay === 'keys') return command === 'quit' ? [{ type: 'quit' }] : to({ type: 'close-overlay' });
  if (command === 'keys') return to({ type: 'toggle', what: 'keys' });
  if (command === 'track' && (tutor.screen === 'lesson' || tutor.screen === 'menu')) return [{ type: 'track' }];
  if (command === 'lang' && tutor.screen !== 'quit') return to({ type: 'lang', lang: tutor.lang === 'en' ? 'ja' : 'en' });
  switch (tutor.screen) {
    case 'welcome':
      return welcome(command, ctx);
    case 'menu':
      return menu(command, ctx);
    case 'lesson':
      return lesson(command, ctx);
    case 'end':
      if (command === 'quit') return [{ type: 'quit' }];
      return command === 'enter' || command === 'escape' || command === 'left' ? to({ type: 'menu' }) : [];
    case 'quit':
      if (command === 'enter' || command === 'yes' || command === 'quit') return [{ type: 'exit' }];
      if (command === 'escape' || command === 'no' || command === 'left') return to({ type: 'quit-cancel' });
      return [];
  }
}

function welcome(command: Command, ctx: RouteContext): Intent[] {
  const count = ctx.welcome.length;
  const pick = pickOf(command);
  if (pick !== undefined) {
    const choice = pick >= 1 ? ctx.welcome[pick - 1] : undefined;
    return choice ? [{ type: 'choose', choice }] : [];
  }
  switch (command) {
    case 'up':
      return to({ type: 'welcome-move', delta: -1, count });
    case 'down':
      return to({ type: 'welcome-move', delta: 1, count });
    case 'enter': {
      const choice = ctx.welcome[count ? ctx.tutor.welcomeCursor % count : 0];
      return choice ? [{ type: 'choose', choice }] : [];
    }
    case 'retry':
      return ctx.welcome.includes('retry') ? [{ type: 'choose', choice: 'retry' }] : [];
    case 'quit':
      return [{ type: 'quit' }];
    default:
      return [];
  }
}

function menu(command: Command, ctx: RouteContext): Intent[] {
  const pick = pickOf(command);
  // Digits move to the lesson of that number (two in a row for 10 and up); Enter opens it.
  if (pick !== undefined) return to({ type: 'menu-pick', digit: pick });
  switch (command) {
    case 'up':
      return to({ type: 'menu-move', delta: -1 });
    case 'down':
      return to({ type: 'menu-move', delta: 1 });
    case 'enter':
    case 'right':
      return to({ type: 'open-cursor' });
    case 'map':
      return to({ type: 'toggle', what: 'map' });
    case 'escape':
      return ctx.tutor.overlay === 'map' ? to({ type: 'close-overlay' }) : [];
    case 'quit':
      return [{ type: 'quit' }];
    default:
      return [];
  }
}

function lesson(command: Command, ctx: RouteContext): Intent[] {
  const { tutor, course } = ctx;
  const page = pageAt(course, tutor.lesson, tutor.page);
  const step = lessonOf(course, tutor.lesson)?.step;
  if (tutor.overlay === 'map') {
    if (command === 'map' || command === 'escape' || command === 'enter') return to({ type: 'close-overlay' });
    if (command === 'quit') return [{ type: 'quit' }];
    if (command === 'left' || command === 'right')
      return [...to({ type: 'close-overlay' }), ...to({ type: 'page', delta: command === 'left' ? -1 : 1 })];
    return [];
  }
  switch (command) {
    case 'left':
      return to({ type: 'page', delta: -1 });
    case 'escape':
      return to({ type: 'menu' });
    case 'call':
      return to({ type: 'goto', kind: 'call' });
    case 'hint':
      return to({ type: 'toggle', what: 'hint' });
    case 'map':
      return to({ type: 'toggle', what: ctx.wide ? 'side-map' : 'map' });
    case 'quit':
      return [{ type: 'quit' }];
    default:
      break;
  }
  const pick = pickOf(command);
  // On the call and "Try it" pages a digit selects that call or command.
  if (pick !== undefined && (page?.kind === 'call' || page?.kind === 'try')) {
    return pick >= 1 && pick <= ctx.callCount ? to({ type: 'call-move', delta: pick - 1 - tutor.callCursor, count: ctx.callCount }) : [];
  }
  switch (page?.kind) {
    case 'learn':
      if (command === 'up' || command === 'down' || command === 'page-up' || command === 'page-down') return scroll(command, ctx);
      return command === 'right' || command === 'enter' ? to({ type: 'page', delta: 1 }) : [];
    case 'call':
      if (command === 'up' || command === 'down') return to({ type: 'call-move', delta: command === 'up' ? -1 : 1, count: ctx.callCount });
      if (command === 'page-up' || command === 'page-down') return scroll(command, ctx);
      if (command === 'yes' && ctx.callCount > 0) return [{ type: 'copy', index: Math.min(tutor.callCursor, ctx.callCount - 1) }];
      // On the presenter track Enter on the call sends it: the Run page opens running, then the Check page follows.
      if (command === 'enter' && course.presenter && step && ctx.mode !== 'dry-run' && (ctx.world.runs[step]?.phase ?? 'idle') === 'idle') {
        return [...to({ type: 'page', delta: 1 }), ...to({ type: 'follow', step }), { type: 'run', step }];
      }
      return command === 'right' || command === 'enter' ? to({ type: 'page', delta: 1 }) : [];
    case 'run': {
      const phase = step ? (ctx.world.runs[step]?.phase ?? 'idle') : 'idle';
      const canRun = step !== undefined && ctx.mode !== 'dry-run' && (phase === 'idle' || phase === 'failed');
      if ((command === 'enter' || command === 'yes') && canRun) return [{ type: 'run', step }];
      if (command === 'retry' && canRun) return [{ type: 'run', step }];
      if (command === 'up' || command === 'down' || command === 'page-up' || command === 'page-down') {
        // The log follows its end; ↑ reads back (scroll counts lines up from the end).
        const back = command === 'up' ? 1 : command === 'down' ? -1 : command === 'page-up' ? 10 : -10;
        const next = Math.max(0, Math.min(ctx.scrollLimit, tutor.scroll + back));
        return next === tutor.scroll ? [] : to({ type: 'scroll', delta: next - tutor.scroll });
      }
      if (command === 'right' || (command === 'enter' && !canRun && phase !== 'applying' && phase !== 'waiting'))
        return to({ type: 'page', delta: 1 });
      return [];
    }
    case 'check': {
      const run = step ? ctx.world.runs[step] : undefined;
      const again = run?.phase === 'failed' || (run?.phase === 'checked' && !checksPassed(run.checks ?? []));
      if (command === 'retry' && step && again) return [{ type: 'run', step }];
      if (command === 'up' || command === 'down' || command === 'page-up' || command === 'page-down') return scroll(command, ctx);
      if (command !== 'right' && command !== 'enter') return [];
      if (!step || !run || run.phase === 'failed') return to({ type: 'page', delta: 1 });
      const held = to({ type: 'check-held' });
      if (run.phase !== 'checked') {
        // A long wait (a control plane, a NAT gateway) may be read past with →, except on the last step.
        const longWait = settling(ctx.world).some((r) => stepOfKey(r.key) !== undefined && stepOfKey(r.key)! <= step);
        return command === 'right' && longWait && step !== CLIMAX ? to({ type: 'page', delta: 1 }) : held;
      }
      const shownAt = tutor.checkShown[step];
      if (shownAt === undefined || ctx.now - shownAt < CHECK_DWELL_MS) return held;
      return to({ type: 'page', delta: 1 });
    }
    case 'quiz': {
      const pick = pickOf(command);
      if (pick !== undefined) {
        const count = lessonOf(course, tutor.lesson)?.quiz[tutor.quiz.index]?.choices.length ?? 0;
        if (tutor.quiz.revealed || pick < 1 || pick > count) return [];
        return [...to({ type: 'quiz-move', delta: pick - 1 - tutor.quiz.cursor }), ...to({ type: 'quiz-answer' })];
      }
      if (command === 'up' || command === 'down') return to({ type: 'quiz-move', delta: command === 'up' ? -1 : 1 });
      if (command === 'enter') return to({ type: tutor.quiz.revealed ? 'quiz-next' : 'quiz-answer' });
      if (command === 'skip' || command === 'right') return to({ type: 'quiz-skip' });
      if (command === 'retry' && (tutor.quiz.revealed || tutor.quiz.index > 0)) return to({ type: 'quiz-retake' });
      return [];
    }
    case 'try':
      if (ctx.callCount > 0 && (command === 'up' || command === 'down'))
        return to({ type: 'call-move', delta: command === 'up' ? -1 : 1, count: ctx.callCount });
      if (command === 'up' || command === 'down' || command === 'page-up' || command === 'page-down') return scroll(command, ctx);
      if (command === 'yes' && ctx.callCount > 0) return [{ type: 'copy', index: Math.min(tutor.callCursor, ctx.callCount - 1) }];
      return command === 'right' || command === 'enter' ? to({ type: 'page', delta: 1 }) : [];
    case 'teardown': {
      const phase = ctx.world.teardown.phase;
      if (command === 'up' || command === 'down' || command === 'page-up' || command === 'page-down') return scroll(command, ctx);
      if ((command === 'enter' || command === 'yes') && phase === 'ready') {
        return ctx.world.teardown.plan?.delete.length ? [{ type: 'teardown-confirm' }] : to({ type: 'page', delta: 1 });
      }
      if ((command === 'retry' || command === 'enter') && (phase === 'failed' || phase === 'idle') && ctx.mode !== 'dry-run')
        return [{ type: 'teardown-load' }];
      if (command === 'right' || (command === 'enter' && (phase === 'done' || ctx.mode === 'dry-run')))
        return to({ type: 'page', delta: 1 });
      return [];
    }
    default:
      return command === 'right' || command === 'enter' ? to({ type: 'page', delta: 1 }) : [];
  }
}

/** A long page (text, a check's output, commands) moves by a line or ten, within what it has. */
function scroll(command: 'up' | 'down' | 'page-up' | 'page-down', ctx: RouteContext): Intent[] {
  const delta = command === 'up' ? -1 : command === 'down' ? 1 : command === 'page-up' ? -10 : 10;
  const next = Math.max(0, Math.min(ctx.scrollLimit, ctx.tutor.scroll + delta));
  return next === ctx.tutor.scroll ? [] : to({ type: 'scroll', delta: next - ctx.tutor.scroll });
}
