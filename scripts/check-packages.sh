#!/usr/bin/env bash
# What the registry would get, checked with the ecosystem's tools: each package is packed as
# `pnpm publish` packs it (publishConfig applied), then linted by publint (suggestions fail too)
# and by Are the Types Wrong in every resolution mode (node10, node16 from CJS and ESM, bundler).
# Needs the built packages (`pnpm build`).
set -euo pipefail
cd "$(dirname "$0")/.."

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for dir in packages/*/; do
  # A private package (the tests' shared support) is never published: nothing to check.
  node -e 'process.exit(require(process.argv[1]).private ? 1 : 0)' "$PWD/$dir/package.json" || continue
  (cd "$dir" && pnpm pack --pack-destination "$out" >/dev/null)
done
for tarball in "$out"/*.tgz; do
  name="$(basename "$tarball" .tgz)"
  pnpm exec publint run --strict --level suggestion "$tarball" >"$out/$name.publint" 2>&1 ||
    { cat "$out/$name.publint"; exit 1; }
  pnpm exec attw "$tarball" --profile strict --format ascii >"$out/$name.attw" 2>&1 ||
    { cat "$out/$name.attw"; exit 1; }
  echo "check-packages: $name: publint and attw clean"
done
