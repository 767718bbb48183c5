//! TypeScript types for everything that crosses IPC, generated from the Rust
//! types with ts-rs into `ui/src/bindings.ts`, so the UI and the shell cannot
//! drift apart. The test fails if the file is out of date; regenerate with
//! `TOUCAN_UPDATE_BINDINGS=1 cargo test -p toucan-keys bindings`.

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    use crate::commands::{CopyReply, CopyTokenReply, CreatedKeyReply, RevokeReply, WorkspaceView};
    use crate::updates::UpdateCheck;
    use toucan_keys_core::updates::UpdateOffer;
    use toucan_keys_core::workspace::{
        Attribute, GeneratedToken, Level, PendingRevocation, Permission, Resource, Role, ServerKeyState, TokenRequest,
    };
    use toucan_keys_core::{ClipboardClear, Expiry, KeyId, KeyRecord, KeyStatus, KeySummary, Settings};

    fn declaration<T: TS>(config: &Config) -> String {
        format!("export {}\n", T::decl(config))
    }

    fn generated() -> String {
        let config = Config::new();
        let mut out = String::from("// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.\n\n");
        for declaration in [
            declaration::<KeyId>(&config),
            declaration::<KeyRecord>(&config),
            declaration::<KeyStatus>(&config),
            declaration::<KeySummary>(&config),
            declaration::<Expiry>(&config),
            declaration::<ClipboardClear>(&config),
            declaration::<Settings>(&config),
            declaration::<CreatedKeyReply>(&config),
            declaration::<CopyReply>(&config),
            declaration::<RevokeReply>(&config),
            declaration::<ServerKeyState>(&config),
            declaration::<PendingRevocation>(&config),
            declaration::<WorkspaceView>(&config),
            declaration::<Role>(&config),
            declaration::<Resource>(&config),
            declaration::<Level>(&config),
            declaration::<Permission>(&config),
            declaration::<Attribute>(&config),
            declaration::<TokenRequest>(&config),
            declaration::<GeneratedToken>(&config),
            declaration::<CopyTokenReply>(&config),
            declaration::<UpdateOffer>(&config),
            declaration::<UpdateCheck>(&config),
        ] {
            out.push_str(&declaration);
            out.push('\n');
        }
        out.push_str("/** How every command error arrives: a stable code and a message for people. */\n");
        out.push_str("export type IpcError = { code: string; message: string };\n");
        out
    }

    #[test]
    fn bindings_are_up_to_date() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
        let expected = generated();
        if std::env::var_os("TOUCAN_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).unwrap();
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == expected,
            "ui/src/bindings.ts is out of date: run TOUCAN_UPDATE_BINDINGS=1 cargo test -p toucan-keys bindings"
        );
    }
}
