#!/usr/bin/env bash
# LibreOffice Writer (headless) and poppler's pdftotext for the official
# report's tests: installs Debian's libreoffice-writer-nogui and poppler-utils
# when they are missing (as root), and prints the soffice path on stdout.
# Without root and without the packages it says what to install and fails.
set -euo pipefail

say() { echo "office.sh: $*" >&2; }

missing() {
    ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1
}

if missing; then
    if [ "$(id -u)" != 0 ]; then
        say "soffice or pdftotext is missing and installing them needs root:"
        say "  apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils"
        exit 2
    fi
    started=$(date +%s)
    say "installing Debian's libreoffice-writer-nogui and poppler-utils (apt-get; a few minutes)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends \
        libreoffice-writer-nogui poppler-utils fonts-liberation >&2
    say "installed in $(( $(date +%s) - started )) s"
fi
if missing; then
    say "apt-get ran but soffice or pdftotext is still missing"
    exit 2
fi
command -v soffice
