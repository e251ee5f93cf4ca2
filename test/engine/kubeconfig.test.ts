import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TutorError } from '../../src/errors.js';
import {
  kubeconfigPath,
  mergeEntry,
  readEntry,
  readKubeconfig,
  removeEntry,
  writeKubeconfig,
  type KubeconfigEntry,
} from '../../src/kube/kubeconfig.js';
import { useMoto } from '../support/moto.js';

const ARN = 'arn:aws:eks:us-east-1:123456789012:cluster/tutor-basics';
const b64 = (s: string) => Buffer.from(s).toString('base64');

const entry: KubeconfigEntry = {
  name: ARN,
  server: 'https://ABCDEF0123456789.gr7.us-east-1.eks.amazonaws.com',
  certificateAuthorityData: b64('tutor cluster CA '.repeat(8)),
  exec: {
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    command: 'aws',
    args: ['--region', 'us-east-1', 'eks', 'get-token', '--cluster-name', 'tutor-basics', '--output', 'json'],
    env: [{ name: 'AWS_PROFILE', value: 'tutor' }],
  },
};

/** Indented lists, users before clusters, current-context at the top, comments everywhere. */
const INDENTED = `# Work clusters: managed by the platform team.
# Ask in #platform before changing anything here.
current-context: work-prod
apiVersion: v1
kind: Config
users:
  # production goes through the cloud's exec plugin
  - name: prod-admin
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: gke-gcloud-auth-plugin
        installHint: "Install gke-gcloud-auth-plugin for use with kubectl"
        provideClusterInfo: true

  - name: staging-bot
    user:
      token: 'c3RhZ2luZy10b2tlbg=='   # rotated monthly
  - user:
      client-certificate-data: ${b64('kind client cert')}
      client-key-data: ${b64('kind client key')}
    name: kind-dev
clusters:
  - name: prod
    cluster:
      server: "https://10.0.0.1:6443"
      certificate-authority-data: ${b64('prod CA')}
  # staging sits behind the VPN
  - cluster: {server: https://staging.internal.example.com, insecure-skip-tls-verify: true}
    name: staging
  - name: kind
    cluster:
      server: https://127.0.0.1:40123
      certificate-authority-data: ${b64('kind CA')}
contexts:
  - name: work-prod
    context: {cluster: prod, user: prod-admin, namespace: payments}
  - name: work-staging
    context:
      cluster: staging
      user: staging-bot

  - name: kind-dev
    context:
      user: kind-dev
      cluster: kind
preferences: {}
# end of file: keep this comment
`;

/** The layout kubectl writes (unindented lists, sorted keys), plus comments and a quoted current-context. */
const KUBECTL = `apiVersion: v1
# clusters first, as kubectl writes them
clusters:
- cluster:
    certificate-authority-data: ${b64('prod CA')}
    server: https://10.0.0.1:6443
  name: prod
# staging sits behind the VPN
- cluster:
    insecure-skip-tls-verify: true
    server: "https://staging.internal.example.com"
  name: staging
- cluster:
    certificate-authority-data: ${b64('kind CA')}
    server: https://127.0.0.1:40123
  name: kind
contexts:
- context:
    cluster: prod
    namespace: payments
    user: prod-admin
  name: work-prod
- context:
    cluster: staging
    user: staging-bot
  name: work-staging
- context: {cluster: kind, user: kind-dev}
  name: kind-dev
current-context: "work-staging"
kind: Config
preferences: {}
users:
- name: prod-admin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args: null
      command: gke-gcloud-auth-plugin
      env: null
      provideClusterInfo: true
- name: staging-bot
  user:
    token: 'c3RhZ2luZy10b2tlbg=='
- name: kind-dev
  user:
    client-certificate-data: ${b64('kind client cert')}
    client-key-data: ${b64('kind client key')}

# trailing comment
`;

const OTHER_CONTEXTS = ['work-prod', 'work-staging', 'kind-dev'];

