/** Durations and money as both front ends write them. */
import { text, type Lang, type Text } from '../text.js';

/** m:ss of an elapsed or expected time; whole seconds that have passed (a clock never shows a second early). */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "0:42 / ~9:00": how long a wait has taken, against how long AWS usually takes (when known). */
export function waitTimes(elapsedMs: number, expectedMs?: number): string {
  return `${clock(elapsedMs)}${expectedMs ? ` / ~${clock(expectedMs)}` : ''}`;
}

/** "attempt 2, after 0:03" (2 回目、経過 0:03): a call AWS refused for now, sent again. */
export function retryAttempt(attempt: number, elapsedMs: number, lang: Lang): string {
  return lang === 'ja' ? `${attempt} 回目、経過 ${clock(elapsedMs)}` : `attempt ${attempt}, after ${clock(elapsedMs)}`;
}

/** A rough duration for the menu: "~9 min", "~2 min", "~9 s", "< 1 s" (約 9 分, 1 秒未満, …). */
export function roughDuration(ms: number): Text {
  if (ms < 1000) return text('< 1 s', '1 秒未満');
  if (ms < 60_000) return text(`~${Math.round(ms / 1000)} s`, `約 ${Math.round(ms / 1000)} 秒`);
  return text(`~${Math.round(ms / 60_000)} min`, `約 ${Math.round(ms / 60_000)} 分`);
}
