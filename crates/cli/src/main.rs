//! `toucan-keys-cli`: see the crate's documentation (`src/lib.rs`).

fn main() -> std::process::ExitCode {
    toucan_keys_cli::main_with(std::env::args_os())
}
