#!/bin/sh
# Installs the real servers the live-verification integration tests start themselves
# (test/integration/live-*.test.ts): nginx (as a stand-in gateway) and Prometheus.
# Neither is started as a system service: each test runs a private instance on loopback
# (`nginx -p <tmp> -c <tmp>/nginx.conf` with `daemon off`; `prometheus --config.file=<tmp>/…`).
set -eu
PATH="$PATH:/usr/sbin:/sbin"

need=""
command -v nginx >/dev/null 2>&1 || need="$need nginx-light"
command -v prometheus >/dev/null 2>&1 || need="$need prometheus"
[ -z "$need" ] && { echo "servers.sh: nginx and prometheus present"; exit 0; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# Keep apt from starting the services it installs (restored afterwards).
policy=/usr/sbin/policy-rc.d
added_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  added_policy=1
fi
trap 'if [ -n "$added_policy" ]; then $SUDO rm -f "$policy"; fi' EXIT

echo "servers.sh: installing$need"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need

# If a service was started anyway (systemd hosts), stop it: the tests use their own instances.
for svc in nginx prometheus; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    $SUDO systemctl stop "$svc" && $SUDO systemctl disable "$svc" >/dev/null 2>&1 || true
  fi
done
command -v nginx && command -v prometheus