const variants = [
  { label: 'indented lists', source: INDENTED, previous: 'work-prod', dash: '  - ' },
  { label: 'kubectl layout', source: KUBECTL, previous: 'work-staging', dash: '- ' },
  { label: 'kubectl layout with CRLF', source: KUBECTL.replaceAll('\n', '\r\n'), previous: 'work-staging', dash: '- ' },
  { label: 'no final newline', source: KUBECTL.replace(/\n# trailing comment\n$/, ''), previous: 'work-staging', dash: '- ' },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubeconfig-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileCount = 0;
async function fileWith(content: string): Promise<string> {
  const path = join(dir, `config-${++fileCount}`);
  await writeFile(path, content);
  return path;
}

/** Lines of `before` that `after` no longer has, as `diff` sees them. */
async function removedLines(before: string, after: string): Promise<string[]> {
  const a = await fileWith(before);
  const b = await fileWith(after);
  const result = spawnSync('diff', ['--old-line-format=%L', '--new-line-format=', '--unchanged-line-format=', a, b], { encoding: 'utf8' });
  return result.stdout.split('\n').filter((line) => line !== '');
}

function kubectl(file: string, ...args: string[]): string {
  return execFileSync('kubectl', [...args, '--kubeconfig', file], { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '' } });
}

interface ViewedConfig {
  'current-context': string;
  clusters: { name: string; cluster: { server: string } }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
  users: {
    name: string;
    user: { token?: string; exec?: { command: string; args: string[] | null; env: { name: string; value: string }[] | null } };
  }[];
}

async function kubectlView(text: string): Promise<{ view: ViewedConfig; contexts: string }> {
  const file = await fileWith(text);
  const view = JSON.parse(kubectl(file, 'config', 'view', '-o', 'json')) as ViewedConfig;
  return { view, contexts: kubectl(file, 'config', 'get-contexts') };
}

describe.each(variants)('a realistic kubeconfig ($label)', ({ source, previous, dash }) => {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';

  it('keeps every line of the original except the current-context value', async () => {
    const { text, previousContext } = mergeEntry(source, entry);
    expect(previousContext).toBe(previous);
    const removed = await removedLines(source, text);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatch(/^current-context: /);
    // The value keeps the quoting it had, so restoring it gives back the same bytes.
    expect(text).toMatch(new RegExp(`^current-context: "?${ARN}"?\\r?$`, 'm'));
  });

  it('adds items with the same dash column and line endings as the items there', () => {
    const { text } = mergeEntry(source, entry);
    expect(text).toContain(`${eol}${dash}cluster:${eol}`);
    expect(text).toContain(`${eol}${dash}context:${eol}`);
    expect(text).toContain(`${eol}${dash}name: ${ARN}${eol}`);
    if (eol === '\r\n') expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(text.endsWith('\n')).toBe(source.endsWith('\n'));
  });

  it('gives back the original bytes when removed with the previous context restored', () => {
    const { text, previousContext } = mergeEntry(source, entry);
    expect(removeEntry(text, ARN, previousContext)).toBe(source);
  });

  it('gives back the original bytes when the tutor context is no longer current', () => {
    const { text } = mergeEntry(source, entry);
    // As if the learner had switched back by hand: only the current-context line differs.
    const switched = text.replace(/^current-context: .*$/m, source.match(/^current-context: .*$/m)?.[0] ?? '');
    expect(removeEntry(switched, ARN)).toBe(source);
  });

  it('leaves the other entries meaning exactly what they meant', () => {
    const before = parse(source) as Record<string, { name: string }[]>;
    const after = parse(mergeEntry(source, entry).text) as Record<string, { name: string }[]>;
    for (const section of ['clusters', 'contexts', 'users']) {
      expect(after[section]?.filter((item) => item.name !== ARN)).toEqual(before[section]);
      expect(after[section]?.at(-1)?.name).toBe(ARN);
    }
  });

  it('reads back the entry it wrote', () => {
    const { text } = mergeEntry(source, entry);
    expect(readEntry(text, ARN)).toEqual({ ...entry, current: true });
    expect(readEntry(source, ARN)).toBeUndefined();
    expect(readEntry(removeEntry(text, ARN, previous), ARN)).toBeUndefined();
  });

  it('replaces an existing tutor entry in place', () => {
    const first = mergeEntry(source, entry);
    const moved = { ...entry, server: 'https://NEW.gr7.us-east-1.eks.amazonaws.com', exec: { ...entry.exec, env: undefined } };
    const second = mergeEntry(first.text, moved);
    expect(second.previousContext).toBe(ARN);
    expect(second.text.split(ARN)).toHaveLength(first.text.split(ARN).length);
    expect(readEntry(second.text, ARN)).toEqual({
      ...moved,
      exec: { apiVersion: entry.exec.apiVersion, command: 'aws', args: entry.exec.args },
      current: true,
    });
    expect(second.text).not.toContain('AWS_PROFILE');
    expect(removeEntry(second.text, ARN, first.previousContext)).toBe(source);
  });

  it('is read by kubectl with all four contexts', async () => {
    const { view, contexts } = await kubectlView(mergeEntry(source, entry).text);
    expect(view['current-context']).toBe(ARN);
    expect(view.contexts.map((c) => c.name).sort()).toEqual([...OTHER_CONTEXTS, ARN].sort());
    expect(view.clusters.find((c) => c.name === ARN)?.cluster.server).toBe(entry.server);
    expect(view.clusters.find((c) => c.name === 'staging')?.cluster.server).toBe('https://staging.internal.example.com');
    const user = view.users.find((u) => u.name === ARN)?.user.exec;
    expect(user).toMatchObject({ command: 'aws', args: entry.exec.args, env: entry.exec.env });
    expect(view.users.find((u) => u.name === 'prod-admin')?.user.exec?.command).toBe('gke-gcloud-auth-plugin');
    expect(view.users.find((u) => u.name === 'staging-bot')?.user.token).toBeDefined();
    const current = contexts.split('\n').find((line) => line.includes(ARN));
    expect(current).toMatch(/^\*\s/);
    for (const name of OTHER_CONTEXTS) expect(contexts).toMatch(new RegExp(`^\\s+${name}\\s`, 'm'));
  });
});

describe('files with little or nothing in them', () => {
  it('creates a kubectl-style file when there is none, or it is empty', () => {
    const fresh = mergeEntry(undefined, entry);
    expect(fresh.previousContext).toBeNull();
    expect(fresh.text).toMatch(/^apiVersion: v1\nclusters:\n- cluster:\n/);
    expect(fresh.text).toContain(`\ncurrent-context: ${ARN}\nkind: Config\npreferences: {}\nusers:\n- name: ${ARN}\n`);
    expect(mergeEntry('', entry).text).toBe(fresh.text);
    expect(mergeEntry('# only a comment', entry).text).toBe(`# only a comment\n${fresh.text}`);
    expect(readEntry(fresh.text, ARN)).toEqual({ ...entry, current: true });
  });

  it('replaces `clusters: []` with a block list, and gives `[]` back', async () => {
    const source = 'apiVersion: v1\nclusters: [] # none yet\ncontexts: []\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: []\n';
    const { text, previousContext } = mergeEntry(source, entry);
    expect(previousContext).toBeNull();
    expect(text).toContain(`clusters: # none yet\n- cluster:\n    certificate-authority-data: ${entry.certificateAuthorityData}\n`);
    expect(text).toContain(`current-context: "${ARN}"\n`);
    expect((await kubectlView(text)).view.contexts.map((c) => c.name)).toEqual([ARN]);
    expect(removeEntry(text, ARN, previousContext)).toBe(source);
  });

  it('fills `null`, empty and missing sections, and kubectl reads the result', async () => {
    const source = '# mine\nkind: Config\napiVersion: v1\nclusters: null\ncontexts:\n';
    const { text } = mergeEntry(source, entry);
    expect(text.startsWith('# mine\nkind: Config\napiVersion: v1\nclusters:\n- cluster:\n')).toBe(true);
    expect(text).toMatch(new RegExp(`\\nusers:\\n- name: ${ARN}\\n[^]*current-context: ${ARN}\\n$`));
    expect((await kubectlView(text)).view['current-context']).toBe(ARN);
    const removed = removeEntry(text, ARN);
    expect(removed).toBe('# mine\nkind: Config\napiVersion: v1\nclusters: []\ncontexts: []\nusers: []\ncurrent-context: ""\n');
  });

  it('keeps the style of an indented file when adding a missing section', () => {
    const source = 'apiVersion: v1\nclusters:\n    - name: a\n      cluster: {server: https://a}\n';
    const { text } = mergeEntry(source, entry);
    expect(text).toContain(`\ncontexts:\n    - context:\n        cluster: ${ARN}\n`);
    expect(text).toContain('\n          args:\n            - --region\n');
  });

  it('adds JSON items to flow lists and to a JSON kubeconfig, and takes them out again', async () => {
    const flow =
      'apiVersion: v1\nclusters: [{name: a, cluster: {server: "https://a"}}]\ncontexts: [{name: a, context: {cluster: a, user: a}}]\nusers: [{name: a, user: {token: t}}]\ncurrent-context: a\n';
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: [], contexts: null, 'current-context': '' }, null, 2);
    for (const source of [flow, json]) {
      const { text, previousContext } = mergeEntry(source, entry);
      expect(readEntry(text, ARN)).toEqual({ ...entry, current: true });
      expect((await kubectlView(text)).view['current-context']).toBe(ARN);
      if (source === flow) expect(removeEntry(text, ARN, previousContext)).toBe(source);
    }
  });

  it('refuses a file that is not valid YAML, naming it and changing nothing', async () => {
    const source = 'apiVersion: v1\nclusters: [\n  - name: a\n';
    expect(() => mergeEntry(source, entry)).toThrow(TutorError);
    expect(() => mergeEntry('clusters: some text\n', entry)).toThrow(/clusters is not a list/);
    const path = await fileWith(source);
    const error = await readKubeconfig(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TutorError);
    expect((error as TutorError).code).toBe('BAD_INPUT');
    expect((error as TutorError).text.en).toContain(path);
    expect((error as TutorError).text.ja).toContain(path);
    expect(await readFile(path, 'utf8')).toBe(source);
  });
});

