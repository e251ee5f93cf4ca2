/**
 * Kubernetes versions on EKS from AWS's published calendar: each version's
 * status (standard support, extended support, unsupported) follows from the
 * date, so the sandbox is right on any day. Standard support lasts 14 months
 * from release and extended support 12 more.
 */

export type VersionStatus = 'STANDARD_SUPPORT' | 'EXTENDED_SUPPORT' | 'UNSUPPORTED';

export interface CalendarVersion {
  version: string;
  patch: string;
  releaseDate: string;
  endOfStandardSupportDate: string;
  endOfExtendedSupportDate: string;
}

/** Newest first. 1.36's release day is approximate (June 2026). */
export const EKS_CALENDAR: readonly CalendarVersion[] = [
  {
    version: '1.36',
    patch: '1.36.1',
    releaseDate: '2026-06-11',
    endOfStandardSupportDate: '2027-08-11',
    endOfExtendedSupportDate: '2028-08-11',
  },
  {
    version: '1.35',
    patch: '1.35.3',
    releaseDate: '2026-01-28',
    endOfStandardSupportDate: '2027-03-28',
    endOfExtendedSupportDate: '2028-03-28',
  },
  {
    version: '1.34',
    patch: '1.34.6',
    releaseDate: '2025-10-02',
    endOfStandardSupportDate: '2026-12-02',
    endOfExtendedSupportDate: '2027-12-02',
  },
  {
    version: '1.33',
    patch: '1.33.9',
    releaseDate: '2025-05-29',
    endOfStandardSupportDate: '2026-07-29',
    endOfExtendedSupportDate: '2027-07-29',
  },
  {
    version: '1.32',
    patch: '1.32.13',
    releaseDate: '2025-01-23',
    endOfStandardSupportDate: '2026-03-23',
    endOfExtendedSupportDate: '2027-03-23',
  },
  {
    version: '1.31',
    patch: '1.31.14',
    releaseDate: '2024-09-26',
    endOfStandardSupportDate: '2025-11-26',
    endOfExtendedSupportDate: '2026-11-26',
  },
  {
    version: '1.30',
    patch: '1.30.14',
    releaseDate: '2024-05-23',
    endOfStandardSupportDate: '2025-07-23',
    endOfExtendedSupportDate: '2026-07-23',
  },
  {
    version: '1.29',
    patch: '1.29.15',
    releaseDate: '2024-01-23',
    endOfStandardSupportDate: '2025-03-23',
    endOfExtendedSupportDate: '2026-03-23',
  },
];

const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** A version's status on the day `now` falls in; undefined before its release. */
export function versionStatus(v: CalendarVersion, now: number): VersionStatus | undefined {
  if (now < dayMs(v.releaseDate)) return undefined;
  if (now >= dayMs(v.endOfExtendedSupportDate)) return 'UNSUPPORTED';
  if (now >= dayMs(v.endOfStandardSupportDate)) return 'EXTENDED_SUPPORT';
  return 'STANDARD_SUPPORT';
}

/** The versions released by `now`, newest first, with their status that day. */
export function versionsOn(now: number): (CalendarVersion & { versionStatus: VersionStatus })[] {
  return EKS_CALENDAR.flatMap((v) => {
    const status = versionStatus(v, now);
    return status ? [{ ...v, versionStatus: status }] : [];
  });
}

/** What CreateCluster uses when no version is given: the newest version in standard support. */
export function defaultVersionOn(now: number): string {
  return (versionsOn(now).find((v) => v.versionStatus === 'STANDARD_SUPPORT') ?? EKS_CALENDAR[0]!).version;
}

/** Whether CreateCluster may make a cluster of `version` on that day. */
export function creatableOn(version: string, now: number): boolean {
  const status = versionsOn(now).find((v) => v.version === version)?.versionStatus;
  return status === 'STANDARD_SUPPORT' || status === 'EXTENDED_SUPPORT';
}

const epochSeconds = (date: string): number => dayMs(date) / 1000;

const LEGACY_STATUS: Record<VersionStatus, string> = {
  STANDARD_SUPPORT: 'standard-support',
  EXTENDED_SUPPORT: 'extended-support',
  UNSUPPORTED: 'unsupported',
};

/** DescribeClusterVersions in the shape EKS answers (timestamps as epoch seconds). */
export function describeClusterVersions(query: URLSearchParams, now: number): { clusterVersions: Record<string, unknown>[] } {
  const wanted = query
    .getAll('clusterVersions')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  const defaultOnly = query.get('defaultOnly') === 'true';
  const includeAll = query.get('includeAll') === 'true';
  const statusFilter = query.get('versionStatus');
  const legacyFilter = query.get('status');
  const defaultVersion = defaultVersionOn(now);
  const clusterVersions = versionsOn(now)
    .filter((v) => {
      if (defaultOnly && v.version !== defaultVersion) return false;
      if (wanted.length > 0 && !wanted.includes(v.version)) return false;
      if (statusFilter && statusFilter !== v.versionStatus) return false;
      if (legacyFilter && legacyFilter !== LEGACY_STATUS[v.versionStatus]) return false;
      // Past its extended support a version is listed only when asked for: by name, by status, or with includeAll.
      const asked = wanted.length > 0 || includeAll || statusFilter === 'UNSUPPORTED' || legacyFilter === 'unsupported';
      if (v.versionStatus === 'UNSUPPORTED' && !asked) return false;
      return true;
    })
    .map((v) => ({
      clusterVersion: v.version,
      clusterType: 'eks',
      defaultPlatformVersion: 'eks.9',
      defaultVersion: v.version === defaultVersion,
      releaseDate: epochSeconds(v.releaseDate),
      endOfStandardSupportDate: epochSeconds(v.endOfStandardSupportDate),
      endOfExtendedSupportDate: epochSeconds(v.endOfExtendedSupportDate),
      status: LEGACY_STATUS[v.versionStatus],
      versionStatus: v.versionStatus,
      kubernetesPatchVersion: v.patch,
    }));
  return { clusterVersions };
}
