#!/usr/bin/env bash
# The test suite's own throwaway PostgreSQL 15 cluster.
#
#   pgcluster.sh start STATE_DIR PORT   initdb a new cluster and start it, listening on a Unix socket only
#   pgcluster.sh stop STATE_DIR         stop it (immediately) and remove it; does nothing when none runs
#
# The cluster started belongs to the process that ran `start` (ctest): should that process end without running
# `stop` (an interrupted or killed run), a watcher started with the cluster stops it. A later `start` also removes
# a cluster an earlier run left behind.
#
# STATE_DIR (in the build folder) holds `socket`, the folder the server's socket is in (the host of the
# DERMDESK_TEST_SERVER address CTest gives the tests) and, after `stop`, the last server log. The cluster's files
# live in STATE_DIR/cluster or, when the account running the server cannot reach the build folder, in a mktemp
# folder that `socket` links to. With no TCP listener, PORT only names the socket file (.s.PGSQL.PORT) in a folder of
# this run's own, so no other server can hold it.
#
# Run as root, the server runs as the unprivileged account DERMDESK_TEST_PG_USER (default: postgres, which Debian's
# PostgreSQL packages create). The binaries are looked for in DERMDESK_TEST_PG_BINDIR, then `pg_config --bindir`,
# then /usr/lib/postgresql/15/bin, then PATH. Every failure says why on stderr and exits non-zero: the tests that
# need the server then fail instead of running without it.
set -euo pipefail

readonly PG_MAJOR=15
readonly START_TIMEOUT=60
SCRIPT="$(readlink -f "${BASH_SOURCE[0]}")"
readonly SCRIPT

die() {
    printf 'pgcluster.sh: %s\n' "$*" >&2
    exit 1
}

log() { printf 'pgcluster.sh: %s\n' "$*"; }

# The folder holding initdb and pg_ctl of PostgreSQL 15.
find_bindir() {
    local candidates=()
    if [[ -n ${DERMDESK_TEST_PG_BINDIR:-} ]]; then
        candidates=("${DERMDESK_TEST_PG_BINDIR}")
    else
        if command -v pg_config >/dev/null 2>&1; then
            candidates+=("$(pg_config --bindir 2>/dev/null || true)")
        fi
        candidates+=("/usr/lib/postgresql/${PG_MAJOR}/bin")
        local on_path
        on_path="$(command -v initdb 2>/dev/null || true)"
        [[ -n ${on_path} ]] && candidates+=("$(dirname "$(readlink -f "${on_path}")")")
    fi
    local dir version
    for dir in "${candidates[@]}"; do
        [[ -n ${dir} && -x ${dir}/initdb && -x ${dir}/pg_ctl && -x ${dir}/postgres ]] || continue
        version="$("${dir}/postgres" --version 2>/dev/null || true)"
        if [[ ${version} =~ \ ${PG_MAJOR}\. ]]; then
            printf '%s\n' "${dir}"
            return 0
        fi
        printf 'pgcluster.sh: %s is not PostgreSQL %s (%s)\n' "${dir}" "${PG_MAJOR}" "${version:-no version}" >&2
    done
    die "PostgreSQL ${PG_MAJOR}'s initdb, pg_ctl and postgres were not found (looked in: ${candidates[*]:-nothing}). \
Install the Debian packages postgresql-${PG_MAJOR} and postgresql-contrib (packaging/dev.sh test does), or set \
DERMDESK_TEST_PG_BINDIR to the folder holding them."
}

# The account the server runs as: ourselves, or an unprivileged one when we are root (PostgreSQL refuses root).
server_user() {
    if [[ ${EUID} -eq 0 ]]; then
        printf '%s\n' "${DERMDESK_TEST_PG_USER:-postgres}"
    else
        id -un
    fi
}

# as_server COMMAND...: runs COMMAND as the server's account, from / (the caller's folder may be closed to it).
as_server() {
    if [[ ${EUID} -eq 0 ]]; then
        (cd / && runuser -u "${SERVER_USER}" -- "$@")
    else
        "$@"
    fi
}

