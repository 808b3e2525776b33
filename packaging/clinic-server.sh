#!/usr/bin/env bash
# Sets up a DermDesk clinic server on Debian 12: PostgreSQL 15, one login role and one database owned by it
# (scram-sha-256 password), the extensions DermDesk's schema needs, and, only when asked, access from the
# clinic's network. Safe to run again: what is already in place is left as it is.
set -euo pipefail

readonly PG_VERSION=15
readonly PACKAGES=("postgresql-${PG_VERSION}" postgresql-contrib)
readonly EXTENSIONS=(btree_gist unaccent)
readonly HBA_MARK='# added by DermDesk clinic-server.sh'
readonly MIN_PASSWORD_LENGTH=12
readonly PASSWORD_ENV=DERMDESK_SERVER_PASSWORD

ROLE=dermdesk
DATABASE=clinic
CLUSTER=main
PASSWORD_FILE=
RESET_PASSWORD=0
CLOSE=0
ADDRESS=
ALLOW=()

usage() {
    cat <<EOF
Usage: sudo packaging/clinic-server.sh [OPTIONS]

Sets up this Debian 12 computer as the server of a DermDesk clinic shared by several desks:
  1. installs PostgreSQL ${PG_VERSION} and postgresql-contrib with apt-get (only what is missing);
  2. makes sure the cluster ${PG_VERSION}/${CLUSTER} exists and runs (creating it with pg_createcluster if needed);
  3. creates the login role and the database it owns (UTF-8), the password stored as scram-sha-256;
  4. enables the extensions ${EXTENSIONS[*]} in that database (as the postgres superuser:
     the clinic's role is not a superuser);
  5. only with --allow: lets the clinic's network in (listen_addresses, a pg_hba.conf line for that
     network, the role and the database only, scram-sha-256, over SSL). Without --allow the server
     answers this computer alone.
At the end it prints the address the desks use and the next step (dermdesk-cli copy-clinic).
Running it again is safe: what is already in place is kept.

Options:
  --role NAME            the clinic's login role (default: ${ROLE})
  --database NAME        the clinic's database (default: ${DATABASE})
  --cluster NAME         the PostgreSQL ${PG_VERSION} cluster to use (default: ${CLUSTER})
  --allow NETWORK        let desks on NETWORK connect, e.g. --allow 192.168.1.0/24 (repeat for more)
  --address HOST         the name or address the desks use for this server (default: this computer's
                         address in the first --allow network, else localhost)
  --password-file FILE   read the role's password from the first line of FILE (unattended use)
  --reset-password       set the password of a role that already exists (otherwise it is kept)
  --close                take back every network opening this script made (local connections only)
  -h, --help             show this help

The password is read, in this order, from --password-file, from the environment variable
${PASSWORD_ENV} (with sudo: sudo --preserve-env=${PASSWORD_ENV} ...), or asked for twice on the
terminal. It is never shown, never put on a command line and never written to the server's log.
It must have at least ${MIN_PASSWORD_LENGTH} characters. A role that already exists keeps its password
unless --reset-password is given.

Names (role, database, cluster) are lower-case letters, digits and underscores, starting with a letter.
Exit status: 0 when the server is ready, 1 when a step failed (the message says which and why),
2 for a wrong option.
EOF
}

say() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'clinic-server.sh: warning: %s\n' "$*" >&2; }
die() {
    printf 'clinic-server.sh: %s\n' "$*" >&2
    exit 1
}
usage_error() {
    printf 'clinic-server.sh: %s\nRun with --help for the options.\n' "$*" >&2
    exit 2
}

# --- Options ---

need_value() {
    [[ $# -ge 2 && -n $2 ]] || usage_error "$1 needs a value"
}

while [[ $# -gt 0 ]]; do
    case $1 in
    -h | --help)
        usage
        exit 0
        ;;
    --role) need_value "$@"; ROLE=$2; shift 2 ;;
    --database) need_value "$@"; DATABASE=$2; shift 2 ;;
    --cluster) need_value "$@"; CLUSTER=$2; shift 2 ;;
    --allow) need_value "$@"; ALLOW+=("$2"); shift 2 ;;
    --address) need_value "$@"; ADDRESS=$2; shift 2 ;;
    --password-file) need_value "$@"; PASSWORD_FILE=$2; shift 2 ;;
    --reset-password) RESET_PASSWORD=1; shift ;;
    --close) CLOSE=1; shift ;;
    *) usage_error "unknown option: $1" ;;
    esac
