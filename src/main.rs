//! The `tidings` binary: parse the command line, hand over to the library.

use clap::Parser;

/// mimalloc instead of the C library's allocator: sled copies a node on every write and
/// tantivy allocates per term, and musl's malloc in particular is slow under threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    tidings::allocator::tune();
    tidings::cli::run(tidings::cli::Cli::parse())
}
