/** What the sandbox remembers about each thing it saw, in Memory (timeline.ts); kept as JSON by persist.ts. */

export interface Lived {
  /** When the sandbox saw the create call succeed; absent for things created before it started. */
  createdAt?: number | undefined;
  /** When the sandbox saw the delete call succeed. */
  deletedAt?: number | undefined;
}

/** What CreateCluster asked for that moto forgets. */
export interface ClusterRequestMemo {
  version: string;
  accessConfig: { authenticationMode: string; bootstrapClusterCreatorAdminPermissions: boolean };
  upgradePolicy: { supportType: string };
  serviceIpv4Cidr?: string | undefined;
  /** Whether EKS put in vpc-cni, coredns and kube-proxy as self-managed add-ons (true unless asked otherwise). */
  bootstrapSelfManagedAddons?: boolean | undefined;
}

export interface ClusterMemo extends Lived {
  region: string;
  name: string;
  /** The access key the cluster was created with: moto keeps one account per key. */
  accessKeyId: string;
  request?: ClusterRequestMemo | undefined;
  vpcId?: string | undefined;
  securityGroupId?: string | undefined;
  securityGroupRemoved?: boolean | undefined;
  /** The subnets CreateCluster named. */
  subnetIds?: string[] | undefined;
  /** The ENIs EKS put in the cluster subnets once the control plane was up (lingering-enis). */
  networkInterfaceIds?: string[] | undefined;
  /** The cluster as last described, kept to answer while it is being deleted. */
  lastSeen?: Record<string, unknown> | undefined;
  /** The version an UpdateClusterVersion that has finished moved the cluster to. */
  upgradedVersion?: string | undefined;
}

export interface NodegroupRequestMemo {
  version?: string | undefined;
  releaseVersion?: string | undefined;
  amiType?: string | undefined;
  remoteAccess: boolean;
}

export interface NodegroupMemo extends Lived {
  region: string;
  clusterName: string;
  name: string;
  request?: NodegroupRequestMemo | undefined;
  lastSeen?: Record<string, unknown> | undefined;
  /** The version (and AMI release) an UpdateNodegroupVersion that has finished moved the node group to. */
  upgradedVersion?: string | undefined;
  upgradedReleaseVersion?: string | undefined;
}

/** An EKS add-on made through the API (CreateAddon); moto has none. */
export interface AddonMemo extends Lived {
  region: string;
  clusterName: string;
  addonName: string;
  addonVersion: string;
  addonArn: string;
  serviceAccountRoleArn?: string | undefined;
  configurationValues?: string | undefined;
  tags: Record<string, string>;
}

/** An access policy associated with an access entry. */
export interface AccessPolicyMemo {
  policyArn: string;
  accessScope: { type: string; namespaces?: string[] | undefined };
  associatedAt: number;
}

/** An access entry of a cluster (CreateAccessEntry, or the creator's own). */
export interface AccessEntryMemo {
  region: string;
  clusterName: string;
  principalArn: string;
  accessEntryArn: string;
  kubernetesGroups: string[];
  username: string;
  type: string;
  tags: Record<string, string>;
  createdAt: number;
  policies: AccessPolicyMemo[];
}

/** An UpdateClusterVersion or UpdateNodegroupVersion: InProgress until its time is up, then Successful. */
export interface UpdateMemo {
  region: string;
  clusterName: string;
  nodegroupName?: string | undefined;
  id: string;
  createdAt: number;
  /** The version it moves the cluster or node group to. */
  version: string;
  releaseVersion?: string | undefined;
  params: { type: string; value: string }[];
  /** Set once the settler has moved the cluster or node group to `version`. */
  applied?: boolean | undefined;
}

export interface NatGatewayMemo extends Lived {
  region: string;
  id: string;
  accessKeyId: string;
  /** EIP associations to undo once the NAT gateway is really deleted, as AWS does. */
  associationIds: string[];
  addressesReleased?: boolean | undefined;
}

/** A resource the sandbox saw being created, for eventual consistency: it is missed once, soon after. */
export interface FreshResource {
  id: string;
  createdAt: number;
  missed: boolean;
}

/** What a client token was first used for: the request's fingerprint and what it answered. */
export interface TokenMemo {
  fingerprint: string;
  /** EC2: the XML answered the first time. EKS: where to find the resource again. */
  answer: string;
}

/** Credentials the sandbox handed out (STS AssumeRole, IAM CreateAccessKey): moto's dummies, kept to check Kubernetes tokens. */
export interface IssuedCredentialMemo {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  /** Who STS says signs with them (an assumed-role session's ARN, or the user's). */
  arn: string;
  /** The IAM principal access entries name: the role of an assumed-role session. */
  principalArn: string;
  issuedAt: number;
}
