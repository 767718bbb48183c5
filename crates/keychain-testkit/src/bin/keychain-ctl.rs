//! `keychain-ctl lock|unlock|status`: locks or unlocks the private test
//! keychain from scripts and end-to-end tests.

#[cfg(target_os = "linux")]
fn main() {
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "lock" => keychain_testkit::lock(),
        "unlock" => keychain_testkit::unlock(),
        "status" => {
            keychain_testkit::is_locked().map(|locked| println!("{}", if locked { "locked" } else { "unlocked" }))
        }
        _ => {
            eprintln!("usage: keychain-ctl lock|unlock|status");
            std::process::exit(2);
        }
    };
    if let Err(error) = result {
        eprintln!("keychain-ctl {command}: {error}");
        std::process::exit(1);
    }
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("keychain-ctl drives the Linux Secret Service test keychain; this system has none.");
    std::process::exit(2);
}
