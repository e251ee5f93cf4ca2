import { ListNodegroupsCommand } from '@aws-sdk/client-eks';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TutorError } from '../../src/errors.js';
import { runKubectl } from '../../src/kube/kubectl.js';
import { ledgerPath } from '../../src/state/ledger.js';
import { makeEngine, tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';
import { seen } from '../support/seen.js';
import { rejection } from '../support/rejection.js';

const moto = useMoto();

const saved = { PATH: process.env.PATH, KUBECONFIG: process.env.KUBECONFIG };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function expectShown(error: TutorError, en: string, ja: string): Promise<void> {
  const english = await seen(error, 'en');
  const japanese = await seen(error, 'ja');
  expect(english.cli).toContain(en);
  expect(english.screen).toContain(en);
  expect(japanese.cli).toContain(ja);
  expect(japanese.screen).toContain(ja);
}

const BANNER = 'corp-kube 2.1: context tutor-test (set CORP_KUBE_QUIET=1 to hide this line)';

/**
 * A kubectl first on PATH that prints a banner line before what it prints:
 * for `get nodes -o json`, a list of two Ready nodes; anything else goes to the real kubectl.
 */
async function kubectlWithBanner(dir: string): Promise<string> {
  const real = (process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'kubectl'));
  const script = [
    '#!/bin/sh',
    `echo '${BANNER}'`,
    'case " $* " in',
    `  *" get nodes -o json "*) echo '{"kind":"List","items":[${['a', 'b']
      .map((n) => `{"metadata":{"name":"node-${n}"},"status":{"conditions":[{"type":"Ready","status":"True"}]}}`)
      .join(',')}]}'; exit 0 ;;`,
    'esac',
    `for k in ${real.map((k) => `'${k}'`).join(' ')}; do [ -x "$k" ] && exec "$k" "$@"; done`,
    'exit 127',
    '',
  ].join('\n');
  await writeFile(join(dir, 'kubectl'), script);
  await chmod(join(dir, 'kubectl'), 0o755);
  return dir;
}

describe('step 5 explains what it cannot work with', () => {
  it('kubectl get nodes -o json printing something that is not JSON: its first line is shown, no ten-minute wait', async () => {
    await moto.reset();
    const dir = await tempDir();
    process.env.KUBECONFIG = join(dir, 'kubeconfig');
    process.env.PATH = `${await kubectlWithBanner(dir)}${delimiter}${process.env.PATH ?? ''}`;
    const engine = await makeEngine(moto.url, { kubectl: true }, { kubectl: runKubectl });
    const error = await rejection(engine.up(5));
    expect(error.code).toBe('TOOL_FAILED');
    await expectShown(
      error,
      `\`kubectl get nodes -o json\` printed something that is not JSON: ${BANNER}. Check that the kubectl on PATH is kubectl itself`,
      `\`kubectl get nodes -o json\` が JSON ではないものを出力しました: ${BANNER}。`,
    );
  });

  it('a ledger without a subnet step 5 needs: says which and how to continue, asks for no node group; the advice works', async () => {
    await moto.reset();
    const stateDir = await tempDir();
    const first = await makeEngine(moto.url, {}, { stateDir });
    await first.up(4);
    // The ledger loses one entry between two runs (edited by hand, or an older copy put back).
    const file = ledgerPath(stateDir, 'real', 'tutor-test');
    const data = JSON.parse(await readFile(file, 'utf8')) as { entries: { key: string }[] };
    data.entries = data.entries.filter((entry) => entry.key !== 'subnet/private/1');
    await writeFile(file, JSON.stringify(data));

    const second = await makeEngine(moto.url, {}, { stateDir });
    const error = await rejection(second.apply(5));
    expect(error.code).toBe('LEDGER');
    await expectShown(
      error,
      'The ledger has no subnet/private/1, the subnet step 2 records and the node group is placed in; the node group was not asked for. Run `eks-basics-tutor up` again with the same options',
      '台帳に subnet/private/1(ステップ 2 が記録し、ノードグループを置くサブネット)がありません。',
    );
    const groups = async () => (await second.clients.eks.send(new ListNodegroupsCommand({ clusterName: 'tutor-test' }))).nodegroups;
    expect(await groups()).toEqual([]);

    // What it says to do: up again, and step 2 records the subnet from its tags.
    await second.up(5);
    expect(second.ledger.get('subnet/private/1')?.state).toBe('created');
    expect(await groups()).toEqual(['tutor-test-nodes']);
  });
});
