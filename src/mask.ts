/**
 * Presenter mode: what must not appear on a projector. Account ids (also inside
 * ARNs), access key ids, EKS endpoint ids and public IPv4 addresses are replaced; private
 * addresses (10/8, 172.16/12, 192.168/16, 127/8) stay, since the lessons talk about them.
 */
const ACCESS_KEY = /\b(AKIA|ASIA|AROA|AIDA|ANPA|AGPA)[A-Z0-9]{12,}\b/g;
const ACCOUNT_ID = /(?<!\d)\d{12}(?!\d)/g;
const IPV4 = /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b/g;
/** An EKS API endpoint's own part: `https://<32 hex>.<shard>.<region>.eks.amazonaws.com`. */
const EKS_ENDPOINT = /\b[0-9A-Fa-f]{32}((?:\.[a-z0-9]+)?\.[a-z0-9-]+\.eks\.amazonaws\.com)/g;

function isPrivate(a: number, b: number): boolean {
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0;
}

export function mask(line: string): string {
  return line
    .replace(ACCESS_KEY, (m) => `${m.slice(0, 4)}************`)
    .replace(ACCOUNT_ID, '************')
    .replace(EKS_ENDPOINT, (_m, rest: string) => `********${rest}`)
    .replace(IPV4, (m, a: string, b: string) => (isPrivate(Number(a), Number(b)) ? m : 'x.x.x.x'));
}

/** The identity function when presenter mode is off. */
export function masker(presenter: boolean): (line: string) => string {
  return presenter ? mask : (line) => line;
}
