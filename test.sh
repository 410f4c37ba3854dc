#!/usr/bin/env bash
# Runs every LiveStreamX test: .NET (grains, Api and hub over Kestrel, browser) and the web client's unit tests.
# On a fresh Debian machine it first installs what the tests need: redis-server and chromium through apt, and the
# web client's npm packages (npm ci, run by the Api's build). The tests start their own redis-server and Api
# nodes on free loopback ports and stop them. Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# promtool checks the alert rules and Prometheus configuration of deploy/observability.
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (apt)..."
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq || exit 1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || exit 1
fi
for tool in dotnet node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required (the .NET 10 SDK and Node 20 with npm)."; exit 1; }
done

log_dir=$(mktemp -d)
passed=0
failed=0
status=0

# Adds the "Failed: N, Passed: N" summaries of a dotnet test log to the totals.
count_dotnet() {
  while read -r p f; do
    passed=$((passed + p))
    failed=$((failed + f))
  done < <(sed -nE 's/.*Failed:[[:space:]]*([0-9]+), Passed:[[:space:]]*([0-9]+),.*/\2 \1/p' "$1")
}

# The build runs npm ci and the Vite build of the web client (src/Api/WebClient.targets).
if ! dotnet build LiveStreamX.sln --nologo -v quiet; then
  echo "0 passed, 1 failed"
  exit 1
fi

# The multi-process cluster tests run after the others, alone: they start and kill whole processes and are the
# ones most sensitive to a machine busy with other test hosts.
dotnet test LiveStreamX.sln --no-build --nologo --filter "FullyQualifiedName!~LiveStreamX.Cluster.Tests" 2>&1 | tee "$log_dir/dotnet.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
count_dotnet "$log_dir/dotnet.log"

dotnet test tests/LiveStreamX.Cluster.Tests --no-build --nologo 2>&1 | tee "$log_dir/cluster.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
count_dotnet "$log_dir/cluster.log"

(cd src/Web && npm test) 2>&1 | tee "$log_dir/web.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
read -r p f < <(sed -nE 's/^web: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/p' "$log_dir/web.log" | tail -n 1) || true
passed=$((passed + ${p:-0}))
failed=$((failed + ${f:-0}))

# A runner that failed without reporting a failed test (a crash, a build error) still fails the run.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
rm -rf "$log_dir"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
