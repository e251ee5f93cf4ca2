import { field } from './kube-columns.js';
import type { KubeObject } from './kube-objects.js';

/** The selectors of a list or watch: `?labelSelector=` and `?fieldSelector=`, as the API server reads them. */

/** `a=b`, `a==b`, `a!=b`, `a`, `!a`, comma-separated. */
function matchesLabels(object: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  const labels = (object.metadata.labels as Record<string, string> | undefined) ?? {};
  return selector.split(',').every((term) => {
    const t = term.trim();
    if (!t) return true;
    const m = /^([^!=]+?)\s*(!=|==|=)\s*(.*)$/.exec(t);
    if (m) return m[2] === '!=' ? labels[m[1]!] !== m[3] : labels[m[1]!] === m[3];
    return t.startsWith('!') ? !(t.slice(1) in labels) : t in labels;
  });
}

/** Field selectors on any dotted path (`spec.nodeName`, `status.phase`, `involvedObject.uid`). */
function matchesFields(object: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const m = /^([\w.]+)\s*(!=|==|=)\s*(.*)$/.exec(term.trim());
    if (!m) return true;
    const value = String(field(object, m[1]!.split('.')) ?? '');
    return m[2] === '!=' ? value !== m[3] : value === m[3];
  });
}

/** The objects in `namespace` (all of them when undefined) that both selectors of `query` pick. */
export function select(objects: KubeObject[], namespace: string | undefined, query: URLSearchParams): KubeObject[] {
  return objects
    .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
    .filter((o) => matchesLabels(o, query.get('labelSelector')) && matchesFields(o, query.get('fieldSelector')));
}
