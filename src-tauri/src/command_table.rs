// The one list of commands the page may call: name, arguments and reply.
// `command_table!` is defined twice: in `commands.rs`, where each line
// becomes a Tauri command that makes one call to `ToucanApp`, the handler
// list, and the TypeScript command map in `ui/src/bindings.ts`; and in
// `build.rs`, where the names become the app's permission manifest and
// `capabilities/main.json` (which grants exactly these; a test keeps it equal).
// In the page, `api` (ui/src/ipc.ts) is made from the generated bindings.
//
// `sync` calls the core, `async` awaits it (both where they may block: see
// `may_block`), and `shell` is a command written by hand in the shell (the
// updater plugin lives there).
command_table! {
    sync list_keys() -> Vec<KeySummary>;
    sync check_keychain() -> Vec<KeySummary>;
    sync found_keys() -> Vec<FoundKey>;
    async restore_found_key(id: KeyId) -> KeySummary;
    async delete_found_key(id: KeyId) -> DeleteReply;
    async create_key(name: String, expiry: Expiry, origins: Vec<String>, limits: KeyLimits) -> CreatedKeyReply;
    async set_key_origins(id: KeyId, origins: Vec<String>) -> OriginsReply;
    async set_key_limits(id: KeyId, limits: KeyLimits) -> OriginsReply;
    async roll_key(id: KeyId, overlap: RollOverlap) -> RolledKeyReply;
    async retire_due_keys() -> Vec<KeySummary>;
    sync copy_key(id: KeyId) -> CopyReply;
    sync rename_key(id: KeyId, name: String) -> KeySummary;
    sync key_details(id: KeyId) -> KeyDetails;
    sync copy_fingerprint(id: KeyId) -> ();
    sync code_snippets() -> Vec<CodeSnippet>;
    sync copy_snippet(language: SnippetLanguage) -> ();
    sync identify_key(pasted: PastedKey) -> Identified;
    async ask_server_about_key(fingerprint: String) -> String;
    async revoke_key(id: KeyId) -> RevokeReply;
    async delete_key(id: KeyId) -> DeleteReply;
    sync get_settings() -> Settings;
    sync change_setting(change: SettingChange) -> Settings;
    sync window_language() -> WindowLanguages;
    sync get_workspace() -> WorkspaceView;
    async sync_workspace() -> WorkspaceView;
    async connect_workspace(server_url: String, account_token: String) -> WorkspaceView;
    sync disconnect_workspace() -> ();
    async declared_attributes() -> Vec<DeclaredAttribute>;
    async generate_token(id: KeyId, request: TokenRequest) -> GeneratedToken;
    sync copy_token() -> CopyTokenReply;
    shell show_due_notices() -> ();
    shell get_autostart() -> bool;
    shell set_autostart(enabled: bool) -> bool;
    shell check_for_update() -> UpdateCheck;
    shell install_update() -> ();
}
