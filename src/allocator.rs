//! Settings for the global allocator, mimalloc (declared in `main.rs`, and by the benchmarks
//! that measure what the binary does).

/// `mi_option_purge_delay` in mimalloc.h (the same index in mimalloc 2 and 3); the Rust
/// bindings name no constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Call first thing in `main`.
///
/// mimalloc 3 keeps freed memory for a second before it returns it to the system (mimalloc 2
/// kept it for 10 ms). sled copies a node on every write, so a bulk import frees memory about
/// as fast as it allocates it (~400 MB/s): whatever waits out the delay is resident for
/// nothing. A 1M-row import, runs side by side (peak RSS, wall time): 50 ms 296/296 MB in
/// 23.0/22.7 s, 5 ms 272/265 MB in 24.2/23.4 s, 2 ms 257/267 MB in 26.2/24.4 s; 1 s peaked at
/// 400 MB. 5 ms keeps most of the saving for a few percent of time (more madvise and page
/// faults). mimalloc's own `MIMALLOC_PURGE_DELAY`, when set, still decides.
pub fn tune() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one integer option; it takes no pointers, and mimalloc reads options
        // atomically.
        #[allow(unsafe_code)]
        unsafe {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 5)
        };
    }
}
