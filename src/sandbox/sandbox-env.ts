/**
 * The sandbox's environment for the aws CLI and kubectl: what the tutor lays
 * over its own for the tools it runs (`sandboxChildEnv`), what the kubeconfig
 * entry's `aws eks get-token` gets (`sandboxExecEnv`), and the lines
 * `eks-basics-tutor sandbox` prints for the learner's shell (`sandboxEnvLines`).
 * Nothing here starts anything: commands that only attach to the background
 * sandbox load this, not the sandbox itself.
 */
import { delimiter } from 'node:path';
import { text, type Lang } from '../text.js';
import type { Sandbox } from './index.js';

/** Credentials only the sandbox accepts; they are not valid on AWS. */
export const SANDBOX_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIASANDBOXDUMMY0001',
  secretAccessKey: 'sandbox/dummy/secret/NOT-AN-AWS-KEY/0000',
});

/**
 * Variables that must be absent, not empty, for the aws CLI to use the sandbox:
 * an empty AWS_PROFILE is an error ("The config profile () could not be
 * found"), and AWS_IGNORE_CONFIGURED_ENDPOINT_URLS would send calls to AWS.
 */
export const SANDBOX_UNSET_VARS = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] as const;

/**
 * The sandbox's environment for the aws CLI and kubectl (see `Sandbox.env`).
 * `awsDataPath` holds the aws CLI's EKS waiters at the sandbox's pace
 * (aws-cli-waiters.ts); it goes before any AWS_DATA_PATH already set.
 */
export function sandboxEnv(
  endpointUrl: string,
  credentials: Sandbox['credentials'],
  region: string,
  awsDataPath?: string,
): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpointUrl,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: '',
    AWS_SECURITY_TOKEN: '',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    ...(awsDataPath ? { AWS_DATA_PATH: awsDataPath } : {}),
  };
}

/** The parent environment with the sandbox's laid over it, for the aws CLI and kubectl as child processes. */
export function sandboxChildEnv(sandbox: Pick<Sandbox, 'env'>, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined) env[name] = value;
  for (const name of SANDBOX_UNSET_VARS) delete env[name];
  const ours = sandbox.env.AWS_DATA_PATH;
  // The sandbox's models first, then the learner's own (without ours again, from a shell already pointed at it).
  const theirs = (env.AWS_DATA_PATH ?? '').split(delimiter).filter((entry) => entry !== '' && entry !== ours);
  return { ...env, ...sandbox.env, ...(ours && theirs.length > 0 ? { AWS_DATA_PATH: [ours, ...theirs].join(delimiter) } : {}) };
}

/**
 * The `env` of the kubeconfig exec plugin for a sandbox cluster. kubectl lays it
 * over its own environment (later entries win), so `aws eks get-token` signs
 * with the dummy keys even in a terminal holding real ones, and the empty
 * session tokens keep a real session token out of the presigned URL.
 */
export function sandboxExecEnv(sandbox: Pick<Sandbox, 'credentials'>): { name: string; value: string }[] {
  return [
    { name: 'AWS_ACCESS_KEY_ID', value: sandbox.credentials.accessKeyId },
    { name: 'AWS_SECRET_ACCESS_KEY', value: sandbox.credentials.secretAccessKey },
    { name: 'AWS_SESSION_TOKEN', value: '' },
    { name: 'AWS_SECURITY_TOKEN', value: '' },
  ];
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** One `export` line; AWS_DATA_PATH keeps what the shell had, after the sandbox's. */
function exportLine(name: string, value: string): string {
  if (name === 'AWS_DATA_PATH') return `export ${name}=${shellQuote(value)}"\${${name}:+${delimiter}$${name}}"`;
  return `export ${name}=${shellQuote(value)}`;
}

/** What `eks-basics-tutor sandbox` prints: where the sandbox is and how to point a shell at it. */
export function sandboxEnvLines(sandbox: Pick<Sandbox, 'endpointUrl' | 'motoUrl' | 'env'>, lang: Lang): string[] {
  const heading = {
    endpoint: text(`Sandbox AWS endpoint: ${sandbox.endpointUrl}`, `サンドボックスの AWS エンドポイント: ${sandbox.endpointUrl}`),
    moto: text(`(moto_server behind it: ${sandbox.motoUrl})`, `(背後の moto_server: ${sandbox.motoUrl})`),
    paste: text(
      'To use the aws CLI and kubectl with the sandbox in another terminal, paste these lines there:',
      '別のターミナルで aws CLI と kubectl をサンドボックスに向けるには、次の行をそこに貼り付けてください:',
    ),
  };
  const entries = Object.entries(sandbox.env);
  const unset = [...SANDBOX_UNSET_VARS, ...entries.filter(([, v]) => v === '').map(([k]) => k)];
  return [
    heading.endpoint[lang],
    heading.moto[lang],
    '',
    heading.paste[lang],
    '',
    ...entries.filter(([, v]) => v !== '').map(([k, v]) => exportLine(k, v)),
    `unset ${unset.join(' ')}`,
  ];
}
