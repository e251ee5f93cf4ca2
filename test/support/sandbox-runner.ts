import { startSandbox } from '../../src/sandbox/index.js';

/**
 * A stand-in for the tutor process in tests that kill it: starts a sandbox,
 * prints where it listens as one JSON line, and waits to be killed.
 */
const sandbox = await startSandbox({ timeScale: 0, region: 'us-east-1' });
process.stdout.write(`${JSON.stringify({ endpointUrl: sandbox.endpointUrl, motoUrl: sandbox.motoUrl })}\n`);
setInterval(() => undefined, 60_000);
