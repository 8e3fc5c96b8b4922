#!/usr/bin/env bash
# Installs what the end-to-end tests need from Debian's packages, only when missing: Chromium,
# Firefox ESR, a Japanese font (the screenshots and the rendered-text checks need real glyphs) and
# Xvfb (tests/e2e/toolbar.test.ts runs Chromium headed on a virtual display to see its toolbar),
# and Chromium's translations (chromium-l10n: without them `--lang=ja` still shows Chromium's own
# menus, tooltips and error pages in English, so the Japanese screenshots would mix languages).
# Run by `npm test` (its `pretest` step) and by .ci/run, so a fresh machine needs no manual step.
# Exits non-zero only when something was missing and could not be installed.
set -uo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)
[ -x /usr/bin/Xvfb ] || need+=(xvfb)
[ -f /usr/lib/chromium/locales/ja.pak ] || need+=(chromium-l10n)
# No -q on grep: with pipefail an early exit would SIGPIPE fc-list.
fc-list 2>/dev/null | grep -i 'IPAPGothic\|IPAGothic' >/dev/null || need+=(fonts-ipafont-gothic)
[ "${#need[@]}" -eq 0 ] && exit 0
echo "system-deps: installing ${need[*]} with apt-get"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "system-deps: not root and no sudo: install ${need[*]} with apt-get, then run again" >&2
    exit 1
  fi
fi
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
