#!/bin/sh
# %pre for the tidings .rpm ($1: 1 = install, 2 = upgrade).
#
# The account exists before any file lands, so that %post can run `tidings init` as tidings.
# It is never removed by the package (Fedora's guideline for system accounts): files in
# /var/lib/tidings may outlive the package, and a reused UID would inherit them.
set -e

TIDINGS_USER=tidings
DATA_DIR=/var/lib/tidings

getent group "$TIDINGS_USER" >/dev/null || groupadd -r "$TIDINGS_USER"
getent passwd "$TIDINGS_USER" >/dev/null || \
    useradd -r -g "$TIDINGS_USER" -d "$DATA_DIR" -M -s /sbin/nologin \
        -c "Tidings marketing automation" "$TIDINGS_USER"
exit 0
