#!/bin/sh
# %postun for the tidings .rpm ($1: 0 = erase, 1 = upgrade).
#
# systemd forgets a removed unit file and picks up a changed one only after daemon-reload.
# On upgrade a running service is restarted onto the new binary; a stopped one stays stopped
# (try-restart), as with %systemd_postun_with_restart.
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 1 ]; then
        systemctl try-restart tidings.service >/dev/null 2>&1 || :
    fi
fi
exit 0
