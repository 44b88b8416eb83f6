#!/bin/sh
# %preun for the tidings .rpm ($1: 0 = erase, 1 = upgrade).
#
# On erase the service is disabled and stopped while its binary still exists (%systemd_preun).
# On upgrade nothing happens here: %postun try-restarts it onto the new binary.
# Data and config stay after erase (rpm has no purge); packaging/README.md says how to delete them.
if [ "$1" -eq 0 ] && command -v systemctl >/dev/null 2>&1; then
    # `disable` works without a running systemd; `--now` then fails to stop, which is fine.
    systemctl --no-reload disable --now tidings.service >/dev/null 2>&1 || :
fi
exit 0