# Where the cluster lives (the real folder, which `socket` is or links to); empty when there is none.
cluster_folder() {
    local state="$1"
    if [[ -L ${state}/socket || -d ${state}/socket ]]; then
        readlink -f "${state}/socket"
    fi
}

cmd_stop() {
    local state="$1"
    local folder
    folder="$(cluster_folder "${state}")"
    if [[ -z ${folder} ]]; then
        log "no cluster in ${state}"
        rm -f "${state}/socket"
        return 0
    fi
    if [[ -f ${folder}/data/postmaster.pid ]]; then
        local bindir
        bindir="$(find_bindir 2>/dev/null)" || bindir=""
        SERVER_USER="$(stat -c %U "${folder}/data")"
        # Immediate: a throwaway cluster needs no checkpoint, and a test still connected must not hold the stop.
        if [[ -z ${bindir} ]] || ! as_server "${bindir}/pg_ctl" stop -D "${folder}/data" -m immediate -w -t 30 >/dev/null 2>&1; then
            local pid
            pid="$(head -n 1 "${folder}/data/postmaster.pid" 2>/dev/null || true)"
            if [[ ${pid} =~ ^[0-9]+$ ]] && kill -0 "${pid}" 2>/dev/null; then
                kill -KILL "${pid}" 2>/dev/null || true
            fi
        fi
        log "stopped the cluster in ${folder}"
    fi
    if [[ -f ${folder}/server.log ]]; then
        cp -f "${folder}/server.log" "${state}/server.log" 2>/dev/null || true
    fi
    rm -rf "${folder}"
    rm -rf "${state}/socket"
}

# watch STATE_DIR TOKEN PID: waits for process PID to end, then stops the cluster if it is still the one started
# with TOKEN (not a later run's).
cmd_watch() {
    local state="$1" token="$2" pid="$3"
    while kill -0 "${pid}" 2>/dev/null; do
        sleep 1
    done
    local folder
    folder="$(cluster_folder "${state}")"
    if [[ -n ${folder} && $(cat "${folder}/run-token" 2>/dev/null) == "${token}" ]]; then
        cmd_stop "${state}"
    fi
}

# Whether the server's account can create files in `folder` (and reach it).
server_can_write() {
    as_server test -w "$1" -a -x "$1" 2>/dev/null
}

