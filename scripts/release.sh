#!/usr/bin/env bash
# The release: pending changesets become versions and CHANGELOG entries, then the public packages (every packages/* one not "private") are
# built, checked and published with provenance. CI runs it with the publish token (and the OIDC
# identity provenance needs); `.ci/run` runs it with --dry-run to prove it works.
#
#   scripts/release.sh             version, build, publish
#   scripts/release.sh --dry-run   the same on a scratch copy of the repo: nothing is changed here,
#                                  nothing is uploaded (pnpm publish --dry-run)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--dry-run" ]; then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  # Everything but the dependencies (linked back in: the copy installs nothing) and build output.
  tar --exclude=./node_modules --exclude='./packages/*/dist' --exclude='./apps/*/dist' -cf - . | tar -xf - -C "$scratch"
  ln -s "$PWD/node_modules" "$scratch/node_modules"
  cd "$scratch"
  publish=(--dry-run --no-git-checks)
else
  publish=()
fi

pnpm changeset version >/dev/null
# changeset version rewrites package.json versions; the lockfile follows them.
pnpm install --lockfile-only --no-frozen-lockfile --silent
pnpm build
if [ ${#publish[@]} -gt 0 ]; then
  # A dry run's npm notices (every file of every tarball) only matter when it fails.
  pnpm publish -r --provenance --access public --report-summary "${publish[@]}" >publish.log 2>&1 ||
    { cat publish.log; exit 1; }
else
  pnpm publish -r --provenance --access public --report-summary
fi

# What was (or, in a dry run, would have been) published.
node -e '
  const summary = require("./pnpm-publish-summary.json");
  for (const { name, version } of summary.publishedPackages) console.log(`release: ${name}@${version}`);
  const fs = require("node:fs");
  const expected = fs.readdirSync("packages").filter((dir) => {
    const file = `packages/${dir}/package.json`;
    return fs.existsSync(file) && !JSON.parse(fs.readFileSync(file, "utf8")).private;
  });
  if (summary.publishedPackages.length !== expected.length)
    throw new Error(`expected the ${expected.length} public packages, got ${summary.publishedPackages.length}`);
'
