import type { TutorConfig } from '../../config.js';
import { progressPath, ProgressWriter, readProgress } from '../../progress/file.js';
import { motoInstalled } from '../../sandbox/moto.js';
import type { Session } from '../../session.js';
import type { LessonId } from '../../lessons/types.js';
import { followCalls } from './calls.js';
import type { Services, TutorSession } from './types.js';

/** The services of a real run: sessions against AWS, the sandbox or nothing (dry-run), files in the state directory. */
export function realServices(known: readonly LessonId[]): Services {
  const sessions = new WeakMap<TutorSession, Session>();
  const writers = new Map<string, ProgressWriter>();
  const isKnown = (id: string) => (known as readonly string[]).includes(id);
  const writerFor = (config: TutorConfig) => {
    const path = progressPath(config.stateDir, config.mode, config.clusterName);
    let writer = writers.get(path);
    if (!writer) {
      writer = new ProgressWriter(path, config.clusterName, config.mode);
      writers.set(path, writer);
    }
    return writer;
  };
  return {
    async openSession(config, signal) {
      // The AWS SDK and the sandbox load here, after the first frame, not before it.
      const { openSession } = await import('../../session.js');
      const session = await openSession(config, { lock: config.mode !== 'dry-run', identify: config.mode === 'real', signal });
      sessions.set(session, session);
      return session;
    },
    async findings(config) {
      // The sandbox's own line comes from the session: checking it here would start a second one.
      const { findings } = await import('../../findings.js');
      return findings(config.mode === 'sandbox' ? { ...config, mode: 'dry-run' } : config);
    },
    motoInstalled,
    async liveData(session, kind) {
      const real = sessions.get(session);
      if (!real) return { kind: 'unavailable', reason: { en: 'No session.', ja: 'セッションがありません。' } };
      const { fetchLiveData } = await import('./live-data.js');
      return fetchLiveData(real, kind);
    },
    async diagram(session, kind) {
      const real = sessions.get(session);
      if (!real) return { kind: 'unavailable', reason: { en: 'No session.', ja: 'セッションがありません。' } };
      const { fetchLiveData } = await import('./live-data.js');
      return fetchLiveData(real, kind);
    },
    async zones(session) {
      const real = sessions.get(session);
      if (!real || session.config.mode === 'dry-run') return undefined;
      const { fetchZones } = await import('./live-data.js');
      return fetchZones(real);
    },
    loadProgress: (config) => readProgress(progressPath(config.stateDir, config.mode, config.clusterName), isKnown),
    saveProgress: (config, progress) => writerFor(config).save(progress),
    follow(session, listener) {
      const real = sessions.get(session);
      // Calls come from the clients' middleware; the engine's own `call` events would repeat them.
      const offEngine = session.engine.on((event) => {
        if (event.type !== 'call' || !real) listener(event);
      });
      const offCalls = real ? followCalls(real.engine.clients, listener) : () => undefined;
      return () => {
        offEngine();
        offCalls();
      };
    },
    now: () => Date.now(),
    async dayTwo(session, id, on, signal) {
      const real = sessions.get(session);
      if (!real) throw new Error('No session.');
      const [{ dayTwoAction }, { dayTwoContextOf }] = await Promise.all([import('../../aws/day-two/actions.js'), import('../../aws/day-two/session-context.js')]);
      const action = dayTwoAction(id);
      if (!action) throw new Error(`No day-two action ${id}.`);
      return action.run(dayTwoContextOf(real, on.emit, on.show, signal), {});
    },
  };
}
