#!/usr/bin/env bash
# Ralph, a Learning Record Store, in its own virtual environment (.venv-ralph): the xAPI
# tests (tests/test_xapi_ralph.py) and `python -m bench records` start it on 127.0.0.1.
# Ralph pins its own dependencies, so it never shares the app's environment.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
VENV="${RALPH_VENV:-.venv-ralph}"
if [ -x "$VENV/bin/ralph" ] && "$VENV/bin/python" -c "import ralph" 2>/dev/null; then
    exit 0
fi
"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet 'ralph-malph[lrs,cli]==5.1.0' 'requests>=2.31'
