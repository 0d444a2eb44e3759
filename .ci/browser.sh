# Sourced by .ci/run: the browser journeys (e2e, Portal*Journey) drive Debian's headless Chromium through
# chromium-driver. Installs both when missing and apt can (CI runs as root); otherwise the journeys skip
# themselves with a message saying so.

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "Browser: $(chromium --version 2>/dev/null | head -1), $(chromedriver --version 2>/dev/null | head -1)"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium and chromium-driver for the browser journeys…"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver \
           || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                  chromium chromium-driver; }; } >/tmp/senim-browser-install.log 2>&1; then
    echo "Could not install Chromium (see /tmp/senim-browser-install.log): the browser journeys will be skipped." >&2
  fi
else
  echo "No chromium/chromedriver and no way to install them here: the browser journeys will be skipped." >&2
fi
