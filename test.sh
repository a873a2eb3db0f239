#!/usr/bin/env bash
# The one test command: installs what is missing (as root, Debian), starts a private PostgreSQL,
# builds, runs every test project on SQLite and PostgreSQL, and ends with "N passed, N failed".
set -euo pipefail
exec 2>&1 # one stream, so the counting line is last in any log
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"

results=.test-output
started=$SECONDS

give_up() { # message: a failure before any test ran
  echo "$1"
  echo "0 passed, 1 failed"
  exit 1
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

pg_bin() { find /usr/lib/postgresql -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1 | xargs -r dirname; }

# 1. Tools: PostgreSQL server, Chromium (browser tests), DejaVu fonts (PDFs), poppler-utils (pdftotext reads
#    the PDFs back), aiosmtpd (SMTP tests), python3-icalendar (a real iCalendar reader for the calendar feeds),
#    HAProxy (three instances behind a proxy, tests/Cotravail.Tests/Operations/MultiInstanceTests.cs).
missing=()
[[ -n "${COTRAVAIL_TEST_POSTGRES:-}" || -n "$(pg_bin)" ]] || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
installed python3-aiosmtpd || missing+=(python3-aiosmtpd)
installed python3-icalendar || missing+=(python3-icalendar)
command -v haproxy >/dev/null || [[ -x /usr/sbin/haproxy ]] || missing+=(haproxy)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]} > 0)); then
  if ((EUID != 0)); then
    give_up "Missing: ${missing[*]}. Install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  echo "Installing ${missing[*]}..."
  # Waits for the dpkg lock (another apt run, unattended upgrades) instead of failing at once.
  apt_get() { apt-get -o DPkg::Lock::Timeout=600 "$@"; }
  apt_get update -qq >/dev/null || give_up "apt-get update failed."
  if [[ " ${missing[*]} " == *" postgresql "* ]]; then
    # Only the binaries: no cluster on port 5432 left running by the package.
    apt_get install -y -qq --no-install-recommends postgresql-common >/dev/null || give_up "Installing postgresql-common failed."
    sed -ri 's/^#? *create_main_cluster *=.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
  fi
  apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || give_up "Installing ${missing[*]} failed."
fi

# The pinned OpenAPI linter (tests/Cotravail.Tests/Common/Web/OpenApiLintTests.cs), from the npm registry.
if [[ ! -d tools/openapi-lint/node_modules ]]; then
  command -v npm >/dev/null || give_up "Missing: npm (Node.js 20.19 or later), for tools/openapi-lint."
  echo "Installing tools/openapi-lint..."
  npm ci --prefix tools/openapi-lint --no-audit --no-fund >/dev/null || give_up "npm ci --prefix tools/openapi-lint failed."
fi

# A line every 60 s while a suite runs, so a long quiet run shows it is alive. The sleeps write nowhere,
# so none of them holds the output open (a pipe into tee) once the heartbeat is stopped.
heartbeat_pid=""
start_heartbeat() { # name
  local name=$1 began=$SECONDS
  (
    trap - EXIT INT
    naps=""
    trap 'kill $naps 2>/dev/null; exit 0' TERM
    while :; do
      sleep 60 </dev/null >/dev/null 2>&1 &
      naps=$!
      wait "$naps"
      echo "  … $name still running, $(((SECONDS - began) / 60)) min"
    done
  ) &
  heartbeat_pid=$!
}
stop_heartbeat() {
  if [[ -n "$heartbeat_pid" ]]; then
    kill "$heartbeat_pid" 2>/dev/null || true
    wait "$heartbeat_pid" 2>/dev/null || true
    heartbeat_pid=""
  fi
}

# How long since a point in SECONDS, as "4 min 12 s".
took() { local s=$((SECONDS - $1)); echo "$((s / 60)) min $((s % 60)) s"; }

# "N passed, N failed" of a .trx file (a test that did not pass counts as failed, as in the summary).
trx_counts() {
  local counters total passed
  counters=$(grep -o '<Counters [^>]*>' "$1" 2>/dev/null || true)
  total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  if [[ -z "$total" || -z "$passed" ]]; then echo "no results"; else echo "$passed passed, $((total - passed)) failed"; fi
}

# 2. A private PostgreSQL in a temporary folder, stopped and removed on exit (also on failure or Ctrl-C).
pg_dir=""
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  stop_heartbeat
  if [[ -n "$pg_dir" ]]; then
    as_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [[ -z "${COTRAVAIL_TEST_POSTGRES:-}" ]]; then
  bin=$(pg_bin)
  pg_dir=$(mktemp -d /tmp/cotravail-pg.XXXXXX)
  ((EUID != 0)) || chown postgres: "$pg_dir"
  as_pg "$bin/initdb" -D "$pg_dir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || give_up "initdb failed: $(cat "$pg_dir/initdb.log")"
  port=55432
  for _ in 1 2 3 4 5; do
    while port_in_use "$port"; do port=$((port + 1)); done
    if as_pg "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null 2>&1; then
      break
    fi
    port=$((port + 1)) # lost a race for the port: try the next one
  done
  for _ in $(seq 1 60); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres && break
    sleep 0.5
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres || give_up "PostgreSQL did not start: $(tail -n 20 "$pg_dir/server.log")"
  export COTRAVAIL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=50"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
fi

# 3. Build (warnings are errors).
rm -rf "$results"
mkdir -p "$results"
echo "Building..."
if ! dotnet build Cotravail.slnx -c Release -nologo >"$results/build.log" 2>&1; then
  grep -E ': (error|warning) ' "$results/build.log" | sed -E 's/ \[[^]]*\]$//' | sort -u || tail -n 40 "$results/build.log"
  give_up "The build failed."
fi

# 4. Tests: every project runs even when an earlier one fails; the summary decides.
status=()
for project in Cotravail.Tests Cotravail.BrowserTests; do
  echo "Testing $project..."
  suite_started=$SECONDS
  start_heartbeat "$project"
  code=0
  dotnet test "tests/$project" --no-build -c Release --nologo \
    --logger "trx;LogFileName=$project.trx" --results-directory "$results" \
    --blame-hang-timeout 8m --blame-hang-dump-type none || code=$?
  stop_heartbeat
  echo "Tested $project in $(took "$suite_started"): $(trx_counts "$results/$project.trx")."
  status+=("$project=$code")
done

echo "Tests took $((SECONDS - started)) s in all."
python3 tools/test-summary.py "$results" "${status[@]}"
