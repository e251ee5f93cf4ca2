/**
 * The aws CLI's EKS waiters at the sandbox's pace. `aws eks wait cluster-active`
 * asks DescribeCluster every 30 s on AWS; in a time-lapsed sandbox the cluster is
 * ACTIVE after seconds, and the wait would still sit out the rest of a 30 s
 * poll. botocore (aws CLI v1 and v2) reads its models from the directories in
 * AWS_DATA_PATH before its own, and a `<dir>/eks/2017-11-01/waiters-2.json`
 * there replaces the EKS waiters whole: so the file holds all eight of AWS's
 * EKS waiters, their acceptors as AWS has them, their delays scaled.
 *
 * The EC2 waiters (`aws ec2 wait nat-gateway-available`, 15 s polls) are left
 * as they are: EC2's file holds some forty other waiters, which a file of ours
 * would drop or pin to one botocore's copy.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The directory, in the sandbox's own, that goes first in the learner's AWS_DATA_PATH. */
export const AWS_CLI_DATA_DIR = 'aws-cli-data';

/** One waiter: the statuses it fails at, and the one it succeeds at (`gone`: the Describe call's ResourceNotFoundException). */
interface WaiterFacts {
  operation: string;
  /** AWS's seconds between two calls, and how many calls before the wait fails. */
  delay: number;
  maxAttempts: number;
  /** Where in the answer the status is. */
  status: string;
  failure: string[];
  success: string | { gone: true };
}

const GONE = { gone: true } as const;

/** AWS's EKS waiters (API version 2017-11-01). */
const EKS_WAITERS: Record<string, WaiterFacts> = {
  ClusterActive: {
    operation: 'DescribeCluster',
    delay: 30,
    maxAttempts: 40,
    status: 'cluster.status',
    failure: ['DELETING', 'FAILED'],
    success: 'ACTIVE',
  },
  ClusterDeleted: {
    operation: 'DescribeCluster',
    delay: 30,
    maxAttempts: 40,
    status: 'cluster.status',
    failure: ['ACTIVE', 'CREATING', 'PENDING'],
    success: GONE,
  },
  NodegroupActive: {
    operation: 'DescribeNodegroup',
    delay: 30,
    maxAttempts: 80,
    status: 'nodegroup.status',
    failure: ['CREATE_FAILED'],
    success: 'ACTIVE',
  },
  NodegroupDeleted: {
    operation: 'DescribeNodegroup',
    delay: 30,
    maxAttempts: 40,
    status: 'nodegroup.status',
    failure: ['DELETE_FAILED'],
    success: GONE,
  },
  AddonActive: {
    operation: 'DescribeAddon',
    delay: 10,
    maxAttempts: 60,
    status: 'addon.status',
    failure: ['CREATE_FAILED', 'DEGRADED'],
    success: 'ACTIVE',
  },
  AddonDeleted: {
    operation: 'DescribeAddon',
    delay: 10,
    maxAttempts: 60,
    status: 'addon.status',
    failure: ['DELETE_FAILED'],
    success: GONE,
  },
  FargateProfileActive: {
    operation: 'DescribeFargateProfile',
    delay: 10,
    maxAttempts: 60,
    status: 'fargateProfile.status',
    failure: ['CREATE_FAILED'],
    success: 'ACTIVE',
  },
  FargateProfileDeleted: {
    operation: 'DescribeFargateProfile',
    delay: 30,
    maxAttempts: 60,
    status: 'fargateProfile.status',
    failure: ['DELETE_FAILED'],
    success: GONE,
  },
};

/**
 * botocore's waiter model (version 2) of the EKS waiters at this time scale:
 * each delay scaled, never under 1 s. Rounding up, and keeping AWS's number of
 * attempts, a wait gives up no sooner in sandbox time than it would on AWS.
 */
export function eksWaiterModel(timeScale: number): { version: 2; waiters: Record<string, unknown> } {
  const waiters: Record<string, unknown> = {};
  for (const [name, facts] of Object.entries(EKS_WAITERS)) {
    const path = (expected: string, state: 'success' | 'failure') => ({ matcher: 'path', argument: facts.status, expected, state });
    waiters[name] = {
      operation: facts.operation,
      delay: Math.max(1, Math.ceil(facts.delay * timeScale)),
      maxAttempts: facts.maxAttempts,
      acceptors: [
        ...facts.failure.map((status) => path(status, 'failure')),
        typeof facts.success === 'string'
          ? path(facts.success, 'success')
          : { matcher: 'error', expected: 'ResourceNotFoundException', state: 'success' },
      ],
    };
  }
  return { version: 2, waiters };
}

/** Where a sandbox keeping its files in `dir` has its waiters, for AWS_DATA_PATH; none at time scale 1. */
export function awsCliDataPath(dir: string, timeScale: number): string | undefined {
  return timeScale === 1 ? undefined : join(dir, AWS_CLI_DATA_DIR);
}

/**
 * Writes the waiters for this time scale under `dir` (the sandbox's directory;
 * a temporary one without) and gives the directory for AWS_DATA_PATH. At time
 * scale 1 AWS's own waiters are right, and there is nothing to write.
 */
export async function writeAwsCliWaiters(
  timeScale: number,
  dir: string | undefined,
): Promise<{ dataPath: string; remove(): Promise<void> } | undefined> {
  if (timeScale === 1) {
    // A shell still pointed here from a time-lapsed start must not poll a real-time sandbox every second.
    if (dir) await rm(join(dir, AWS_CLI_DATA_DIR), { recursive: true, force: true });
    return undefined;
  }
  const dataPath = dir ? join(dir, AWS_CLI_DATA_DIR) : await mkdtemp(join(tmpdir(), 'eks-sandbox-aws-cli-'));
  const remove = dir ? async () => undefined : () => rm(dataPath, { recursive: true, force: true });
  try {
    const modelDir = join(dataPath, 'eks', '2017-11-01');
    await mkdir(modelDir, { recursive: true, mode: 0o700 });
    // Written beside and renamed over, so an aws CLI reading it meanwhile sees the old file or the new one.
    const file = join(modelDir, 'waiters-2.json');
    await writeFile(`${file}.${process.pid}`, `${JSON.stringify(eksWaiterModel(timeScale), null, 2)}\n`, { mode: 0o600 });
    await rename(`${file}.${process.pid}`, file);
    return { dataPath, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
