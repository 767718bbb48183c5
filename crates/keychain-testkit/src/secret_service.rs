//! The Linux Secret Service test keychain, over D-Bus and `secret-tool`.

use std::process::Command;

use crate::PASSWORD_VARIABLE;

use zbus::blocking::Connection;
use zbus::zvariant::{ObjectPath, OwnedObjectPath, OwnedValue, Value};

const BUS_NAME: &str = "org.freedesktop.secrets";
const SERVICE_PATH: &str = "/org/freedesktop/secrets";
const SERVICE_INTERFACE: &str = "org.freedesktop.Secret.Service";
const GNOME_INTERFACE: &str = "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface";

/// Panics with a clear message unless the private test keychain is running.
/// Keychain tests call this first, so that they fail (never skip) without it.
pub fn require_test_keychain() {
    assert!(
        std::env::var_os(PASSWORD_VARIABLE).is_some(),
        "These tests need the private test keychain. Run them through scripts/with-keychain.sh \
         (see README), which starts a D-Bus session with an unlocked gnome-keyring."
    );
    default_collection().expect("the test keychain (Secret Service) is not answering on the session bus");
}

fn connection() -> zbus::Result<Connection> {
    Connection::session()
}

fn default_collection() -> zbus::Result<OwnedObjectPath> {
    let reply = connection()?.call_method(
        Some(BUS_NAME),
        SERVICE_PATH,
        Some(SERVICE_INTERFACE),
        "ReadAlias",
        &("default",),
    )?;
    reply.body().deserialize()
}

/// Locks the default collection, as the screen locker or the person would.
pub fn lock() -> zbus::Result<()> {
    let collection = default_collection()?;
    connection()?.call_method(
        Some(BUS_NAME),
        SERVICE_PATH,
        Some(SERVICE_INTERFACE),
        "Lock",
        &(vec![collection],),
    )?;
    Ok(())
}

/// Unlocks the default collection with the test keychain's password.
pub fn unlock() -> zbus::Result<()> {
    let password = std::env::var(PASSWORD_VARIABLE).unwrap_or_default();
    let connection = connection()?;
    let collection = default_collection()?;
    let reply = connection.call_method(
        Some(BUS_NAME),
        SERVICE_PATH,
        Some(SERVICE_INTERFACE),
        "OpenSession",
        &("plain", Value::from("")),
    )?;
    let (_, session): (OwnedValue, OwnedObjectPath) = reply.body().deserialize()?;
    let secret = (
        ObjectPath::from(&session),
        Vec::<u8>::new(),
        password.into_bytes(),
        "text/plain",
    );
    connection.call_method(
        Some(BUS_NAME),
        SERVICE_PATH,
        Some(GNOME_INTERFACE),
        "UnlockWithMasterPassword",
        &(collection, secret),
    )?;
    Ok(())
}

/// Whether the default collection is locked.
pub fn is_locked() -> zbus::Result<bool> {
    let collection = default_collection()?;
    let proxy = zbus::blocking::Proxy::new(
        &connection()?,
        BUS_NAME,
        collection,
        "org.freedesktop.Secret.Collection",
    )?;
    proxy.get_property("Locked")
}

/// What `secret-tool lookup service <service> username <account>` prints:
/// the stored secret, or `None` when there is no such entry.
pub fn secret_tool_lookup(service: &str, account: &str) -> Option<String> {
    let output = Command::new("secret-tool")
        .args(["lookup", "service", service, "username", account])
        .output()
        .expect("secret-tool is installed (Debian: libsecret-tools)");
    output
        .status
        .success()
        .then(|| String::from_utf8(output.stdout).expect("UTF-8 secret"))
}

/// Deletes an entry from outside the app (`secret-tool clear`).
pub fn secret_tool_clear(service: &str, account: &str) {
    let status = Command::new("secret-tool")
        .args(["clear", "service", service, "username", account])
        .status()
        .expect("secret-tool is installed");
    assert!(status.success(), "secret-tool clear failed");
}

/// The labels of every entry under `service` (`secret-tool search --all`).
pub fn secret_tool_labels(service: &str) -> Vec<String> {
    // A search stops early when another test deletes an item it is reading;
    // such a search fails, and is asked again.
    let mut labels = Vec::new();
    for _ in 0..5 {
        let output = Command::new("secret-tool")
            .args(["search", "--all", "--unlock", "service", service])
            .output()
            .expect("secret-tool is installed");
        let listing = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
        labels = listing
            .lines()
            .filter_map(|line| line.strip_prefix("label = "))
            .map(str::to_owned)
            .collect();
        if output.status.success() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    labels
}
