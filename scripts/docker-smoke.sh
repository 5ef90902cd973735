#!/usr/bin/env bash
# Builds the emulator's Docker image, runs it, waits for its HEALTHCHECK, calls it with the AWS SDK,
# and reports the image size. Where Docker Hub is not reachable, it first builds a local stand-in
# base image (Debian bookworm by debootstrap from the mirror this machine's apt uses, plus this
# machine's Node and npm) and imports it with `docker import`.
#   scripts/docker-smoke.sh            (BASE_IMAGE=... to choose the base yourself)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker >/dev/null; then echo "docker is not installed: skipped"; exit 0; fi
if ! docker info >/dev/null 2>&1; then echo "no Docker daemon is running (start dockerd): skipped"; exit 0; fi

# The Debian mirror this machine's apt already uses (DEBIAN_MIRROR overrides): the archive that
# carries the plain release (not -security or -updates), from apt's own view of its sources, so
# deb822 .sources files and a classic sources.list both count.
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local mirror
  mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null | awk '$2 !~ /-(security|updates|backports)$/ { print $1; exit }')
  if [ -z "$mirror" ]; then
    echo "no Debian mirror in this machine's apt sources (apt-get update first, or set DEBIAN_MIRROR)" >&2
    exit 1
  fi
  echo "$mirror"
}

BASE=${BASE_IMAGE:-}
STANDIN=ssm-emulator-base:local
if [ -z "$BASE" ]; then
  if timeout 20 docker pull -q node:20-bookworm-slim >/dev/null 2>&1; then
    BASE=node:20-bookworm-slim
  else
    BASE=$STANDIN
    if ! docker image inspect "$BASE" >/dev/null 2>&1; then
      echo "Docker Hub is not reachable: building the stand-in base $BASE with debootstrap"
      command -v debootstrap >/dev/null || { echo "debootstrap is needed: apt-get install debootstrap"; exit 1; }
      rootfs=$(mktemp -d)
      trap 'rm -rf "$rootfs"' EXIT
      mirror=$(debian_mirror)
      echo "debootstrap from $mirror"
      debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$mirror" >/dev/null
      node_bin=$(command -v node)
      npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
      install -D "$node_bin" "$rootfs/usr/local/bin/node"
      mkdir -p "$rootfs/usr/local/lib/node_modules"
      cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
      ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
      # This machine reaches the npm registry through a TLS-inspecting egress proxy: the stand-in
      # trusts the same CA bundle as the host, so `npm ci` works inside the build stage.
      cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
      mkdir -p "$rootfs/usr/local/etc" && echo 'cafile=/etc/ssl/certs/ca-certificates.crt' > "$rootfs/usr/local/etc/npmrc"
      rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
      tar -C "$rootfs" -c . | docker import \
        -c 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
        -c 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' - "$BASE" >/dev/null
    fi
  fi
fi

echo "building ssm-emulator:local on $BASE"
docker build -q --build-arg BASE_IMAGE="$BASE" -t ssm-emulator:local . >/dev/null

name=ssm-emulator-smoke-$$
port=${SMOKE_PORT:-45830}
docker rm -f "$name" >/dev/null 2>&1 || true
docker run -d --name "$name" -p "127.0.0.1:$port:4583" ssm-emulator:local --log-level warn >/dev/null
trap 'docker rm -f "$name" >/dev/null 2>&1 || true' EXIT

for _ in $(seq 1 60); do
  status=$(docker inspect --format '{{.State.Health.Status}}' "$name")
  [ "$status" = healthy ] && break
  sleep 1
done
echo "container health: $status"
[ "$status" = healthy ] || { docker logs "$name"; exit 1; }

AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true node --input-type=module -e "
import { SSMClient, PutParameterCommand, GetParameterCommand, DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
const ssm = new SSMClient({ endpoint: 'http://127.0.0.1:$port', region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
await ssm.send(new PutParameterCommand({ Name: '/docker/smoke', Value: 'ok', Type: 'String' }));
const { Parameter } = await ssm.send(new GetParameterCommand({ Name: '/docker/smoke' }));
if (Parameter.Value !== 'ok') throw new Error('unexpected value ' + Parameter.Value);
const info = await ssm.send(new DescribeInstanceInformationCommand({})).catch((e) => ({ error: e.name }));
console.log('SDK call through the container: GetParameter ->', Parameter.Value, '; default fleet:', info.InstanceInformationList ? info.InstanceInformationList.length + ' nodes' : info.error);
"
bytes=$(docker image inspect ssm-emulator:local --format '{{.Size}}')
base_bytes=$(docker image inspect "$BASE" --format '{{.Size}}')
echo "image size: $((bytes / 1024 / 1024)) MB (base $BASE: $((base_bytes / 1024 / 1024)) MB; the emulator adds $(((bytes - base_bytes) / 1024 / 1024)) MB)"
