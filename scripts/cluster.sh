#!/usr/bin/env bash
# A local LiveStreamX cluster on loopback, in one command: redis-server with AOF persistence, 3 silos (src/Silo)
# and 2 Api nodes in client mode (src/Api), the same topology as docker-compose.yml.
#
#   scripts/cluster.sh up       build (Release), start everything, wait until it answers, print the addresses
#   scripts/cluster.sh status   what runs, and whether each node answers
#   scripts/cluster.sh down     stop cleanly: Api nodes, then silos (SIGTERM: grains persist), then Redis
#   scripts/cluster.sh purge    down, and delete Redis' data and the logs
#
# Settings (environment): LSX_CLUSTER_DIR (state, logs and Redis data; default /tmp/livestreamx-cluster),
# LSX_REDIS_PORT (6380), LSX_API_PORTS ("5080 5081"), LSX_SIGNING_KEY (unset: the cluster generates its signing keys
# once and keeps them in Redis), LSX_DEMO_DATA (true: the first Api node seeds the demo stream). Dev-login is on here
# (a local cluster for development and load tests; LSX__Auth__DevLogin=false turns it off). Any LSX__… variable
# reaches every process.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

state=${LSX_CLUSTER_DIR:-${TMPDIR:-/tmp}/livestreamx-cluster}
redis_port=${LSX_REDIS_PORT:-6380}
read -r -a api_ports <<< "${LSX_API_PORTS:-5080 5081}"
silo_count=3
config=Release
silo_dll=$repo/src/Silo/bin/$config/net10.0/LiveStreamX.Silo.dll
api_dll=$repo/src/Api/bin/$config/net10.0/LiveStreamX.Api.dll

# Silo i: silo-to-silo port 11111+i, gateway 30000+i, /healthz on 8091+i.
silo_port() { echo $((11111 + $1)); }
gateway_port() { echo $((30000 + $1)); }
silo_http_port() { echo $((8091 + $1)); }

log() { printf '%s\n' "$*"; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# GET http://127.0.0.1:$1$2 answers 200 (bash's /dev/tcp: no curl needed).
answers() {
  local reply
  reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$2" >&3 && head -n 1 <&3) 2>/dev/null) || return 1
  [[ $reply == *" 200 "* ]]
}

wait_until() { # name port path seconds pidfile
  local deadline=$((SECONDS + $4))
  until answers "$2" "$3"; do
    pid_alive "$5" || die "$1 exited; see $state/$1.log"
    [ $SECONDS -lt $deadline ] || die "$1 did not answer http://127.0.0.1:$2$3 within $4 s; see $state/$1.log"
    sleep 0.5
  done
}

# Stops the process of a pid file: SIGTERM, then SIGKILL after the grace period.
stop_pid() { # name pidfile grace
  local pid
  pid_alive "$2" || { rm -f "$2"; return 0; }
  pid=$(cat "$2")
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + $3))
  while kill -0 "$pid" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      log "  $1 did not stop within $3 s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$2"
  log "  $1 stopped"
}

cluster_env() {
  export LSX__Orleans__Clustering=Redis
  export LSX__Orleans__Storage=Redis
  export LSX__Orleans__RedisConnectionString=127.0.0.1:$redis_port
  export LSX__Orleans__ClusterId=${LSX__Orleans__ClusterId:-lsx-local}
  export LSX__Orleans__ServiceId=${LSX__Orleans__ServiceId:-livestreamx-local}
  export LSX__Orleans__AdvertisedAddress=127.0.0.1
  if [ -n "${LSX_SIGNING_KEY:-}" ]; then
    export LSX__Auth__SigningKey=$LSX_SIGNING_KEY
  fi
  export LSX__Auth__DevLogin=${LSX__Auth__DevLogin:-true}
  export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
}

