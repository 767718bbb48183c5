//! TypeScript types for everything that crosses IPC, generated from the Rust
//! types with ts-rs into `ui/src/bindings.ts`, with the command map made from
//! the command table, so the UI and the shell cannot drift apart. The test fails if the file is out of date; regenerate with
//! `TOUCAN_UPDATE_BINDINGS=1 cargo test -p toucan-keys bindings`.

/// `server_url` → `serverUrl`: how Tauri names a command's arguments.
#[cfg(test)]
pub(crate) fn camel_case(snake: &str) -> String {
    let mut parts = snake.split('_');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    use crate::updates::UpdateCheck;
    use toucan_keys_core::activity::{Activity, ActivityEvent};
    use toucan_keys_core::app::{
        ActivityLine, CopyReply, CopyTokenReply, CreatedKeyReply, DeleteReply, Identified, KeyDetails, OriginsReply,
        PastedKey, RevokeReply, RolledKeyReply, WorkspaceView,
    };
    use toucan_keys_core::choices::{Defaults, PresetChoice, ResourceLevels, RolePermissions, Schedule};
    use toucan_keys_core::i18n::OfferedLanguage;
    use toucan_keys_core::limits::{KeyLimits, LimitBreach, Preset};
    use toucan_keys_core::record::LeakReport;
    use toucan_keys_core::snippets::{CodeSnippet, SnippetLanguage};
    use toucan_keys_core::updates::UpdateOffer;
    use toucan_keys_core::workspace::{
        Attribute, AttributeType, DeclaredAttribute, GeneratedToken, Level, PendingRevocation, Permission, Resource,
        Role, ServerKeyState, TokenRequest,
    };
    use toucan_keys_core::{
        Choices, ClipboardClear, ErrorCode, ErrorField, Expiry, ExpiryKind, FoundKey, KeyActions, KeyId, KeyRecord,
        KeyStatus, KeySummary, Language, RollOverlap, SettingChange, Settings, WindowLanguages,
    };

    fn declaration<T: TS>(config: &Config) -> String {
        format!("export {}\n", T::decl(config))
    }

    fn generated() -> String {
        let config = Config::new();
        let mut out = String::from("// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.\n\n");
        for declaration in [
            declaration::<ErrorCode>(&config),
            declaration::<ErrorField>(&config),
            declaration::<KeyId>(&config),
            declaration::<LeakReport>(&config),
            declaration::<KeyRecord>(&config),
            declaration::<KeyStatus>(&config),
            declaration::<KeyActions>(&config),
            declaration::<KeySummary>(&config),
            declaration::<FoundKey>(&config),
            declaration::<Expiry>(&config),
            declaration::<ExpiryKind>(&config),
            declaration::<ClipboardClear>(&config),
            declaration::<Language>(&config),
            declaration::<SettingChange>(&config),
            declaration::<OfferedLanguage>(&config),
            declaration::<WindowLanguages>(&config),
            declaration::<Settings>(&config),
            declaration::<CreatedKeyReply>(&config),
            declaration::<RollOverlap>(&config),
            declaration::<RolledKeyReply>(&config),
            declaration::<Activity>(&config),
            declaration::<ActivityEvent>(&config),
            declaration::<ActivityLine>(&config),
            declaration::<KeyDetails>(&config),
            declaration::<SnippetLanguage>(&config),
            declaration::<CodeSnippet>(&config),
            declaration::<CopyReply>(&config),
            declaration::<RevokeReply>(&config),
            declaration::<OriginsReply>(&config),
            declaration::<DeleteReply>(&config),
            declaration::<Identified>(&config),
            declaration::<PastedKey>(&config),
            declaration::<ServerKeyState>(&config),
            declaration::<PendingRevocation>(&config),
            declaration::<WorkspaceView>(&config),
            declaration::<Role>(&config),
            declaration::<Resource>(&config),
            declaration::<Level>(&config),
            declaration::<Permission>(&config),
            declaration::<Attribute>(&config),
            declaration::<TokenRequest>(&config),
            declaration::<AttributeType>(&config),
            declaration::<DeclaredAttribute>(&config),
            declaration::<GeneratedToken>(&config),
            declaration::<CopyTokenReply>(&config),
            declaration::<UpdateOffer>(&config),
            declaration::<UpdateCheck>(&config),
            declaration::<Defaults>(&config),
            declaration::<Schedule>(&config),
            declaration::<KeyLimits>(&config),
            declaration::<LimitBreach>(&config),
            declaration::<Preset>(&config),
            declaration::<PresetChoice>(&config),
            declaration::<ResourceLevels>(&config),
            declaration::<RolePermissions>(&config),
            declaration::<Choices>(&config),
        ] {
            out.push_str(&declaration);
            out.push('\n');
        }
        let choices = serde_json::to_string(&toucan_keys_core::choices()).expect("choices serialize");
        out.push_str("/** The values the window offers to choose from, as the core accepts them. */\n");
        out.push_str(&format!("export const CHOICES: Choices = {choices};\n\n"));
        out.push_str(&crate::commands::typescript_command_map(&config));
        out.push('\n');
        out.push_str(
            "/** How every command error arrives: a stable code, a message for people, and the field it is about. */\n",
        );
        out.push_str("export type IpcError = { code: ErrorCode; message: string; field: ErrorField | null };\n");
        out
    }

    #[test]
    fn arguments_are_named_as_tauri_reads_them() {
        assert_eq!(super::camel_case("server_url"), "serverUrl");
        assert_eq!(super::camel_case("id"), "id");
        assert_eq!(super::camel_case("account_token"), "accountToken");
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
