#!/usr/bin/env bash
# Runs listlint for the GitHub Action: optional fixes, annotations (--format github), the job
# summary, the step outputs, an optional SARIF file, and the exit status the fail-on input
# asks for. It runs in the workspace, as the action's run step does.
#
# Inputs reach this script only through the environment (action.yml sets them from the
# action inputs), never as shell text:
#   LISTLINT_BIN           the listlint binary (from the build step); default: listlint on PATH
#   LISTLINT_PATHS         files or folders, separated by spaces or newlines; default "."
#   LISTLINT_CONFIG        configuration file, or empty
#   LISTLINT_ARGS          extra flags, separated by spaces or newlines
#   LISTLINT_ONLY_CHANGED  auto | true | false
#   LISTLINT_FAIL_ON       error | warning | never
#   LISTLINT_FIX           true | false
#   LISTLINT_SARIF_FILE    where to write SARIF, or empty
#   LISTLINT_PR_BASE       github.event.pull_request.base.sha (empty outside pull requests)
#   LISTLINT_PUSH_BEFORE   github.event.before (push events)
# and the runner's GITHUB_EVENT_NAME, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP.
#
# Exit status: 0 or 1 as fail-on decides; 2 for a bad input, unreadable files or a failed git
# fetch, whatever fail-on says.
#
# Plain bash 3.2 (macOS) features only; no eval, and no word of any input is expanded as a glob.
set -o pipefail

# esc makes a value safe inside a workflow command's message.
esc() {
  local s="$1"
  s="${s//%/%25}"
  s="${s//$'\r'/%0D}"
  s="${s//$'\n'/%0A}"
  printf '%s' "$s"
}

# fail reports a problem with the action's inputs or set-up and exits with status 2.
fail() {
  echo "::error title=listlint action::$(esc "$1")"
  exit 2
}

# lower prints its argument in lower case, without surrounding blanks.
lower() {
  printf '%s' "$1" | tr '[:upper:]' '[:lower:]' | tr -d ' \t\r\n'
}

bin="${LISTLINT_BIN:-}"
if [ -z "$bin" ]; then
  bin="$(command -v listlint)" || fail "listlint is not on PATH and LISTLINT_BIN is not set"
fi

# Split paths and args at blanks and newlines. read does no glob, quote or $ expansion.
paths=()
IFS=$' \t\r\n' read -r -d '' -a paths <<<"${LISTLINT_PATHS:-}"
if [ "${#paths[@]}" -eq 0 ]; then
  paths=(.)
fi
extra=()
IFS=$' \t\r\n' read -r -d '' -a extra <<<"${LISTLINT_ARGS:-}"

# Flags in args that would take the action's own report away (to a file, to other lines)
# or end the flags early are refused; the action has an input for each of these.
for a in ${extra[@]+"${extra[@]}"}; do
  case "$a" in
    -- | --output | --output=* | -output | -output=* | --summary* | -summary* | --counts* | -counts* | \
      --new-from-* | -new-from-* | --fix | --fix=* | -fix | -fix=* | --diff* | -diff* | -)
      fail "args: $a is not allowed here (the action sets it: use the inputs fix, sarif-file or only-changed)"
      ;;
  esac
done

only_changed="$(lower "${LISTLINT_ONLY_CHANGED:-auto}")"
fail_on="$(lower "${LISTLINT_FAIL_ON:-error}")"
fix="$(lower "${LISTLINT_FIX:-false}")"
case "$only_changed" in auto | true | false) ;; *) fail "only-changed must be auto, true or false, not \"$LISTLINT_ONLY_CHANGED\"" ;; esac
case "$fail_on" in error | warning | never) ;; *) fail "fail-on must be error, warning or never, not \"$LISTLINT_FAIL_ON\"" ;; esac
case "$fix" in true | false) ;; *) fail "fix must be true or false, not \"$LISTLINT_FIX\"" ;; esac

# The flags every run shares. They come first, so that the action's own flags (--format,
# --output, --counts, --summary) win over the same flags in args.
common=()
if [ -n "${LISTLINT_CONFIG:-}" ]; then
  common+=(--config "$LISTLINT_CONFIG")
fi
if [ "${#extra[@]}" -gt 0 ]; then
  common+=("${extra[@]}")
