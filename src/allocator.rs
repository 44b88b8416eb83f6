//! Settings for the global allocator, mimalloc (declared in `main.rs`, and by the benchmarks
//! that measure what the binary does).

/// `mi_option_purge_delay` in mimalloc.h (the same index in mimalloc 2 and 3); the Rust
/// bindings name no constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Call first thing in `main`.
///
/// mimalloc 3 keeps freed pages for a second before it returns them to the system (mimalloc 2
/// kept them for 10 ms). sled copies a node on every write, so a bulk import frees memory
/// about as fast as it allocates it. A 1M-row import, one run after another: a 1 s delay
/// peaked at 400 MB in 28.0 s, 50 ms at 314 MB in 28.9 s, 10 ms at 325 MB in 30.9 s (more time
/// in madvise). mimalloc's own `MIMALLOC_PURGE_DELAY`, when set, still decides.
pub fn tune() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one integer option; it takes no pointers, and mimalloc reads options
        // atomically.
        #[allow(unsafe_code)]
        unsafe {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 50)
        };
    }
}

/// Starts a thread that lets mimalloc hand back, once a second, the memory it holds for
/// reuse (call once, from a long-running command).
///
/// mimalloc returns freed memory to the system only after the purge delay *and* at its next
/// allocation or free: a server that goes idle after a busy spell (a merge after an import,
/// a burst of searches) calls neither, and kept ~16 MB it no longer used until the next
/// request. `mi_collect(false)` purges what has waited past the delay (the arenas are shared
/// by every thread), without forcing anything younger.
pub fn start_collector() {
    let spawned = std::thread::Builder::new().name("tidings-alloc".into()).spawn(|| {
        // mimalloc ignores `mi_collect` from a thread that has never allocated.
        let first = std::hint::black_box(vec![0u8; 64]);
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
            // SAFETY: takes no pointers; mimalloc may be called from any thread at any time.
            #[allow(unsafe_code)]
            unsafe {
                libmimalloc_sys::mi_collect(false)
            };
            std::hint::black_box(&first);
        }
    });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "could not start the allocator's collector thread");
    }
}