describe('kubeconfigPath', () => {
  it("uses $KUBECONFIG's first path, else ~/.kube/config", () => {
    expect(kubeconfigPath({ KUBECONFIG: '/a/one:/b/two' })).toBe('/a/one');
    expect(kubeconfigPath({ KUBECONFIG: ':/b/two' })).toBe('/b/two');
    expect(kubeconfigPath({ KUBECONFIG: '' })).toBe(join(homedir(), '.kube', 'config'));
    expect(kubeconfigPath({})).toBe(join(homedir(), '.kube', 'config'));
  });
});

describe('reading and writing the file', () => {
  it('reads undefined for a missing file', async () => {
    expect(await readKubeconfig(join(dir, 'absent'))).toBeUndefined();
  });

  it('creates a new file 0600 in a new 0700 directory', async () => {
    const path = join(dir, 'new-home', '.kube', 'config');
    await writeKubeconfig(path, 'kind: Config\n');
    expect(await readKubeconfig(path)).toBe('kind: Config\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'new-home', '.kube'))).mode & 0o777).toBe(0o700);
    await expect(stat(`${path}.eks-basics-tutor.bak`)).rejects.toThrow();
  });

  it('keeps the mode of an existing file and backs up its previous bytes privately', async () => {
    const path = await fileWith(KUBECTL);
    await chmod(path, 0o644);
    const { text } = mergeEntry(await readKubeconfig(path), entry);
    await writeKubeconfig(path, text);
    expect(await readFile(path, 'utf8')).toBe(text);
    expect((await stat(path)).mode & 0o777).toBe(0o644);
    expect(await readFile(`${path}.eks-basics-tutor.bak`, 'utf8')).toBe(KUBECTL);
    expect((await stat(`${path}.eks-basics-tutor.bak`)).mode & 0o777).toBe(0o600);
  });

  it('writes through a symlinked kubeconfig instead of replacing the link', async () => {
    const target = await fileWith(INDENTED);
    await mkdir(join(dir, 'linked'));
    const link = join(dir, 'linked', 'config');
    await symlink(target, link);
    await writeKubeconfig(link, mergeEntry(INDENTED, entry).text);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(readEntry(await readFile(target, 'utf8'), ARN)?.current).toBe(true);
  });
});

describe('against the aws CLI', () => {
  const moto = useMoto();
  let awsEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const home = join(dir, 'aws');
    await mkdir(home);
    await writeFile(join(home, 'config'), '[profile tutor]\nregion = us-east-1\n');
    await writeFile(join(home, 'credentials'), '[tutor]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
    awsEnv = {
      ...process.env,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_PROFILE: 'tutor',
    };
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_DEFAULT_REGION', 'AWS_REGION'])
      delete awsEnv[name];
  });

  const aws = (kubeconfig: string, ...args: string[]) =>
    execFileSync('aws', ['--endpoint-url', moto.url, '--region', 'us-east-1', ...args], {
      encoding: 'utf8',
      env: { ...awsEnv, KUBECONFIG: kubeconfig },
    });

  it('writes a new file byte for byte as `aws eks update-kubeconfig` does, and aws can update what is left', async () => {
    const created = JSON.parse(
      aws(
        '',
        'eks',
        'create-cluster',
        '--name',
        'tutor-basics',
        '--role-arn',
        'arn:aws:iam::123456789012:role/tutor-cluster',
        '--resources-vpc-config',
        'subnetIds=subnet-1',
      ),
    ) as {
      cluster: { arn: string; endpoint: string; certificateAuthority: { data: string } };
    };
    const { cluster } = created;
    const written = join(dir, 'aws-written');
    aws(written, 'eks', 'update-kubeconfig', '--name', 'tutor-basics');
    const ours = mergeEntry(undefined, {
      ...entry,
      name: cluster.arn,
      server: cluster.endpoint,
      certificateAuthorityData: cluster.certificateAuthority.data,
    });
    expect(ours.text).toBe(await readFile(written, 'utf8'));

    // After removal the file keeps `[]` lists and `current-context: ""`; the aws CLI still accepts it.
    const leftover = join(dir, 'aws-leftover');
    await writeFile(leftover, removeEntry(ours.text, cluster.arn));
    aws(leftover, 'eks', 'update-kubeconfig', '--name', 'tutor-basics');
    expect(readEntry(await readFile(leftover, 'utf8'), cluster.arn)?.current).toBe(true);
  });
});
