#!/usr/bin/env bash
# A Python virtual environment under target/python with the independent
# readers the export tests use: python-docx (the official report's .docx),
# openpyxl (its .xlsx appendix), pysdmx with its data extra (the SDMX-CSV)
# and frictionless (the Open SDG data files), pinned, from PyPI. Idempotent: an
# environment that already holds these versions is reused. Prints the
# environment's python on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${KEHOACH_PYTHON_VENV:-target/python}
REQUIREMENTS=(python-docx==1.1.2 openpyxl==3.1.5 "pysdmx[data]==1.21.0" frictionless==5.21.0)
PYTHON=${PYTHON:-python3}

say() { echo "python-env.sh: $*" >&2; }

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    say "no $PYTHON on PATH: install python3 and python3-venv (Debian) first"
    exit 2
fi

STAMP="$VENV/.kehoach-requirements"
wanted="${REQUIREMENTS[*]}"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$wanted" ]; then
    started=$(date +%s)
    say "creating $VENV with $wanted"
    if ! "$PYTHON" -m venv --clear "$VENV" >&2; then
        say "$PYTHON cannot make a virtual environment: install python3-venv (Debian) first"
        exit 2
    fi
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${REQUIREMENTS[@]}" >&2
    echo "$wanted" > "$STAMP"
    say "ready in $(( $(date +%s) - started )) s"
fi
echo "$(cd "$VENV/bin" && pwd)/python"
