/**
 * The moto behind the sandbox: the learner's (`--endpoint-url`, checked to
 * answer), or one started here, on the port it had and with what it held when
 * the sandbox keeps its contents; and what runs before every proxied request.
 */
import { join } from 'node:path';
import { TutorError } from '../errors.js';
import { text } from '../text.js';
import type { EksView } from './eks-view.js';
import { portFree, startMotoServer } from './moto.js';
import { MotoClient, type CallerScope } from './moto-client.js';
import { FILES, type PersistState } from './persist.js';
import { replayAndRecord, seedMoto } from './persist-moto.js';
import { makeSettler } from './settle.js';

const MOTO_UNREACHABLE = (url: string) =>
  text(
    `No moto server answers at ${url}. Start one with \`moto_server -p 5000\`, or leave out --endpoint-url to let the sandbox start its own.`,
    `${url} で moto サーバーが応答しません。\`moto_server -p 5000\` で起動するか、--endpoint-url を省いてサンドボックスに起動させてください。`,
  );

export async function checkMoto(url: string): Promise<void> {
  try {
    const response = await fetch(new URL('/moto-api/', url), { signal: AbortSignal.timeout(5000) });
    if (response.ok) return;
  } catch (error) {
    throw new TutorError('SANDBOX', MOTO_UNREACHABLE(url), error);
  }
  throw new TutorError('SANDBOX', MOTO_UNREACHABLE(url));
}

/**
 * moto loads its EC2 code and models on first use, a few seconds on a small
 * machine. The first request of any kind (step 1 is IAM) starts that in the
 * background, so the VPC step does not stall; a sandbox nobody calls costs nothing.
 */
async function warmUp(moto: MotoClient, scope: CallerScope): Promise<void> {
  try {
    await moto.ec2(scope, { Action: 'DescribeVpcs' });
    await moto.ec2(scope, { Action: 'DescribeSubnets' });
    await moto.eks(scope, 'GET', '/clusters');
  } catch {
    // moto went away (the sandbox is stopping); nothing to warm
  }
}

/** Before every proxied request: warm moto up once, and finish deletions whose time is up. */
export function beforeEachRequest(view: EksView, scope: CallerScope, warmed: boolean, onRequest?: () => void): () => Promise<void> {
  const settle = makeSettler(view);
  let warming: Promise<void> | undefined = warmed ? Promise.resolve() : undefined;
  return () => {
    onRequest?.();
    warming ??= warmUp(view.moto, scope);
    return settle();
  };
}

/**
 * moto for a sandbox that keeps its contents: on the port it had (if free),
 * recording every request, seeded and warmed up as it was the first time, then
 * given back what it held by replaying the recording.
 */
export async function startKeptMoto(
  dir: string,
  state: PersistState,
  accessKeyId: string,
): Promise<{ url: string; replayed: number; stop(): Promise<void> }> {
  const port = state.ports.moto !== undefined && (await portFree(state.ports.moto)) ? state.ports.moto : undefined;
  const moto = await startMotoServer({ ...(port ? { port } : {}), env: { MOTO_RECORDER_FILEPATH: join(dir, FILES.recording) } });
  try {
    state.ports.moto = moto.port;
    await seedMoto(moto.url, state.seed);
    await warmUp(new MotoClient(moto.url), { accessKeyId, region: state.warmRegion });
    const { replayed } = await replayAndRecord(moto.url, join(dir, FILES.recording));
    return { url: moto.url, replayed, stop: () => moto.stop() };
  } catch (error) {
    await moto.stop();
    throw error;
  }
}
