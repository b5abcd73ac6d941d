#!/usr/bin/env bash
# Installs the real Redis 7 tools the database tests check against (Debian's redis-tools: redis-cli,
# redis-benchmark, redis-check-rdb; redis-server: loads the RDB exports). Does nothing when they are there.
set -euo pipefail
need=()
for tool in redis-cli redis-benchmark redis-check-rdb redis-server; do
  command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
# node: the JavaScript functions' expected results are what node answers (JsNodeApiTest, the engine benchmark)
command -v node >/dev/null 2>&1 || need+=(node)
if [ "${#need[@]}" -eq 0 ]; then
  exit 0
fi
echo "install-test-tools: missing ${need[*]}; installing Debian's redis-tools and redis-server"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-test-tools: need root or sudo for apt-get" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# The package's init script may not start a service in a container; the tests start their own servers.
$sudo apt-get install -y -qq --no-install-recommends redis-tools redis-server >/dev/null || {
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 || exit 1
}
command -v node >/dev/null 2>&1 || $sudo apt-get install -y -qq --no-install-recommends nodejs >/dev/null
for tool in redis-cli redis-benchmark redis-check-rdb redis-server; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-test-tools: $tool is still missing" >&2; exit 1; }
done
