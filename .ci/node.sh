# Sourced by .ci/run: the build lints every service's OpenAPI document with Redocly CLI run by npx (module
# api-docs, docs/decisions.md 78). Installs Node.js and npm when npx is missing and apt can (CI runs as root),
# and makes the lint required, so that CI fails rather than skips it when npx is still missing.

node_ok() {
  command -v npx >/dev/null 2>&1 && command -v node >/dev/null 2>&1 \
    && node -e 'const [a, b] = process.versions.node.split(".").map(Number);
                process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null
}

if ! command -v npx >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing nodejs and npm for the OpenAPI lint…"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm \
           || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                  nodejs npm; }; } >/tmp/senim-node-install.log 2>&1; then
    echo "Could not install Node.js (see /tmp/senim-node-install.log): the OpenAPI lint will fail." >&2
  fi
fi
if node_ok; then
  echo "Node.js $(node --version), npm $(npm --version): the OpenAPI documents are linted."
else
  echo "Node.js 20.19 or newer with npx is needed to lint the OpenAPI documents (found: $(node --version 2>/dev/null || echo none))." >&2
fi
# Without npx the api-docs module fails instead of skipping the lint with a warning.
export SENIM_API_LINT=required
