//! Prints a new API key and its fingerprint on one line, for test scripts
//! that need a real key (`scripts/check-openapi.sh`): the key format and its
//! checksum come from this crate, not from a copy of them.
//!
//!   cargo run -q -p toucan-keys-protocol --example test_key  →  tck_… <sha256>

use toucan_keys_protocol::key_format;

fn main() {
    let key = key_format::generate();
    println!("{} {}", key.expose_secret(), key.fingerprint());
}