done

valid_name() {
    [[ $1 =~ ^[a-z][a-z0-9_]{0,62}$ ]]
}
valid_name "$ROLE" || usage_error "--role: '$ROLE' is not a valid name (lower-case letters, digits, _; a letter first)"
valid_name "$DATABASE" || usage_error "--database: '$DATABASE' is not a valid name (lower-case letters, digits, _; a letter first)"
valid_name "$CLUSTER" || usage_error "--cluster: '$CLUSTER' is not a valid name"
[[ $ROLE != postgres ]] || usage_error "--role: the clinic needs its own role, not the superuser postgres"
[[ $DATABASE != postgres && $DATABASE != template0 && $DATABASE != template1 ]] ||
    usage_error "--database: '$DATABASE' is one of PostgreSQL's own databases; choose another name"
[[ $CLOSE -eq 0 || ${#ALLOW[@]} -eq 0 ]] || usage_error "--close and --allow cannot be used together"

# An IPv4 network a.b.c.d/n or an IPv6 network x:y::/n, as pg_hba.conf takes it.
valid_network() {
    local net=$1
    if [[ $net =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})/([0-9]{1,2})$ ]]; then
        local i
        for i in 1 2 3 4; do ((BASH_REMATCH[i] <= 255)) || return 1; done
        ((BASH_REMATCH[5] <= 32))
    elif [[ $net =~ ^[0-9A-Fa-f:]+/([0-9]{1,3})$ && $net == *:* ]]; then
        ((BASH_REMATCH[1] <= 128))
    else
        return 1
    fi
}
for net in "${ALLOW[@]}"; do
    valid_network "$net" || usage_error "--allow: '$net' is not a network such as 192.168.1.0/24"
done
if [[ -n $ADDRESS && ! $ADDRESS =~ ^[A-Za-z0-9.:-]+$ ]]; then
    usage_error "--address: '$ADDRESS' is not a host name or address"
fi

[[ ${EUID} -eq 0 ]] || die "run me as root (sudo packaging/clinic-server.sh ...): I install packages and change PostgreSQL's configuration"
[[ -r /etc/debian_version ]] || die "this script is for Debian 12; on another system follow its steps by hand (see --help)"

# --- Helpers around the cluster ---

# Runs psql as the postgres superuser on the cluster, reading SQL from stdin, stopping at the first error.
# Extra arguments go to psql (e.g. -d DATABASE, -tA).
psql_super() {
    (cd / && PGOPTIONS='-c client_min_messages=warning' runuser -u postgres -- psql --no-psqlrc -X -q -v ON_ERROR_STOP=1 -p "$PORT" "$@")
}
# The single value an SQL query returns (empty when no row).
sql_value() {
    local sql=$1
    shift
    printf '%s\n' "$sql" | psql_super -tA "$@" || die "this query on the cluster ${PG_VERSION}/${CLUSTER} failed: $sql"
}

cluster_line() {
    pg_lsclusters --no-header 2>/dev/null | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1 == v && $2 == c'
}

# --- 1. Packages ---

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$pkg")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    say "Installing ${missing[*]}"
    env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
        die "apt-get update failed: check the network and /etc/apt/sources.list"
    env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" ||
        die "apt-get could not install ${missing[*]} (see its message above)"
else
    say "PostgreSQL ${PG_VERSION} and postgresql-contrib are installed"
fi
command -v pg_lsclusters >/dev/null || die "pg_lsclusters is missing: the package postgresql-common is not installed properly"

# --- 2. The cluster ---

line=$(cluster_line)
if [[ -z $line ]]; then
    say "Creating the PostgreSQL cluster ${PG_VERSION}/${CLUSTER} (UTF-8)"
    pg_createcluster --encoding=UTF8 --locale=C.UTF-8 "$PG_VERSION" "$CLUSTER" ||
        die "pg_createcluster ${PG_VERSION} ${CLUSTER} failed (see its message above)"
    line=$(cluster_line)
    [[ -n $line ]] || die "the cluster ${PG_VERSION}/${CLUSTER} does not show in pg_lsclusters after creating it"
fi
PORT=$(awk '{print $3}' <<<"$line")
CONF_DIR=/etc/postgresql/${PG_VERSION}/${CLUSTER}

if [[ $(awk '{print $4}' <<<"$line") != online* ]]; then
    say "Starting the cluster ${PG_VERSION}/${CLUSTER} (port ${PORT})"
    pg_ctlcluster "$PG_VERSION" "$CLUSTER" start ||
        die "the cluster ${PG_VERSION}/${CLUSTER} did not start: see /var/log/postgresql/postgresql-${PG_VERSION}-${CLUSTER}.log"
else
    say "The cluster ${PG_VERSION}/${CLUSTER} is running on port ${PORT}"
fi
HBA=$(sql_value 'SHOW hba_file') || die "cannot reach the cluster ${PG_VERSION}/${CLUSTER} as the postgres user"
[[ -f $HBA ]] || die "the cluster's pg_hba.conf ($HBA) is not a file"

reload() {
    pg_ctlcluster "$PG_VERSION" "$CLUSTER" reload ||
        die "the cluster did not reload its configuration: see /var/log/postgresql/postgresql-${PG_VERSION}-${CLUSTER}.log"
}

# --- --close: take the network openings back ---

if [[ $CLOSE -eq 1 ]]; then
    if grep -qF "$HBA_MARK" "$HBA"; then
        say "Removing the network lines this script added to $HBA"
        sed -i "/$(printf '%s' "$HBA_MARK" | sed 's/[][\/.*^$]/\\&/g')/d" "$HBA"
    fi
    if [[ $(sql_value 'SHOW listen_addresses') != localhost ]]; then
        say "Listening on this computer only (listen_addresses = localhost)"
        printf 'ALTER SYSTEM RESET listen_addresses;\n' | psql_super
        pg_ctlcluster "$PG_VERSION" "$CLUSTER" restart ||
            die "the cluster did not restart: see /var/log/postgresql/postgresql-${PG_VERSION}-${CLUSTER}.log"
    else
        reload
    fi
    say "The clinic server now answers this computer only"
    exit 0
fi

# --- 3. The role and the database ---

role_exists=$(sql_value "SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'")
if [[ $role_exists == 1 ]]; then
    attrs=$(sql_value "SELECT rolcanlogin::int::text || rolsuper::int::text FROM pg_roles WHERE rolname = '${ROLE}'")
    [[ $attrs == 10 ]] ||
        die "the role '${ROLE}' exists but is not an ordinary login role (login+superuser flags: ${attrs}); choose another --role"
fi

PASSWORD=
read_password() {
    if [[ -n $PASSWORD_FILE ]]; then
        [[ -f $PASSWORD_FILE && -r $PASSWORD_FILE ]] || die "--password-file: cannot read '$PASSWORD_FILE'"
        if [[ -n $(find "$PASSWORD_FILE" -maxdepth 0 -perm /077 2>/dev/null) ]]; then
            warn "$PASSWORD_FILE can be read by others: chmod 600 it, or delete it once the server is set up"
        fi
        IFS= read -r PASSWORD <"$PASSWORD_FILE" || [[ -n $PASSWORD ]] ||
            die "--password-file: '$PASSWORD_FILE' is empty"
    elif [[ -n ${!PASSWORD_ENV:-} ]]; then
        PASSWORD=${!PASSWORD_ENV}
    elif [[ -t 0 ]]; then
        local again
        IFS= read -r -s -p "Password for the role ${ROLE}: " PASSWORD
        echo >&2
        IFS= read -r -s -p "The same password again: " again
        echo >&2
        [[ $PASSWORD == "$again" ]] || die "the two passwords differ; nothing was changed"
    else
        die "no password for the role '${ROLE}': give --password-file FILE or ${PASSWORD_ENV}, or run me on a terminal"
    fi
    PASSWORD=${PASSWORD%$'\r'}
    ((${#PASSWORD} >= MIN_PASSWORD_LENGTH)) ||
        die "the password has ${#PASSWORD} characters; it needs at least ${MIN_PASSWORD_LENGTH}"
}

# Sets the role's password: the SQL goes to psql on its standard input over the local socket (never on a command
# line), the server stores only its scram-sha-256 verifier, and the statement is kept out of the server's log.
set_password() {
    local verb=$1
    local quoted=${PASSWORD//\'/\'\'}
    printf '%s\n' \
        "SET log_statement = 'none';" \
        "SET log_min_error_statement = 'panic';" \
        "SET log_min_duration_statement = -1;" \
        "SET password_encryption = 'scram-sha-256';" \
        "${verb} ROLE ${ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${quoted}';" | psql_super ||
        die "could not ${verb,,} the role '${ROLE}' (see PostgreSQL's message above)"
    PASSWORD=
}

if [[ $role_exists != 1 ]]; then
    read_password
    say "Creating the login role ${ROLE} (scram-sha-256 password)"
    set_password CREATE
elif [[ $RESET_PASSWORD -eq 1 ]]; then
    read_password
    say "Setting a new password for the role ${ROLE}"
    set_password ALTER
else
    say "The role ${ROLE} exists; its password is kept (--reset-password sets a new one)"
fi
method=$(sql_value "SELECT CASE WHEN rolpassword LIKE 'SCRAM-SHA-256\$%' THEN 'scram' ELSE 'other' END FROM pg_authid WHERE rolname = '${ROLE}'")
[[ $method == scram ]] ||
    die "the role '${ROLE}' has no scram-sha-256 password; run again with --reset-password"

owner=$(sql_value "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '${DATABASE}'")
if [[ -z $owner ]]; then
    say "Creating the database ${DATABASE} owned by ${ROLE}"
    printf '%s\n' "CREATE DATABASE ${DATABASE} OWNER ${ROLE} ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0;" |
        psql_super || die "could not create the database '${DATABASE}' (see PostgreSQL's message above)"
elif [[ $owner != "$ROLE" ]]; then
    die "the database '${DATABASE}' exists and belongs to '${owner}', not '${ROLE}': choose another --database"
else
    say "The database ${DATABASE} exists and belongs to ${ROLE}"
fi
encoding=$(sql_value "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = '${DATABASE}'")
[[ $encoding == UTF8 ]] || die "the database '${DATABASE}' is encoded ${encoding}; DermDesk needs UTF8 (choose another --database)"
printf '%s\n' "REVOKE CONNECT, TEMPORARY ON DATABASE ${DATABASE} FROM PUBLIC;" | psql_super ||
    die "could not keep other roles out of the database '${DATABASE}'"

# --- 4. Extensions ---

for ext in "${EXTENSIONS[@]}"; do
    printf '%s\n' "CREATE EXTENSION IF NOT EXISTS ${ext};" | psql_super -d "$DATABASE" ||
        die "could not enable the extension ${ext} in '${DATABASE}': is postgresql-contrib installed?"
done
say "Extensions enabled in ${DATABASE}: $(sql_value "SELECT string_agg(extname, ', ' ORDER BY extname) FROM pg_extension WHERE extname IN ('btree_gist', 'unaccent')" -d "$DATABASE")"

# --- 5. The clinic's network, only when asked ---

# A dotted IPv4 address as one number.
ipv4_number() {
    local IFS=.
    local -a part
    read -r -a part <<<"$1"
    echo $(((part[0] << 24) | (part[1] << 16) | (part[2] << 8) | part[3]))
}
# This computer's IPv4 address inside NETWORK (a.b.c.d/n), if it has one; nothing for an IPv6 network.
address_in() {
    local net=$1 addr
    [[ $net == *.*/* ]] || return 0
    local bits=${net#*/}
    local mask=$(((0xFFFFFFFF << (32 - bits)) & 0xFFFFFFFF))
    local want=$(($(ipv4_number "${net%/*}") & mask))
    while read -r addr; do
        addr=${addr%/*}
        if (($(($(ipv4_number "$addr") & mask)) == want)); then
            echo "$addr"
            return 0
        fi
    done < <(ip -o -4 addr show 2>/dev/null | awk '{print $4}')
}

if [[ ${#ALLOW[@]} -gt 0 ]]; then
    ssl=$(sql_value 'SHOW ssl')
    if [[ $ssl != on ]]; then
        cert=$(sql_value 'SHOW ssl_cert_file')
        key=$(sql_value 'SHOW ssl_key_file')
        if [[ ! -f $cert || ! -f $key ]]; then
            if [[ $cert == /etc/ssl/certs/ssl-cert-snakeoil.pem ]] && command -v make-ssl-cert >/dev/null; then
                say "Making this computer's self-signed certificate (make-ssl-cert) for encrypted connections"
                make-ssl-cert generate-default-snakeoil ||
                    die "make-ssl-cert could not make the certificate (see its message above)"
            else
                die "SSL is off and its certificate ($cert) or key ($key) is missing: put them there, or set ssl_cert_file and ssl_key_file in ${CONF_DIR}/postgresql.conf"
            fi
        fi
        say "Turning on SSL, so appointments and passwords travel encrypted"
        printf 'ALTER SYSTEM SET ssl = on;\n' | psql_super
        reload
        [[ $(sql_value 'SHOW ssl') == on ]] ||
            die "SSL did not turn on: see /var/log/postgresql/postgresql-${PG_VERSION}-${CLUSTER}.log"
    fi
    for net in "${ALLOW[@]}"; do
        entry="hostssl ${DATABASE} ${ROLE} ${net} scram-sha-256 ${HBA_MARK}"
        if grep -qxF "$entry" "$HBA"; then
            say "The network ${net} may already reach ${DATABASE} as ${ROLE}"
        else
            say "Letting ${net} reach ${DATABASE} as ${ROLE} (pg_hba.conf: hostssl, scram-sha-256)"
            printf '%s\n' "$entry" >>"$HBA"
        fi
    done
    if [[ $(sql_value 'SHOW listen_addresses') != '*' ]]; then
        say "Listening on every network interface (pg_hba.conf admits only the networks above)"
        printf "ALTER SYSTEM SET listen_addresses = '*';\n" | psql_super
        pg_ctlcluster "$PG_VERSION" "$CLUSTER" restart ||
            die "the cluster did not restart: see /var/log/postgresql/postgresql-${PG_VERSION}-${CLUSTER}.log"
    else
        reload
    fi
    errors=$(sql_value "SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL")
    [[ $errors == 0 ]] || die "pg_hba.conf has ${errors} line(s) PostgreSQL cannot read: see $HBA"
elif grep -qF "$HBA_MARK" "$HBA"; then
    say "Still open to: $(grep -F "$HBA_MARK" "$HBA" | awk '{print $4 " (" $3 " on " $2 ")"}' | paste -sd';' - | sed 's/;/, /g') (--close takes it back)"
else
    say "Local connections only (--allow NETWORK opens the server to the clinic's network)"
fi

# --- The address to use ---

if [[ -z $ADDRESS ]]; then
    ADDRESS=localhost
    if [[ ${#ALLOW[@]} -gt 0 ]]; then
        found=$(address_in "${ALLOW[0]}")
        if [[ -n $found ]]; then
            ADDRESS=$found
        else
            ADDRESS=$(hostname -f 2>/dev/null || hostname)
        fi
    fi
fi
[[ $ADDRESS == *:* ]] && ADDRESS="[${ADDRESS}]"
URI="postgresql://${ROLE}@${ADDRESS}:${PORT}/${DATABASE}"

cat <<EOF

The clinic server is ready. Every desk opens the clinic at:

    ${URI}

Next, on the desk that has the clinic today, copy it to the server (the password is asked for or
read from ~/.pgpass: a line ${ADDRESS}:${PORT}:${DATABASE}:${ROLE}:PASSWORD, chmod 600):

    dermdesk-cli --database ~/.local/share/DermDesk/DermDesk/clinic.dermdesk copy-clinic --to '${URI}'

Then open it from each desk: dermdesk --database '${URI}' (or File > Open Clinic Server...),
and for dermdesk-cli: export DERMDESK_DATABASE='${URI}'
EOF
