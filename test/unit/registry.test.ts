import { describe, expect, it } from 'vitest';
import type { Found } from '../../src/aws/resources/found.js';
import { KINDS, LEFT_BY_THE_CLUSTER, stepOf } from '../../src/aws/resources/kinds.js';
import { RESOURCES, deleteOrder } from '../../src/aws/resources/registry.js';
import { STEP_ORDER } from '../../src/aws/step-order.js';
import { STEPS_DEFINED } from '../../src/aws/steps/definition/index.js';

describe('the registry, read from the steps’ definitions', () => {
  it('lists the steps in the order they build the cluster, each loading the body of its own number', async () => {
    expect(STEPS_DEFINED.map((d) => d.number)).toEqual([...STEP_ORDER]);
    for (const definition of STEPS_DEFINED) {
      const body = await definition.load();
      expect([body.number, body.id]).toEqual([definition.number, definition.id]);
    }
  });

  it('knows every kind a step lists, once, and a kind whose key names a step is listed by that step', () => {
    const listed = STEPS_DEFINED.flatMap((d) => [...d.kinds, ...d.leftBehind].map((k) => k.kind));
    expect(Object.keys(KINDS).sort()).toEqual([...new Set(listed)].sort());
    for (const [kind, facts] of Object.entries(KINDS))
      for (const key of facts.keys)
        if (key.step) expect(STEPS_DEFINED.find((d) => d.number === key.step)!.kinds.map((k) => k.kind)).toContain(kind);
  });

  it('names the step of a ledger key, and none for what the cluster leaves behind', () => {
    expect([stepOf('role/cluster'), stepOf('subnet/public/0'), stepOf('cluster'), stepOf('kubeconfig'), stepOf('role/node')]).toEqual([
      1, 2, 3, 4, 5,
    ]);
    // Looked for again once the cluster is gone: what Kubernetes and EKS made and AWS keeps after it, not the Services themselves.
    expect(LEFT_BY_THE_CLUSTER).toEqual(expect.arrayContaining(['load-balancer', 'network-interface', 'security-group']));
    expect(LEFT_BY_THE_CLUSTER).not.toContain('kubernetes-service');
    for (const kind of LEFT_BY_THE_CLUSTER) expect(KINDS[kind].keys.every((k) => k.step === undefined)).toBe(true);
  });

  it('finds and deletes in the teardown’s order: the node group before the cluster, the cluster before the VPC, roles last', () => {
    const kinds = RESOURCES.map((r) => r.kind);
    expect(kinds.indexOf('eks-nodegroup')).toBeLessThan(kinds.indexOf('eks-cluster'));
    expect(kinds.indexOf('load-balancer')).toBeGreaterThan(kinds.indexOf('eks-cluster'));
    expect(kinds.indexOf('vpc')).toBeGreaterThan(kinds.indexOf('subnet'));
    expect(kinds).not.toContain('kubernetes-nodes');
    const found: Found[] = (['vpc', 'iam-role', 'eks-cluster', 'subnet'] as const).map((kind) => ({
      key: kind,
      kind,
      id: kind,
      inLedger: true,
      tagged: true,
    }));
    expect(deleteOrder(found).map((f) => f.kind)).toEqual(['eks-cluster', 'subnet', 'vpc', 'iam-role']);
  });
});