fi

# The commit whose changes count when only changed lines are reported.
base=""
event="${GITHUB_EVENT_NAME:-}"
case "$only_changed" in
  auto)
    case "$event" in
      pull_request | pull_request_target)
        base="${LISTLINT_PR_BASE:-}"
        [ -n "$base" ] || fail "only-changed: no pull_request.base.sha in the $event event"
        ;;
    esac
    ;;
  true)
    base="${LISTLINT_PR_BASE:-}"
    if [ -z "$base" ]; then
      case "${LISTLINT_PUSH_BEFORE:-}" in
        "" | *[!0]*) base="${LISTLINT_PUSH_BEFORE:-}" ;; # all zeros: a new branch, no commit before
      esac
    fi
    [ -n "$base" ] || fail "only-changed: true needs a pull request event, or a push to a branch that had a commit before"
    ;;
esac
if [ -n "$base" ]; then
  case "$base" in
    *[!0-9a-fA-F]*) fail "only-changed: \"$base\" is not a commit hash" ;;
  esac
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 ||
    fail "only-changed needs a git checkout of the repository (actions/checkout), or set only-changed: false"
  if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
    echo "Fetching the base commit $base"
    git fetch --no-tags --quiet --depth=1 origin "$base" ||
      fail "only-changed: cannot fetch the base commit $base; check out with fetch-depth: 0, or set only-changed: false"
  fi
  echo "Reporting only the lines changed since $base"
fi

tmp="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/listlint.XXXXXX")" || fail "cannot make a temporary folder"
trap 'rm -rf "$tmp"' EXIT

if [ "$fix" = true ]; then
  echo "::group::listlint --fix"
  "$bin" "${common[@]}" --fix -- "${paths[@]}"
  rc=$?
  echo "::endgroup::"
  if [ "$rc" -ge 2 ]; then
    echo "::error title=listlint action::listlint --fix failed (exit status $rc)"
    exit "$rc"
  fi
fi

# The report: annotations and plain lines in the log, the job summary, the step outputs.
report=(--format github --counts "$tmp/counts")
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  report+=(--summary "$GITHUB_STEP_SUMMARY")
fi
if [ -n "$base" ]; then
  report+=(--new-from-rev "$base")
fi
"$bin" "${common[@]}" "${report[@]}" -- "${paths[@]}"
rc=$?

# SARIF for code scanning holds every problem, not only those on changed lines: code scanning
# compares the uploads itself.
if [ -n "${LISTLINT_SARIF_FILE:-}" ]; then
  mkdir -p "$(dirname "$LISTLINT_SARIF_FILE")"
  "$bin" "${common[@]}" --format sarif --output "$LISTLINT_SARIF_FILE" -- "${paths[@]}" >/dev/null
  src=$?
  if [ "$src" -ge 2 ] || [ ! -f "$LISTLINT_SARIF_FILE" ]; then
    echo "::error title=listlint action::cannot write the SARIF file $(esc "$LISTLINT_SARIF_FILE") (exit status $src)"
    [ "$rc" -ge 2 ] || rc=2
  else
    echo "SARIF report: $LISTLINT_SARIF_FILE"
  fi
fi

errors=0
warnings=0
if [ -f "$tmp/counts" ]; then
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    # Only the outputs action.yml declares.
    grep -E '^(problems|errors|warnings|fixable|files)=' "$tmp/counts" >>"$GITHUB_OUTPUT"
  fi
  errors="$(sed -n 's/^errors=//p' "$tmp/counts" | tail -n 1)"
  warnings="$(sed -n 's/^warnings=//p' "$tmp/counts" | tail -n 1)"
fi

if [ "$rc" -ge 2 ]; then
  exit "$rc"
fi
case "$fail_on" in
  never) exit 0 ;;
  warning)
    if [ "$rc" -ne 0 ] || [ "${warnings:-0}" -gt 0 ]; then
      echo "listlint: fail-on: warning, and errors=${errors:-0} warnings=${warnings:-0}"
      exit 1
    fi
    ;;
  error)
    if [ "$rc" -ne 0 ]; then
      echo "listlint: fail-on: error, and errors=${errors:-0}"
      exit 1
    fi
    ;;
esac
exit 0
