#!/usr/bin/env bash
# Rebuild Lantern's compiled front end from npm packages.
#
# The output is committed (see docs/adr/0001-govuk-frontend-compiled-and-committed.md), so only
# run this when changing frontend/src/ or upgrading a package, then commit what it produces:
#   static/lantern/                 CSS, GOV.UK Frontend JS, images, GOV.UK Frontend licence
#   tests/functional/vendor/        axe-core for the browser tests' accessibility scans
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
static="$root/static/lantern"
vendor="$root/tests/functional/vendor"
govuk="$here/node_modules/govuk-frontend/dist/govuk"
axe="$here/node_modules/axe-core"

cd "$here"

# Exactly the versions in package-lock.json. No install scripts: nothing we use needs one
# (sass's optional file watcher is the only package that has one).
npm ci --ignore-scripts --no-audit --no-fund

# GOV.UK Frontend's npm package ships no licence file; ours is its LICENSE.txt from GitHub.
# Stop if the package's declared licence ever changes, so the copy is checked again.
licence="$(node -p 'require("govuk-frontend/package.json").license')"
if [[ "$licence" != "MIT" ]]; then
    echo "govuk-frontend now declares licence '$licence': update licences/ and this check." >&2
    exit 1
fi

rm -rf "$static"
mkdir -p "$static/assets/images" "$vendor"

npx sass --load-path=node_modules --style=compressed --no-source-map \
    src/lantern.scss "$static/lantern.css"

# GOV.UK Frontend's ES module bundle, loaded with <script type="module">. We do not ship the
# source map, so drop its reference (Django's manifest storage fails on a missing map file).
sed '/^\/\/# sourceMappingURL=/d; s|//# sourceMappingURL=[^ ]*$||' \
    "$govuk/govuk-frontend.min.js" >"$static/govuk-frontend.min.js"

# Images: only Lantern's own favicon. GOV.UK Frontend's favicons and icons are the crown,
# which only GOV.UK services may use, and its fonts are GDS Transport (we use Arial).
cp src/images/favicon.svg "$static/assets/images/favicon.svg"

cp licences/GOVUK-FRONTEND-LICENCE.txt "$static/GOVUK-FRONTEND-LICENCE.txt"

# axe-core for the browser tests (never served to users).
cp "$axe/axe.min.js" "$vendor/axe.min.js"
cp "$axe/LICENSE" "$vendor/AXE-CORE-LICENSE.txt"

# Fail loudly if the CSS ever starts pointing at a file (font or image) we did not copy.
urls="$(grep -o 'url([^)]*)' "$static/lantern.css" || true)"
if [[ -n "$urls" ]]; then
    echo "lantern.css now references files; copy them into static/lantern/ and update this check:" >&2
    echo "$urls" >&2
    exit 1
fi

echo "Built $(node -p 'require("govuk-frontend/package.json").version') into ${static#"$root"/}"
