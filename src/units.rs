//! Sizes as people read them, for every message that names a bound (HTTP refusals, the control
//! socket, the bounce mailbox).

/// `65536` → "64 KiB", `4194304` → "4 MiB".
pub fn human(bytes: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes % KIB == 0 {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}
