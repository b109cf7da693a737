#!/usr/bin/env bash
# Builds listlint for the action: from the action's own checkout (so the version is the
# action ref), or with go install when the version input names a module version.
# Input (from action.yml, through env only): LISTLINT_VERSION.
# Writes the binary's path as the step output "bin" and puts its folder on GITHUB_PATH.
set -euo pipefail

dir="${RUNNER_TEMP:?RUNNER_TEMP is not set}/listlint"
mkdir -p "$dir"
bin="$dir/listlint$(go env GOEXE)"
version="${LISTLINT_VERSION:-}"

if [ -n "$version" ]; then
  case "$version" in
    -* | *[[:space:]]*)
      echo "::error title=listlint action::version input \"$version\" is not a module version"
      exit 2
      ;;
  esac
  echo "go install github.com/listlint/listlint/cmd/listlint@$version"
  # Outside the action's module, so that its go.mod plays no part.
  (cd "$dir" && GOBIN="$dir" go install "github.com/listlint/listlint/cmd/listlint@$version")
else
  # GitHub downloads an action without .git, so the build cannot find its own version:
  # stamp the action's ref (v1.2.0, main, a sha) when it looks like one.
  ldflags=()
  ref="${GITHUB_ACTION_REF:-}"
  case "$ref" in
    "" | -* | *[!A-Za-z0-9._/+-]*) ;;
    *) ldflags=(-ldflags "-X github.com/listlint/listlint/cli.version=$ref") ;;
  esac
  echo "go build ./cmd/listlint (from $GITHUB_ACTION_PATH${ref:+, ref $ref})"
  (cd "$GITHUB_ACTION_PATH" && go build ${ldflags[@]+"${ldflags[@]}"} -o "$bin" ./cmd/listlint)
fi
"$bin" --version

echo "bin=$bin" >>"$GITHUB_OUTPUT"
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$dir" >>"$GITHUB_PATH"
fi
