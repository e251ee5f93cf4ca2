import type { TutorConfig } from '../../config.js';
import { progressPath, ProgressWriter, readProgress } from '../../progress/file.js';
import { motoInstalled } from '../../sandbox/moto.js';
import type { Session } from '../../session.js';
import type { LessonId } from '../../lessons/types.js';
import type { LiveView, Services, SessionIo, TutorSession } from './types.js';

const NO_SESSION: LiveView = { kind: 'unavailable', reason: { en: 'No session.', ja: 'セッションがありません。' } };

/** The whole session's reach, bound to it: what loads for it (live views, day-two actions) loads when first used. */
function sessionIo(session: Session): SessionIo {
  return {
    async live(kind) {
      const { fetchLiveData } = await import('../../aws/live.js');
      return fetchLiveData(session, kind);
    },
    async zones() {
      const { fetchZones } = await import('../../aws/live.js');
      return fetchZones(session);
    },
    onCall: (listener) => session.engine.clients.onCall(listener),
    async dayTwo(id, on, signal) {
      const [{ dayTwoAction }, { dayTwoContextOf }] = await Promise.all([
        import('../../aws/day-two/actions.js'),
        import('../../aws/day-two/session-context.js'),
      ]);
      const action = dayTwoAction(id);
      if (!action) throw new Error(`No day-two action ${id}.`);
      return action.run(dayTwoContextOf(session, on.emit, on.show, signal), {});
    },
  };
}

/** The services of a real run: sessions against AWS, the sandbox or nothing (dry-run), files in the state directory. */
export function realServices(known: readonly LessonId[]): Services {
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
      const tutorSession: TutorSession = Object.assign(session, { io: sessionIo(session) });
      return tutorSession;
    },
    async findings(config) {
      // The sandbox's own line comes from the session: checking it here would start a second one.
      const { findings } = await import('../../findings.js');
      return findings(config.mode === 'sandbox' ? { ...config, mode: 'dry-run' } : config);
    },
    motoInstalled,
    liveData: async (session, kind) => (session.io ? session.io.live(kind) : NO_SESSION),
    diagram: async (session, kind) => (session.io ? session.io.live(kind) : NO_SESSION),
    zones: async (session) => session.io?.zones(),
    loadProgress: (config) => readProgress(progressPath(config.stateDir, config.mode, config.clusterName), isKnown),
    saveProgress: (config, progress) => writerFor(config).save(progress),
    follow(session, listener) {
      // Calls come from the clients' one middleware (the engine reports none of its own).
      const offEngine = session.engine.on((event) => {
        if (event.type !== 'call' || !session.io) listener(event);
      });
      const offCalls = session.io ? session.io.onCall((call) => listener({ type: 'call', ...call })) : () => undefined;
      return () => {
        offEngine();
        offCalls();
      };
    },
    now: () => Date.now(),
    async dayTwo(session, id, on, signal) {
      if (!session.io) throw new Error('No session.');
      return session.io.dayTwo(id, on, signal);
    },
  };
}
