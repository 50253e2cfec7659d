#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; never `playwright install`).
#   infra/chromium.sh install   apt-get install chromium when /usr/bin/chromium is missing
#   infra/chromium.sh status    exit 0 when it is installed (prints its version)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM=/usr/bin/chromium

case "${1:-}" in
  install)
    infra_lock apt
    apt_ensure "$CHROMIUM" chromium
    info "$("$CHROMIUM" --version 2>/dev/null || echo chromium) at $CHROMIUM"
    ;;
  status)
    if [[ -x "$CHROMIUM" ]]; then
      info "$("$CHROMIUM" --version 2>/dev/null || echo chromium) at $CHROMIUM"
    else
      info "not installed (infra/chromium.sh install)"
      exit 3
    fi
    ;;
  *)
    echo "usage: $0 install|status" >&2
    exit 2
    ;;
esac
