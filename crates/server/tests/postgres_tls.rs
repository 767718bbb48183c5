//! The server's connection to PostgreSQL over TLS: the throwaway cluster of
//! `scripts/with-postgres.sh` also listens on 127.0.0.1 with TLS only
//! (hostssl), its certificate signed by a throwaway CA.
//!
//! Needs that cluster: `scripts/with-postgres.sh cargo test -p
//! toucan-embed-server --test postgres_tls` (scripts/test.sh does).

mod support;

use toucan_embed_server::store::{DatabaseLocation, Store};

fn tls_cluster() -> (String, String) {
    let needed = "these tests need PostgreSQL with TLS: run them as scripts/with-postgres.sh cargo test -p toucan-embed-server --test postgres_tls";
    (
        std::env::var("TOUCAN_EMBED_TEST_POSTGRES_TLS").expect(needed),
        std::env::var("TOUCAN_EMBED_TEST_POSTGRES_CA").expect(needed),
    )
}

async fn open(url: String) -> Result<Store, String> {
    Store::open(&DatabaseLocation::Postgres(url))
        .await
        .map_err(|error| error.to_string())
}

/// verify-full with the cluster's CA connects (and migrates); require
/// connects too; without TLS the cluster refuses the connection, so the
/// other two really went over TLS.
#[tokio::test]
async fn the_store_connects_over_tls_as_the_address_asks() {
    let (cluster, ca) = tls_cluster();
    let verified = open(format!("{cluster} sslmode=verify-full sslrootcert={ca}")).await;
    let store = verified.expect("verify-full with the cluster's CA");
    store.ping().await.unwrap();
    assert_eq!(store.kind(), "postgres");
    open(format!("{cluster} sslmode=require")).await.expect("require");
    let plain = open(cluster.clone())
        .await
        .err()
        .expect("the cluster takes TCP connections over TLS only");
    assert!(
        plain.contains("pg_hba") || plain.contains("no encryption") || plain.contains("rejects"),
        "{plain}"
    );
}

/// A certificate that doesn't chain to the named CA, or a host name the
/// certificate doesn't name, is refused under verify-full: nothing is sent.
#[tokio::test]
async fn verify_full_refuses_another_ca_and_another_host_name() {
    let (cluster, ca) = tls_cluster();
    let other = tempfile::tempdir().unwrap();
    let other_ca = other.path().join("other-ca.pem");
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-days",
            "1",
        ])
        .args(["-subj", "/CN=another-ca", "-keyout"])
        .arg(other.path().join("other-ca.key"))
        .arg("-out")
        .arg(&other_ca)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let refused = open(format!(
        "{cluster} sslmode=verify-full sslrootcert={}",
        other_ca.display()
    ))
    .await
    .err()
    .expect("a certificate from another CA was accepted");
    assert!(refused.to_lowercase().contains("certificate"), "{refused}");

    // The certificate names localhost and 127.0.0.1, not this name for the same address.
    let by_other_name = cluster.replace("host=localhost", "host=127.0.0.1 hostaddr=127.0.0.1");
    assert!(
        open(format!("{by_other_name} sslmode=verify-full sslrootcert={ca}"))
            .await
            .is_ok()
    );
    let wrong_name = cluster.replace("host=localhost", "host=db.example hostaddr=127.0.0.1");
    let refused = open(format!("{wrong_name} sslmode=verify-full sslrootcert={ca}"))
        .await
        .err()
        .expect("a certificate for another host name was accepted");
    assert!(refused.to_lowercase().contains("certificate"), "{refused}");
}
