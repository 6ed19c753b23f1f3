# pgtmp.sh: a throwaway PostgreSQL cluster for tests and the demo (sourced).
#
# pgtmp_start builds the extension, installs it into a private copy of the
# PostgreSQL installation (so nothing under /usr is touched and concurrent runs
# do not see each other's builds), then starts a cluster as the postgres OS user
# (when run as root) in a temporary directory, on a unix socket and a private
# port, with no TCP listener unless PGTMP_TCP=1.  An EXIT trap stops it and
# removes the directory, also when a test fails.  Exports PGHOST, PGPORT,
# PGUSER and PGTMP_DIR; pgtmp_psql runs psql against it.

PG_CONFIG=${PG_CONFIG:-pg_config}
PGTMP_BINDIR=$($PG_CONFIG --bindir)
PGTMP_SHAREDIR=$($PG_CONFIG --sharedir)
PGTMP_PKGLIBDIR=$($PG_CONFIG --pkglibdir)

pgtmp_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pgtmp_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
      echo "$port"; return 0
    fi
  done
  echo "pgtmp: no free port found" >&2; return 1
}

# pgtmp_install: private installation tree with the extension installed.
pgtmp_install() {
  PGTMP_DIR=$(mktemp -d /tmp/careleaver-pg.XXXXXX)
  chmod 755 "$PGTMP_DIR"
  local inst=$PGTMP_DIR/inst
  mkdir -p "$inst$(dirname "$PGTMP_BINDIR")" "$inst$(dirname "$PGTMP_SHAREDIR")"
  # PostgreSQL finds its share and lib directories relative to its binaries,
  # so a copy of the installation tree is a self-contained installation.
  cp -a "$(dirname "$PGTMP_BINDIR")" "$inst$(dirname "$(dirname "$PGTMP_BINDIR")")/"
  cp -a "$PGTMP_SHAREDIR" "$inst$(dirname "$PGTMP_SHAREDIR")/"
  make -s install DESTDIR="$inst" >/dev/null
  PGTMP_INST_BINDIR=$inst$PGTMP_BINDIR
  export PGTMP_DIR PGTMP_INST_BINDIR
}

# pgtmp_start_cluster NAME: start one more cluster on the private installation;
# sets PGTMP_LAST_HOST (its socket directory) and PGTMP_LAST_PORT.
pgtmp_start_cluster() {
  local name=$1 port dir
  dir=$PGTMP_DIR/$name
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
  port=$(pgtmp_free_port)
  pgtmp_as_owner "$PGTMP_INST_BINDIR/initdb" -D "$dir/data" -A trust -U postgres \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  local listen=""
  if [ "${PGTMP_TCP:-0}" = 1 ]; then listen=127.0.0.1; fi
  PGTMP_CLUSTERS="${PGTMP_CLUSTERS:-} $name"
  pgtmp_as_owner "$PGTMP_INST_BINDIR/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
    -o "-k $dir -p $port -c listen_addresses='$listen' -c fsync=off ${PGTMP_SERVER_OPTS:-}" \
    start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  PGTMP_LAST_HOST=$dir
  PGTMP_LAST_PORT=$port
}

pgtmp_stop_all() {
  local name
  for name in ${PGTMP_CLUSTERS:-}; do
    pgtmp_as_owner "$PGTMP_INST_BINDIR/pg_ctl" -D "$PGTMP_DIR/$name/data" -m fast stop \
      >/dev/null 2>&1 || true
  done
  if [ -n "${PGTMP_KEEP:-}" ]; then
    echo "pgtmp: kept $PGTMP_DIR" >&2
  else
    rm -rf "$PGTMP_DIR"
  fi
}

# pgtmp_start: install, start the main cluster, export the libpq variables.
pgtmp_start() {
  pgtmp_install
  trap pgtmp_stop_all EXIT
  pgtmp_start_cluster main
  export PGHOST=$PGTMP_LAST_HOST PGPORT=$PGTMP_LAST_PORT PGUSER=postgres PGDATABASE=postgres
}

pgtmp_psql() {
  psql -X -v ON_ERROR_STOP=1 -q "$@"
}
