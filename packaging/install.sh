#!/bin/sh
# Installs Tidings from the unpacked release tarball, for hosts without a package repository
# (air-gapped servers, distributions without .deb or .rpm support).
#
#   sudo ./packaging/install.sh               install, or upgrade in place
#   sudo ./packaging/install.sh --uninstall   remove the program, keep config and data
#   sudo ./packaging/install.sh --purge       also delete config, data, backups and the account
#
# It leaves the same layout as the .deb and .rpm (binary in /usr/bin, config in /etc/tidings,
# data in /var/lib/tidings, the tidings account), except that the unit goes to
# /etc/systemd/system: /usr/lib/systemd/system belongs to the package manager, and a locally
# installed unit there could be overwritten or deleted by it. Running it twice is harmless.
set -eu

TIDINGS_USER=tidings
BIN=/usr/bin/tidings
UNIT_DIR=/etc/systemd/system
UNIT=$UNIT_DIR/tidings.service
DOC_DIR=/usr/share/doc/tidings
CONFIG_DIR=/etc/tidings
CONFIG_FILE=/etc/tidings/config.toml
DATA_DIR=/var/lib/tidings

usage() {
    cat <<'USAGE'
Usage: install.sh [--uninstall | --purge [--yes]]

  (no option)   install or upgrade Tidings from this unpacked tarball
  --uninstall   stop the service and remove the binary, unit and documentation;
                /etc/tidings, /var/lib/tidings and the tidings account stay
  --purge       --uninstall, then delete /etc/tidings and /var/lib/tidings (the contact
                database, consent records, audit log, keys and default backups) and the
                tidings account. This cannot be undone.
  --yes         do not ask before --purge deletes data (needed when stdin is not a terminal)
USAGE
}

say() { printf 'tidings: %s\n' "$*"; }
die() { printf 'tidings: error: %s\n' "$*" >&2; exit 1; }

systemd_running() { [ -d /run/systemd/system ]; }

# The packages own /usr/bin/tidings when they are installed; copying over or deleting their
# files would leave dpkg or rpm with a wrong picture of the system.
refuse_if_packaged() {
    if command -v dpkg-query >/dev/null 2>&1 && dpkg-query -S "$BIN" >/dev/null 2>&1; then
        die "$BIN belongs to the tidings .deb; use apt/dpkg to upgrade or remove it"
    fi
    if command -v rpm >/dev/null 2>&1 && rpm -qf "$BIN" >/dev/null 2>&1; then
        die "$BIN belongs to the tidings .rpm; use dnf/zypper/rpm to upgrade or remove it"
    fi
}

create_account() {
    if getent passwd "$TIDINGS_USER" >/dev/null; then
        return 0
    fi
    command -v useradd >/dev/null 2>&1 || die "useradd not found (package passwd or shadow-utils)"
    nologin=/bin/false
    for candidate in /usr/sbin/nologin /sbin/nologin; do
        if [ -x "$candidate" ]; then nologin=$candidate; break; fi
    done
    getent group "$TIDINGS_USER" >/dev/null || groupadd -r "$TIDINGS_USER"
    useradd -r -g "$TIDINGS_USER" -d "$DATA_DIR" -M -s "$nologin" \
        -c "Tidings marketing automation" "$TIDINGS_USER"
    say "created system account $TIDINGS_USER"
}

# Runs a command as the tidings account with a clean environment, so that TIDINGS_* variables
# from the admin's shell cannot leak into the generated config.
as_tidings() {
    if command -v runuser >/dev/null 2>&1; then
        runuser -u "$TIDINGS_USER" -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
            HOME="$DATA_DIR" LANG=C.UTF-8 "$@"
    elif command -v setpriv >/dev/null 2>&1; then
        setpriv --reuid="$TIDINGS_USER" --regid="$TIDINGS_USER" --init-groups \
            env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$DATA_DIR" LANG=C.UTF-8 "$@"
    else
        die "neither runuser nor setpriv found (package util-linux)"
    fi
}

# `tidings init` runs as tidings so that everything it creates in the data dir belongs to the
# service. It cannot write into /etc/tidings (root:tidings 0750), so it writes the config into a
# private staging directory, and root moves the file into place already owned root:tidings 0640:
# the service can read it, only root can change it.
first_config() {
    if [ -e "$CONFIG_FILE" ]; then
        say "kept existing $CONFIG_FILE"
        return 0
    fi
    staging=$(mktemp -d "$CONFIG_DIR/.init.XXXXXX")
    trap 'rm -rf "$staging"' EXIT
    chown "$TIDINGS_USER:$TIDINGS_USER" "$staging"
    chmod 0700 "$staging"
    (cd / && as_tidings "$BIN" init --config "$staging/config.toml" --data-dir "$DATA_DIR")
    chown "root:$TIDINGS_USER" "$staging/config.toml"
    chmod 0640 "$staging/config.toml"
    # Same file system, so the rename is atomic: the service never sees half a config.
    mv "$staging/config.toml" "$CONFIG_FILE"
    rm -rf "$staging"
    trap - EXIT
    say "wrote $CONFIG_FILE"
}