up() {
  command -v redis-server >/dev/null || die "redis-server is not installed (apt-get install redis-server)"
  command -v dotnet >/dev/null || die "the .NET 10 SDK is required"
  mkdir -p "$state/redis"

  log "Building src/Silo and src/Api ($config)..."
  dotnet build "$repo/src/Silo/LiveStreamX.Silo.csproj" -c $config --nologo -v quiet >/dev/null || die "the build failed (dotnet build src/Silo -c $config)"
  dotnet build "$repo/src/Api/LiveStreamX.Api.csproj" -c $config --nologo -v quiet >/dev/null || die "the build failed (dotnet build src/Api -c $config)"

  if pid_alive "$state/redis.pid"; then
    log "redis-server already runs on 127.0.0.1:$redis_port"
  else
    # Append-only file: every write is logged, so grain state, reminders and the membership table survive a restart.
    redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$state/redis" --appendonly yes --appendfsync everysec \
      --save '' --daemonize yes --pidfile "$state/redis.pid" --logfile "$state/redis.log"
    for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 || die "redis-server did not start; see $state/redis.log"
    log "redis-server on 127.0.0.1:$redis_port (AOF in $state/redis)"
  fi

  cluster_env
  local i
  for ((i = 0; i < silo_count; i++)); do
    local name=silo$((i + 1))
    if pid_alive "$state/$name.pid"; then log "$name already runs"; continue; fi
    LSX__Orleans__SiloPort=$(silo_port $i) LSX__Orleans__GatewayPort=$(gateway_port $i) \
      ASPNETCORE_URLS=http://127.0.0.1:$(silo_http_port $i) \
      setsid dotnet "$silo_dll" > "$state/$name.log" 2>&1 < /dev/null &
    echo $! > "$state/$name.pid"
  done
  for ((i = 0; i < silo_count; i++)); do
    wait_until "silo$((i + 1))" "$(silo_http_port $i)" /healthz 120 "$state/silo$((i + 1)).pid"
    log "silo$((i + 1)) joined: silo port $(silo_port $i), gateway $(gateway_port $i), http://127.0.0.1:$(silo_http_port $i)/healthz"
  done

  for i in "${!api_ports[@]}"; do
    local name=api$((i + 1)) demo=false
    [ "$i" -eq 0 ] && demo=${LSX_DEMO_DATA:-true}
    if pid_alive "$state/$name.pid"; then log "$name already runs"; continue; fi
    LSX__Api__Mode=Client LSX__Api__DemoData=$demo ASPNETCORE_URLS=http://127.0.0.1:${api_ports[$i]} \
      setsid dotnet "$api_dll" > "$state/$name.log" 2>&1 < /dev/null &
    echo $! > "$state/$name.pid"
  done
  for i in "${!api_ports[@]}"; do
    wait_until "api$((i + 1))" "${api_ports[$i]}" /readyz 120 "$state/api$((i + 1)).pid"
    log "api$((i + 1)) ready: http://127.0.0.1:${api_ports[$i]}"
  done
  log "The cluster is up. Logs: $state/*.log. Stop it with: scripts/cluster.sh down"
}

down() {
  log "Stopping the cluster in $state..."
  local f
  # Api nodes first (their viewers leave the counts), then silos: SIGTERM drains them, grains persist.
  for f in "$state"/api*.pid; do [ -e "$f" ] && stop_pid "$(basename "$f" .pid)" "$f" 30; done
  for f in "$state"/silo*.pid; do [ -e "$f" ] && stop_pid "$(basename "$f" .pid)" "$f" 45 & done
  wait
  if pid_alive "$state/redis.pid"; then
    # SHUTDOWN flushes the AOF before exiting.
    redis-cli -p "$redis_port" shutdown >/dev/null 2>&1 || stop_pid redis "$state/redis.pid" 10
    for _ in $(seq 50); do pid_alive "$state/redis.pid" || break; sleep 0.1; done
    rm -f "$state/redis.pid"
    log "  redis-server stopped (data kept in $state/redis)"
  fi
}

status() {
  local f name
  pid_alive "$state/redis.pid" && log "redis-server  pid $(cat "$state/redis.pid")  127.0.0.1:$redis_port" || log "redis-server  not running"
  for ((i = 0; i < silo_count; i++)); do
    name=silo$((i + 1)); f=$state/$name.pid
    if pid_alive "$f"; then
      answers "$(silo_http_port $i)" /healthz && log "$name         pid $(cat "$f")  healthy" || log "$name         pid $(cat "$f")  not answering"
    else log "$name         not running"; fi
  done
  for i in "${!api_ports[@]}"; do
    name=api$((i + 1)); f=$state/$name.pid
    if pid_alive "$f"; then
      answers "${api_ports[$i]}" /readyz && log "$name          pid $(cat "$f")  ready  http://127.0.0.1:${api_ports[$i]}" || log "$name          pid $(cat "$f")  not ready"
    else log "$name          not running"; fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  purge) down; rm -rf "$state"; log "Deleted $state" ;;
  *) echo "usage: $0 up|down|status|purge" >&2; exit 2 ;;
esac
