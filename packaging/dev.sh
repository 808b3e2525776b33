#!/usr/bin/env bash
# DermDesk developer entry point: installs the Debian packages that are missing,
# configures and builds with CMake + Ninja, then runs the program or the test suite.
# Works from any current directory, as root or as a user with sudo.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly BUILD_DIR="${DERMDESK_BUILD_DIR:-$REPO_ROOT/build}"
readonly TEST_TIMEOUT="${DERMDESK_TEST_TIMEOUT:-600}"

# Debian 12 (bookworm) packages needed to build, run, test and package DermDesk.
readonly PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins
    libqt6sql6-sqlite libsqlite3-dev
    libqt6sql6-psql      # Qt's PostgreSQL driver (QPSQL): clinics on a server
    postgresql-15 postgresql-contrib   # the tests' own throwaway cluster; btree_gist, unaccent, pg_trgm
    libgl-dev            # Qt6Gui's CMake config requires it
    libqt6svg6           # SVG icons
    qtkeychain-qt6-dev   # clinic server passwords in the desktop's keychain
    xvfb xauth           # `run` without a display, screenshot checks
    desktop-file-utils appstream   # validating the .desktop file and the metainfo
    dpkg-dev fakeroot file         # cpack -G DEB (dpkg-shlibdeps)
    poppler-utils        # checking printed PDFs
    ccache               # keeps compiled objects between builds and build folders
    mold                 # a fast linker for the programs and the test executables
    help2man             # the man pages, made from --help
    lintian              # checking the .deb
    python3              # tests read exported CSV with Python's csv module
)

usage() {
    cat <<EOF
Usage: packaging/dev.sh COMMAND [ARGS...]

Commands:
  run [ARGS...]   install what is missing, build the desktop program alone, and
                  open DermDesk on the demo clinic (build/app/dermdesk --demo
                  ARGS...); without a display it runs under xvfb-run
  test            install what is missing, build, and run every test with ctest, on
                  SQLite and on a throwaway PostgreSQL 15 cluster the run starts in
                  the build folder and stops at its end
  build           install what is missing and build everything (programs, tests,
                  benchmark, man pages)
  -h, --help      show this help

Environment:
  DERMDESK_BUILD_DIR     build folder (default: <repo>/build)
  DERMDESK_TEST_TIMEOUT  per-test timeout in seconds for tests without their own (default: 600)
EOF
}

log() { printf '==> %s\n' "$*" >&2; }
die() {
    printf 'dev.sh: %s\n' "$*" >&2
    exit 1
}

# Runs apt-get as root (directly when we are root, otherwise through sudo), non-interactively.
apt_get() {
    if [[ ${EUID} -eq 0 ]]; then
        env DEBIAN_FRONTEND=noninteractive apt-get "$@"
    else
        sudo env DEBIAN_FRONTEND=noninteractive apt-get "$@"
    fi
}

missing_packages() {
    local pkg status
    for pkg in "${PACKAGES[@]}"; do
        status="$(dpkg-query -W -f='${db:Status-Status}' "${pkg}" 2>/dev/null || true)"
        if [[ ${status} != installed ]]; then
            printf '%s\n' "${pkg}"
        fi
    done
}

install_missing() {
    command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script expects Debian 12"
    local missing
    mapfile -t missing < <(missing_packages)
    if [[ ${#missing[@]} -eq 0 ]]; then
        log "All ${#PACKAGES[@]} required Debian packages are installed"
        return
    fi
    log "Installing missing Debian packages: ${missing[*]}"
    if [[ ${EUID} -ne 0 ]] && ! command -v sudo >/dev/null 2>&1; then
        die "installing packages needs root and sudo is not available; as root, run: apt-get install ${missing[*]}"
    fi
    apt_get update
    apt_get install -y "${missing[@]}"
}

# build [TARGET...]: configures when needed and builds the given targets (everything when none).
build() {
    if [[ -f ${BUILD_DIR}/CMakeCache.txt ]]; then
        log "Configuring (reusing ${BUILD_DIR})"
        cmake -S "${REPO_ROOT}" -B "${BUILD_DIR}"
    else
        log "Configuring into ${BUILD_DIR}"
        cmake -S "${REPO_ROOT}" -B "${BUILD_DIR}" -G Ninja
    fi
    local targets=()
    if [[ $# -gt 0 ]]; then
        targets=(--target "$@")
        log "Building $* with $(nproc) jobs"
    else
        log "Building everything with $(nproc) jobs"
    fi
    cmake --build "${BUILD_DIR}" --parallel "$(nproc)" "${targets[@]}"
}

cmd_run() {
    install_missing
    build dermdesk
    local exe="${BUILD_DIR}/app/dermdesk"
    [[ -x ${exe} ]] || die "${exe} was not built"
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
        log "No DISPLAY or WAYLAND_DISPLAY: running DermDesk under xvfb-run (a virtual display); Ctrl+C stops it"
        exec xvfb-run -a "${exe}" --demo "$@"
    fi
    exec "${exe}" --demo "$@"
}

# The test cluster's folder (tests/CMakeLists.txt, DERMDESK_TEST_PG_STATE): ctest's fixture stops the cluster after
# the last test; this stops it too when the run is interrupted before that.
stop_test_cluster() {
    "${REPO_ROOT}/tests/support/pgcluster.sh" stop "${BUILD_DIR}/tests/pgcluster" >/dev/null 2>&1 || true
}

cmd_test() {
    install_missing
    build
    log "Running the test suite with $(nproc) jobs (SQLite, and PostgreSQL on the run's own cluster)"
    cd "${BUILD_DIR}"
    trap stop_test_cluster EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    ctest --output-on-failure --no-tests=error --timeout "${TEST_TIMEOUT}" --parallel "$(nproc)"
}

main() {
    local command="${1:-}"
    case "${command}" in
    run)
        shift
        cmd_run "$@"
        ;;
    test)
        shift
        [[ $# -eq 0 ]] || die "test takes no arguments"
        cmd_test
        ;;
    build)
        shift
        [[ $# -eq 0 ]] || die "build takes no arguments"
        install_missing
        build
        ;;
    -h | --help | help)
        usage
        ;;
    *)
        usage >&2
        exit 2
        ;;
    esac
}

main "$@"