do_install() {
    src=$(cd "$(dirname "$0")/.." && pwd)
    for f in bin/tidings systemd/tidings.service config.example.toml README.md; do
        [ -f "$src/$f" ] || die "$src/$f is missing: run this from the unpacked release tarball"
    done
    [ "$(uname -m)" = x86_64 ] || die "this build is for x86_64, not $(uname -m)"
    refuse_if_packaged

    upgrade=false
    [ -e "$BIN" ] && upgrade=true

    # Copy, then rename: a running tidings keeps its old inode, and no process ever executes
    # a half-written file.
    install -m 0755 "$src/bin/tidings" "$BIN.new"
    mv -f "$BIN.new" "$BIN"
    install -d -m 0755 "$UNIT_DIR" "$DOC_DIR"
    install -m 0644 "$src/systemd/tidings.service" "$UNIT"
    install -m 0644 "$src/README.md" "$DOC_DIR/README"
    install -m 0644 "$src/config.example.toml" "$DOC_DIR/config.example.toml"
    say "installed $BIN, $UNIT and $DOC_DIR"

    create_account
    # install -d also resets owner and mode of an existing directory: the config holds secrets
    # and the data dir holds personal data, so neither may drift to something wider.
    install -d -m 0750 -o root -g "$TIDINGS_USER" "$CONFIG_DIR"
    install -d -m 0750 -o "$TIDINGS_USER" -g "$TIDINGS_USER" "$DATA_DIR"
    first_config

    if systemd_running; then
        systemctl daemon-reload
        # Like the packages: a running service moves to the new binary, a stopped one stays stopped.
        if $upgrade; then
            systemctl try-restart tidings.service
        fi
    else
        say "systemd is not running here: start '$BIN serve --config $CONFIG_FILE' as $TIDINGS_USER yourself"
    fi

    cat <<EOF

Next steps:
  1. Review $CONFIG_FILE (SMTP relay, public base URL). Every key is documented in
     $DOC_DIR/config.example.toml.
  2. Start the service now and at every boot:
       systemctl enable --now tidings
  3. The first admin's one-time password is in a file only the service can read:
       sudo cat $DATA_DIR/first-admin-password
  4. Data (store, search index, keys, default backups) lives in $DATA_DIR, owned by $TIDINGS_USER.
     Run the CLI as that account, e.g.: sudo -u $TIDINGS_USER tidings backup
  5. Until you provide a certificate, HTTPS on port 8443 uses a self-signed one. To use a real
     certificate, set in $CONFIG_FILE:
       [tls]
       cert_file = "/etc/tidings/tls/fullchain.pem"
       key_file  = "/etc/tidings/tls/privkey.pem"
     (both readable by group $TIDINGS_USER, the key 0640 root:$TIDINGS_USER), then
       systemctl restart tidings
EOF
}

do_uninstall() {
    purge=$1
    assume_yes=$2
    refuse_if_packaged

    if $purge && ! $assume_yes; then
        [ -t 0 ] || die "--purge deletes personal data irrevocably; add --yes to confirm non-interactively"
        printf 'Delete %s, %s (all contacts, consent records, audit log, keys, backups) and the %s account? Type "yes": ' \
            "$CONFIG_DIR" "$DATA_DIR" "$TIDINGS_USER"
        read -r answer
        [ "$answer" = yes ] || die "nothing deleted"
    fi

    if systemd_running; then
        systemctl disable --now tidings.service 2>/dev/null || true
    elif [ -L /etc/systemd/system/multi-user.target.wants/tidings.service ]; then
        # What `systemctl disable` would remove; done by hand where systemd is not running.
        rm -f /etc/systemd/system/multi-user.target.wants/tidings.service
    fi
    rm -f "$BIN" "$UNIT"
    rm -rf "$DOC_DIR"
    if systemd_running; then
        systemctl daemon-reload
    fi
    say "removed $BIN, $UNIT and $DOC_DIR"

    if ! $purge; then
        say "kept $CONFIG_DIR, $DATA_DIR and the $TIDINGS_USER account (use --purge to delete them)"
        return 0
    fi
    # Files first, account last, so that nothing is left owned by a UID a later account could get.
    rm -rf "$DATA_DIR" "$CONFIG_DIR"
    if getent passwd "$TIDINGS_USER" >/dev/null; then
        userdel "$TIDINGS_USER"
    fi
    if getent group "$TIDINGS_USER" >/dev/null; then
        groupdel "$TIDINGS_USER"
    fi
    say "deleted $CONFIG_DIR, $DATA_DIR and the $TIDINGS_USER account"
}

action=install
assume_yes=false
for arg in "$@"; do
    case "$arg" in
        --uninstall) action=uninstall ;;
        --purge) action=purge ;;
        --yes) assume_yes=true ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

[ "$(id -u)" -eq 0 ] || die "run as root (it installs to /usr/bin and creates a system account)"

case "$action" in
    install) do_install ;;
    uninstall) do_uninstall false "$assume_yes" ;;
    purge) do_uninstall true "$assume_yes" ;;
esac
