#!/usr/bin/env bash
# bench/run.sh — privlint's benchmark (issue 8), one command:
#
#   bench/run.sh [--repo PATH] [--base LINES] [--sizes 1,4,16] [--runs N] [--no-rg] [--no-semgrep]
#                [--semgrep-max-lines N] [--output FILE]
#
# Builds privlint in release mode (unless PRIVLINT_BIN points at a binary), installs what it needs
# (GNU time and ripgrep with apt-get, semgrep into a venv from PyPI), generates synthetic corpora
# at 1x/4x/16x of --base lines (bench/gen_corpus.py, cached under $BENCH_DIR), and runs
# bench/bench.py: timings of `check` and `inventory` at --jobs 1 and 2, recall against the planted
# answer key (bench/check_recall.py), output identity across --jobs, `check --staged` with one
# staged file, and the rg -F floor and semgrep on the same files. With --repo PATH it times that
# checkout instead of the corpora. Prints a Markdown report; exits 1 if recall or determinism fail.
#
# Environment: PRIVLINT_BIN (skip the build), BENCH_DIR (cache, default ${TMPDIR:-/tmp}/privlint-bench).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/privlint-bench}"
mkdir -p "$BENCH_DIR"

use_rg=1 use_semgrep=1 pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-rg) use_rg=0 ;;
    --no-semgrep) use_semgrep=0 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) pass+=("$1") ;;
  esac
  shift
done

say() { echo "bench: $*" >&2; }

apt_install() {  # apt_install PACKAGE: as root, or through sudo when available
  local sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo"
  say "installing $1 with apt-get"
  $sudo apt-get install -y -q "$1" >/dev/null 2>&1 ||
    { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "$1" >/dev/null 2>&1; }
}

# 1. privlint, built from this checkout unless PRIVLINT_BIN is set.
if [ -n "${PRIVLINT_BIN:-}" ]; then
  BIN="$PRIVLINT_BIN"
  say "using PRIVLINT_BIN=$BIN (not building)"
else
  say "cargo build --release"
  (cd "$ROOT" && cargo build --release --quiet)
  BIN="$ROOT/target/release/privlint"
fi
[ -x "$BIN" ] || { say "no privlint binary at $BIN"; exit 2; }

# 2. GNU time (for peak RSS) and ripgrep.
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  apt_install time
  /usr/bin/time -v true >/dev/null 2>&1 || { say "GNU time is required (apt-get install time)"; exit 2; }
fi
RG=""
if [ "$use_rg" = 1 ]; then
  command -v rg >/dev/null || apt_install ripgrep || true
  RG="$(command -v rg || true)"
  [ -n "$RG" ] || say "ripgrep unavailable: skipping the rg floor"
fi

# 3. semgrep, in its own venv (offline at run time: local rules, --metrics=off).
SEMGREP=""
if [ "$use_semgrep" = 1 ]; then
  VENV="$BENCH_DIR/semgrep-venv"
  if [ ! -x "$VENV/bin/semgrep" ]; then
    say "installing semgrep into $VENV"
    { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q semgrep; } >"$BENCH_DIR/semgrep-install.log" 2>&1 ||
      say "semgrep install failed (see $BENCH_DIR/semgrep-install.log): skipping semgrep"
  fi
  [ -x "$VENV/bin/semgrep" ] && SEMGREP="$VENV/bin/semgrep"
fi

# 4. The measurements and the report.
args=(--privlint "$BIN" --cache "$BENCH_DIR" --command "bench/run.sh${pass[*]:+ ${pass[*]}}")
[ -n "$RG" ] && args+=(--rg "$RG")
[ -n "$SEMGREP" ] && args+=(--semgrep "$SEMGREP")
exec python3 "$HERE/bench.py" "${args[@]}" "${pass[@]}"
