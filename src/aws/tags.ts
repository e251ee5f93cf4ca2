/** The tag that marks a resource as this tutor's, and for which cluster name. */
export const CLUSTER_TAG = 'eks-basics-tutor/cluster';
/** The ledger key of the resource: lets a run that was killed find what it created. */
export const KEY_TAG = 'eks-basics-tutor/key';

export interface Tag {
  Key: string;
  Value: string;
}

export function tutorTags(clusterName: string, key: string, name: string): Tag[] {
  return [
    { Key: CLUSTER_TAG, Value: clusterName },
    { Key: KEY_TAG, Value: key },
    { Key: 'Name', Value: name },
  ];
}

/** The same tags as a map, as EKS and IAM-style APIs take them. */
export function tagMap(tags: Tag[]): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
}

export function isOurs(
  tags: ReadonlyArray<{ Key?: string; Value?: string }> | Record<string, string> | undefined,
  clusterName: string,
): boolean {
  if (!tags) return false;
  if (Array.isArray(tags)) return tags.some((t) => t.Key === CLUSTER_TAG && t.Value === clusterName);
  return (tags as Record<string, string>)[CLUSTER_TAG] === clusterName;
}

/** EC2 filters that find this tutor's resource of a given ledger key. */
export function keyFilters(clusterName: string, key: string): { Name: string; Values: string[] }[] {
  return [
    { Name: `tag:${CLUSTER_TAG}`, Values: [clusterName] },
    { Name: `tag:${KEY_TAG}`, Values: [key] },
  ];
}

export function clusterFilter(clusterName: string): { Name: string; Values: string[] }[] {
  return [{ Name: `tag:${CLUSTER_TAG}`, Values: [clusterName] }];
}

/** True when the tags say: this tutor, this cluster name, this ledger key. */
export function hasKeyTags(tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined, clusterName: string, key: string): boolean {
  return Boolean(
    tags?.some((t) => t.Key === CLUSTER_TAG && t.Value === clusterName) && tags.some((t) => t.Key === KEY_TAG && t.Value === key),
  );
}
