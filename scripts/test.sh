#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, then every test of
# the workspace on the real corpus (../shared/corpus or $KEHOACH_CORPUS), the
# store's tests on SQLite and on a PostgreSQL server that scripts/postgres.sh
# installs (Debian's package) and starts; the official report read back by
# python-docx/openpyxl (scripts/python-env.sh, a venv under target/python)
# and converted by LibreOffice (scripts/office.sh); then the browser tests in headless
# Chromium against `kehoach demo` (scripts/browser-test.sh, docs/TESTING.md).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${KEHOACH_CORPUS:-}" ] && [ ! -d ../shared/corpus ]; then
    echo "test.sh: the corpus is missing: put shared/ beside the project or set KEHOACH_CORPUS" >&2
    exit 2
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy --all-targets -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== PostgreSQL for the store's conformance suite"
KEHOACH_TEST_POSTGRES=$(bash scripts/postgres.sh)
export KEHOACH_TEST_POSTGRES KEHOACH_REQUIRE_POSTGRES=1
echo "   $KEHOACH_TEST_POSTGRES"

echo "== readers for the official report's tests (python-docx, openpyxl, LibreOffice, pdftotext)"
KEHOACH_PYTHON=$(bash scripts/python-env.sh)
KEHOACH_SOFFICE=$(bash scripts/office.sh)
export KEHOACH_PYTHON KEHOACH_SOFFICE KEHOACH_REQUIRE_OFFICE=1
echo "   $KEHOACH_PYTHON, $KEHOACH_SOFFICE"

echo "== tests"
if cargo nextest --version >/dev/null 2>&1; then
    cargo nextest run --workspace --locked --no-fail-fast
else
    cargo test --workspace --locked --no-fail-fast
fi

echo "== browser tests (headless Chromium, scripts/browser-test.sh)"
bash scripts/browser-test.sh