cmd_start() {
    local state="$1" port="$2"
    [[ ${port} =~ ^[0-9]+$ && ${port} -ge 1024 && ${port} -le 65535 ]] || die "the port '${port}' is not a number from 1024 to 65535"
    local bindir
    bindir="$(find_bindir)"
    SERVER_USER="$(server_user)"
    if [[ ${EUID} -eq 0 ]]; then
        id -u "${SERVER_USER}" >/dev/null 2>&1 ||
            die "running as root, the server must run as an unprivileged account, and '${SERVER_USER}' does not exist \
(install postgresql-${PG_MAJOR}, which creates 'postgres', or set DERMDESK_TEST_PG_USER)"
        command -v runuser >/dev/null 2>&1 || die "running as root needs runuser (util-linux) to start the server as ${SERVER_USER}"
    fi

    mkdir -p "${state}"
    state="$(cd "${state}" && pwd)"
    # A cluster an interrupted run left behind is stopped and removed first.
    if [[ -n $(cluster_folder "${state}") ]]; then
        log "removing the cluster an earlier run left in ${state}"
        cmd_stop "${state}"
    fi

    # The socket's full path must fit a Unix socket address (107 bytes).
    local socket_file="${state}/socket/.s.PGSQL.${port}"
    [[ ${#socket_file} -le 100 ]] ||
        die "the socket path ${socket_file} is ${#socket_file} characters long, more than a Unix socket allows; use a \
build folder with a shorter path (DERMDESK_BUILD_DIR)"

    local folder="${state}/socket"
    if [[ ${EUID} -eq 0 ]]; then
        install -d -o "${SERVER_USER}" -m 700 "${folder}"
        if ! server_can_write "${folder}"; then
            # The account cannot reach the build folder (e.g. under a home folder only root may enter).
            rmdir "${folder}"
            folder="$(mktemp -d "${TMPDIR:-/tmp}/dermdesk-pgcluster.XXXXXX")"
            chown "${SERVER_USER}" "${folder}"
            chmod 700 "${folder}"
            server_can_write "${folder}" ||
                die "${SERVER_USER} can neither reach ${state} nor ${folder}: check the folders' permissions"
            ln -s "${folder}" "${state}/socket"
            log "${SERVER_USER} cannot reach ${state}; the cluster is in ${folder}"
        fi
    else
        mkdir -m 700 "${folder}"
    fi

    local initdb_log="${folder}/initdb.log"
    if ! as_server "${bindir}/initdb" -D "${folder}/data" -E UTF8 --locale=C.UTF-8 -A trust -U postgres \
        --no-sync >"${initdb_log}" 2>&1; then
        cat "${initdb_log}" >&2
        die "initdb failed (above); the cluster was to be in ${folder}/data, owned by ${SERVER_USER}"
    fi
    # A Unix socket in our own folder only; no TCP listener. Settings for a throwaway cluster: speed over durability.
    cat >>"${folder}/data/postgresql.conf" <<EOF

# dermdesk test cluster
listen_addresses = ''
unix_socket_directories = '${folder}'
unix_socket_permissions = 0777
port = ${port}
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 64MB
log_min_messages = warning
log_min_error_statement = error
log_checkpoints = off
EOF
    if ! as_server "${bindir}/pg_ctl" start -D "${folder}/data" -l "${folder}/server.log" -w -t "${START_TIMEOUT}" \
        >/dev/null 2>&1; then
        printf 'pgcluster.sh: the server did not start; its log says:\n' >&2
        tail -n 30 "${folder}/server.log" >&2 2>/dev/null || true
        cmd_stop "${state}" >/dev/null 2>&1 || true
        die "PostgreSQL ${PG_MAJOR} did not start in ${folder} (port ${port}); see its log above"
    fi
    # The extensions the schema needs must be installable (postgresql-contrib).
    local sharedir extension
    sharedir="$("${bindir}/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/${PG_MAJOR}")"
    for extension in btree_gist unaccent pg_trgm; do
        if [[ ! -f ${sharedir}/extension/${extension}.control ]]; then
            cmd_stop "${state}" >/dev/null 2>&1 || true
            die "the PostgreSQL extension ${extension} is not installed (Debian package postgresql-contrib)"
        fi
    done
    if ! "${bindir}/psql" -X -q -v ON_ERROR_STOP=1 -h "${folder}" -p "${port}" -U postgres -d postgres \
        -c 'SELECT 1' >/dev/null; then
        cmd_stop "${state}" >/dev/null 2>&1 || true
        die "the server started in ${folder} but does not answer on its socket (port ${port})"
    fi
    # The watcher must not keep the caller's output open (ctest waits for it to close).
    local token="${RANDOM}${RANDOM}$$"
    printf '%s\n' "${token}" >"${folder}/run-token"
    setsid "${SCRIPT}" watch "${state}" "${token}" "${PPID}" </dev/null >/dev/null 2>&1 &
    log "PostgreSQL ${PG_MAJOR} runs as ${SERVER_USER} on ${state}/socket/.s.PGSQL.${port} ($(basename "${bindir%/bin}") from ${bindir})"
}

main() {
    case "${1:-}" in
    start)
        [[ $# -eq 3 ]] || die "usage: pgcluster.sh start STATE_DIR PORT"
        cmd_start "$2" "$3"
        ;;
    stop)
        [[ $# -eq 2 ]] || die "usage: pgcluster.sh stop STATE_DIR"
        cmd_stop "$2"
        ;;
    watch)
        [[ $# -eq 4 ]] || die "usage: pgcluster.sh watch STATE_DIR TOKEN PID"
        cmd_watch "$2" "$3" "$4"
        ;;
    *)
        die "usage: pgcluster.sh start STATE_DIR PORT | stop STATE_DIR"
        ;;
    esac
}

main "$@"
