import { CreateAddonCommand, DescribeAddonCommand } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { ADDON_KIND, addonKey, createAddons } from '../../src/aws/day-two/addons.js';
import type { EngineEvent } from '../../src/aws/types.js';
import { useSandbox } from '../support/sandbox.js';
import { restoreKubeEnvAfterAll, sandboxDayTwo } from '../support/sandbox-day-two.js';

/** Which EKS add-ons day-two addons counts as the tutor's: those tagged as its own, or recorded in its ledger; another's is left alone. */

const box = useSandbox({ timeScale: 0, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });
restoreKubeEnvAfterAll();

/** What a run tells the learner: each resource change as `key change`, and each note in English. */
function told(events: EngineEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'resource' ? [`${e.key} ${e.change}`] : e.type === 'note' ? [e.text.en] : []));
}

describe('day-two addons and add-ons it did not make', () => {
  it(
    'leaves another’s add-on alone with a note, takes one its ledger recorded as its own, and a re-run reports nothing',
    {
      timeout: 180_000,
    },
    async () => {
      const { engine, config, ctx, events } = await sandboxDayTwo(box.sandbox, { clusterName: 'addons-ours', kubectl: false });
      const { clients, ledger } = ctx;
      await engine.up(3);

      // Two add-ons made by someone else, without the tutor's tags; the ledger records the second as its own (an earlier run's).
      for (const addonName of ['coredns', 'kube-proxy']) {
        await clients.eks.send(new CreateAddonCommand({ clusterName: config.clusterName, addonName }));
      }
      const recorded = await clients.eks.send(new DescribeAddonCommand({ clusterName: config.clusterName, addonName: 'kube-proxy' }));
      await ledger.intend(addonKey('kube-proxy'), ADDON_KIND, 5);
      await ledger.created(addonKey('kube-proxy'), recorded.addon!.addonArn!, { name: 'kube-proxy' });

      const made = await createAddons(ctx);
      expect(made.map((a) => [a.name, a.status])).toEqual([
        ['vpc-cni', 'ACTIVE'],
        ['kube-proxy', 'ACTIVE'],
        ['eks-pod-identity-agent', 'ACTIVE'],
      ]);
      expect(told(events).filter((line) => !/^addon\/\S+ (creating|created)$/.test(line))).toEqual([
        'coredns is already an EKS add-on made by someone else: left as it is.',
      ]);
      expect(told(events).filter((line) => line.endsWith(' created'))).toEqual([
        'addon/vpc-cni created',
        'addon/eks-pod-identity-agent created',
      ]);
      expect(ledger.get(addonKey('coredns'))).toBeUndefined();

      // Run again: the same three are found and known, and only the note about the other's add-on is said.
      events.length = 0;
      expect((await createAddons(ctx)).map((a) => a.name)).toEqual(['vpc-cni', 'kube-proxy', 'eks-pod-identity-agent']);
      expect(told(events)).toEqual(['coredns is already an EKS add-on made by someone else: left as it is.']);
    },
  );
});
