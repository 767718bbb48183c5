// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use toucan_keys_app::command_line::{self, Launch};

fn main() {
    // First, before any key can be in memory. Failing is not fatal: the app
    // works as before, only without this protection.
    if let Err(error) = toucan_keys_core::process_guard::disable_core_dumps() {
        eprintln!("toucan-keys: core dumps could not be turned off ({error})");
    }
    match command_line::parse(std::env::args_os().skip(1)) {
        Launch::Window => {
            let display = std::env::var_os("DISPLAY");
            let wayland = std::env::var_os("WAYLAND_DISPLAY");
            if let Some(why) = command_line::no_desktop_session(display.as_deref(), wayland.as_deref()) {
                eprintln!("{why}");
                std::process::exit(1);
            }
            toucan_keys_app::configure_engine();
            toucan_keys_app::run()
        }
        Launch::Help => println!("{}", command_line::help()),
        Launch::Version => println!("{}", command_line::version()),
    }
}
