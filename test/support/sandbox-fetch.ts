/**
 * Makes a cluster through the sandbox's AWS endpoint with plain fetch (no SDK,
 * so a bundled runner stays small) and returns its Kubernetes endpoint.
 */
export async function clusterEndpoint(endpointUrl: string, accessKeyId: string, name: string): Promise<string> {
  const headers = {
    'content-type': 'application/json',
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20250101/us-east-1/eks/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
  };
  const created = await fetch(new URL('/clusters', endpointUrl), {
    method: 'POST',
    headers,
    body: JSON.stringify({ name, roleArn: 'arn:aws:iam::123456789012:role/cluster', resourcesVpcConfig: { subnetIds: [] } }),
  });
  if (!created.ok) throw new Error(`CreateCluster answered ${created.status}: ${await created.text()}`);
  const described = await fetch(new URL(`/clusters/${name}`, endpointUrl), { headers });
  const { cluster } = (await described.json()) as { cluster: { endpoint?: string } };
  if (!cluster.endpoint) throw new Error('the cluster has no endpoint yet');
  return cluster.endpoint;
}
