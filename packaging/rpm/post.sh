#!/bin/sh
# %post for the tidings .rpm ($1: 1 = install, 2 = upgrade).
#
# Directories and the first config are made exactly as packaging/deb/postinst and
# packaging/install.sh make them; then systemd is told about the unit. Like %systemd_post,
# the unit follows the distribution's presets on first install (disabled unless a preset
# enables it) and is never started here: the admin reviews the config first.
set -e

TIDINGS_USER=tidings
CONFIG_DIR=/etc/tidings
CONFIG_FILE=/etc/tidings/config.toml
DATA_DIR=/var/lib/tidings
TIDINGS_BIN=/usr/bin/tidings

# Runs a command as the tidings account with a clean environment, so that TIDINGS_* variables
# from the admin's shell cannot leak into the generated config.
as_tidings() {
    if command -v runuser >/dev/null 2>&1; then
        runuser -u "$TIDINGS_USER" -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
            HOME="$DATA_DIR" LANG=C.UTF-8 "$@"
    else
        setpriv --reuid="$TIDINGS_USER" --regid="$TIDINGS_USER" --init-groups \
            env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$DATA_DIR" LANG=C.UTF-8 "$@"
    fi
}

# `tidings init` runs as tidings so that everything it creates in the data dir belongs to the
# service. It cannot write into /etc/tidings (root:tidings 0750), so it writes the config into a
# private staging directory, and root moves the file into place already owned root:tidings 0640.
first_config() {
    if [ -e "$CONFIG_FILE" ]; then
        return 0
    fi
    staging=$(mktemp -d "$CONFIG_DIR/.init.XXXXXX")
    trap 'rm -rf "$staging"' EXIT
    chown "$TIDINGS_USER:$TIDINGS_USER" "$staging"
    chmod 0700 "$staging"
    (cd / && as_tidings "$TIDINGS_BIN" init --config "$staging/config.toml" --data-dir "$DATA_DIR")
    chown "root:$TIDINGS_USER" "$staging/config.toml"
    chmod 0640 "$staging/config.toml"
    mv "$staging/config.toml" "$CONFIG_FILE"
    rm -rf "$staging"
    trap - EXIT
    echo "tidings: wrote $CONFIG_FILE; review it, then: systemctl enable --now tidings" >&2
    echo "tidings: once started, the first admin's one-time password is in /var/lib/tidings/first-admin-password" >&2
}

# install -d also resets owner and mode of an existing directory: the config holds secrets and
# the data dir holds personal data, so neither may drift to something wider.
install -d -m 0750 -o root -g "$TIDINGS_USER" "$CONFIG_DIR"
install -d -m 0750 -o "$TIDINGS_USER" -g "$TIDINGS_USER" "$DATA_DIR"
first_config

if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
fi
if [ "$1" -eq 1 ] && command -v systemctl >/dev/null 2>&1; then
    # Works offline too (image builds, containers): it only creates or skips the symlinks.
    systemctl --no-reload preset tidings.service >/dev/null 2>&1 || :
fi
exit 0
