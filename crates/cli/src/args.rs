//! The command line: subcommands, their options, and how each text option
//! becomes a value of the core (an expiry, a role, a permission…).

use std::ffi::OsString;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use toucan_keys_core::choices::DEFAULTS;
use toucan_keys_core::expiry::ExpiryKind;
use toucan_keys_core::limits::{KeyLimits, Preset};
use toucan_keys_core::workspace::{Attribute, Permission, Role, TokenRequest};
use toucan_keys_core::{Expiry, RollOverlap};

/// Your Toucan API keys, from the terminal: the same keys as the Toucan Keys app.
#[derive(Debug, Parser)]
/// (Its --help, examples included, is worded from the catalogues: help.rs.)
#[command(name = "toucan-keys-cli", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lists your keys, newest first (never their secrets).
    List {
        /// As JSON, for scripts.
        #[arg(long)]
        json: bool,
        /// Instead, the keys found in your keychain that this computer's list
        /// doesn't know (its list was moved or lost): restore or delete them.
        #[arg(long)]
        found: bool,
    },
    /// Brings a key found in your keychain back into the list, usable again.
    Restore {
        /// The found key's id (key_…), as `list --found` shows it.
        key: String,
    },
    /// Finds Toucan keys in files and folders (following .gitignore), or in
    /// what `git commit` would commit (--staged), and says which of your keys
    /// each one is, never the key itself. Exits 1 when one is found.
    Scan {
        /// Files and folders to search; none: this folder.
        paths: Vec<std::path::PathBuf>,
        /// Search what is staged for the next commit instead.
        #[arg(long, conflicts_with = "paths")]
        staged: bool,
        /// As JSON, for tools.
        #[arg(long)]
        json: bool,
    },
    /// Git hooks: `hook install` adds `scan --staged` to this repository's
    /// pre-commit hook (a hook already there is kept).
    Hook {
        #[command(subcommand)]
        action: HookAction,
    },
    /// Creates a key. Its secret is shown once: printed when the output is not a
    /// terminal (or with --show); on a terminal, offered for the clipboard.
    Create {
        /// The key's name (1 to 64 characters, unique among active keys).
        #[arg(long)]
        name: String,
        /// 30d, 60d, 90d, a date (YYYY-MM-DD) or never.
        #[arg(long, default_value = expiry_flag(DEFAULTS.expiry), value_parser = parse_expiry)]
        expires: Expiry,
        /// Print the key even on a terminal.
        #[arg(long)]
        show: bool,
        /// A web origin its session tokens may be used from (repeatable), for
        /// example https://shop.example.com; none: anywhere.
        #[arg(long = "origin", value_name = "ORIGIN")]
        origins: Vec<String>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Changes what a key's tokens may carry and who may ask for them, here
    /// and on your workspace server (the flags of `create`; none: full access).
    Limits {
        /// The key's name or id.
        key: String,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Limits a key's session tokens to these web origins (none: anywhere),
    /// here and on your workspace server.
    Origins {
        /// The key's name or id.
        key: String,
        /// The web origins, for example https://shop.example.com.
        origins: Vec<String>,
    },
    /// Copies a key to the clipboard, cleared after your clipboard delay
    /// (if it still holds the key); waits until then.
    Copy {
        /// The key's name or id.
        key: String,
    },
    /// Makes a key's replacement (same name, expiry and server) and prints it
    /// once, as `create` does; the old key works for the overlap, then is revoked.
    Roll {
        /// The key's name or id.
        key: String,
        /// How long the old key keeps working: 24h, 1h, 7d, or now (a leaked key).
        #[arg(long, default_value = overlap_flag(DEFAULTS.roll_overlap), value_parser = parse_overlap)]
        overlap: RollOverlap,
        /// Print the new key even on a terminal.
        #[arg(long)]
        show: bool,
    },
    /// Everything known about a key, and its history.
    Details {
        /// The key's name or id.
        key: String,
        /// As JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Gives a key a new name.
    Rename {
        /// The key's name or id.
        key: String,
        /// The new name.
        new_name: String,
    },
    /// Revokes a key: it stops working, here and on your workspace server.
    Revoke {
        /// The key's name or id.
        key: String,
        /// Don't ask first.
        #[arg(long)]
        yes: bool,
    },
    /// Deletes a revoked key from the list, or a key found in your keychain
    /// (`list --found`): its secret leaves the keychain and it is revoked.
    Delete {
        /// The key's name or id.
        key: String,
        /// Don't ask first.
        #[arg(long)]
        yes: bool,
    },
    /// Runs a command with a key in its environment, straight from the keychain:
    /// never on disk, never on a command line.
    Run {
        /// The key's name or id.
        #[arg(long)]
        key: String,
        /// The environment variable that holds the key (not one that changes
        /// how programs load or run, such as PATH or LD_PRELOAD).
        #[arg(long, default_value = "TOUCAN_API_KEY", value_parser = parse_variable)]
        env: String,
        /// Show the key if the command prints it. By default it is replaced
        /// with <concealed by toucan-keys> in the command's output, and a
        /// command run in a terminal gets a terminal of its own (it keeps its
        /// colours and prompts).
        #[arg(long)]
        no_masking: bool,
        /// The command and its arguments, after `--`.
        #[arg(last = true, required = true, num_args = 1..)]
        command: Vec<OsString>,
    },
    /// Asks your workspace server for a session token, with the key from the keychain.
    Token {
        /// The key's name or id.
        #[arg(long)]
        key: String,
        /// The token and its decoded claims as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        request: TokenArgs,
    },
    /// Reads a key on standard input and says which of your keys it is.
    Identify,
    /// Prints shell completions.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

/// What `hook` does.
#[derive(Debug, Subcommand)]
pub enum HookAction {
    /// Adds the staged scan to .git/hooks/pre-commit.
    Install,
}

/// What a key may be used for: a preset, narrowed further by each flag.
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// show-dashboards (explorer, view only, one customer: give --customer),
    /// ai-assistant (explorer, view and ai:can_query), or full-access (the default).
    #[arg(long, value_name = "PRESET", value_parser = parse_preset)]
    preset: Option<Preset>,
    /// The customer a show-dashboards key is for, as attribute=value, for
    /// example tenant=acme: every token carries it.
    #[arg(long, value_name = "NAME=VALUE")]
    customer: Option<String>,
    /// A role its tokens may carry (repeatable); none: any.
    #[arg(long = "role", value_name = "ROLE", value_parser = parse_role)]
    roles: Vec<Role>,
    /// The most a token may get on a resource, resource:level (repeatable);
    /// none: any permission.
    #[arg(long = "permission", value_name = "RESOURCE:LEVEL", value_parser = parse_permission)]
    permissions: Vec<Permission>,
    /// An attribute every token carries, name=value (repeatable).
    #[arg(long = "fixed-attr", value_name = "NAME=VALUE")]
    fixed_attributes: Vec<String>,
    /// A client network that may ask for tokens, CIDR or one address (repeatable).
    #[arg(long = "network", value_name = "CIDR")]
    networks: Vec<String>,
    /// The longest a token may last: 15m, 1h, 24h.
    #[arg(long, value_name = "DURATION", value_parser = parse_lifetime)]
    max_lifetime: Option<Minutes>,
    /// Its own token requests per minute.
    #[arg(long, value_name = "N")]
    rate: Option<u32>,
    /// The first day it works (YYYY-MM-DD, midnight UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    not_before: Option<NaiveDate>,
}

impl LimitArgs {
    /// The limits these flags give: the preset's, each flag narrowing it.
    pub fn into_limits(self) -> Result<KeyLimits, String> {
        let preset = self.preset.unwrap_or(Preset::FullAccess);
        let customer = match (&self.customer, preset) {
            (Some(pair), Preset::ShowDashboards) => Some(split_pair(pair)?),
            (None, Preset::ShowDashboards) => {
                return Err("a show-dashboards key is for one customer: add --customer tenant=acme".to_owned());
            }
            (Some(_), _) => return Err("--customer goes with --preset show-dashboards".to_owned()),
            (None, _) => None,
        };
        let mut limits = preset.limits(customer.as_ref().map(|(name, value)| (name.as_str(), value.as_str())));
        if !self.roles.is_empty() {
            limits.roles = Some(self.roles);
        }
        if !self.permissions.is_empty() {
            let mut ceiling = std::collections::BTreeMap::new();
            for permission in self.permissions {
                ceiling
                    .entry(permission.resource)
                    .or_insert_with(Vec::new)
                    .push(permission.level);
            }
            limits.permissions = Some(ceiling);
        }
        for pair in &self.fixed_attributes {
            let (name, value) = split_pair(pair)?;
            limits.fixed_attributes.insert(name, serde_json::Value::String(value));
        }
        limits.networks.extend(self.networks);
        if let Some(Minutes(minutes)) = self.max_lifetime {
            limits.max_lifetime_seconds = Some(minutes * 60);
        }
        limits.requests_per_minute = self.rate.or(limits.requests_per_minute);
        if let Some(date) = self.not_before {
            limits.not_before = date.and_hms_opt(0, 0, 0).map(|at| at.and_utc());
        }
        Ok(limits)
    }
}

fn split_pair(pair: &str) -> Result<(String, String), String> {
    match pair.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => Ok((name.trim().to_owned(), value.to_owned())),
        _ => Err(format!("“{pair}”: write name=value, for example tenant=acme")),
    }
}

fn parse_preset(text: &str) -> Result<Preset, String> {
    Preset::from_name(text).ok_or_else(|| "use show-dashboards, ai-assistant or full-access".to_owned())
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| "use a date like 2027-01-31".to_owned())
}

/// What a session token is for.
#[derive(Debug, Args)]
pub struct TokenArgs {
    /// The end user's id in your own system.
    #[arg(long)]
    user: String,
    /// explorer, maker or admin.
    #[arg(long, default_value = "explorer", value_parser = parse_role)]
    role: Role,
    /// A row-level-security attribute, name=value (repeatable).
    #[arg(long = "attr", value_name = "NAME=VALUE")]
    attributes: Vec<String>,
    /// resource:level, for example dashboard:can_view (repeatable). Without
    /// it, the role's own, as the window ticks them: an explorer views
    /// dashboards and charts, a maker also edits them and queries databases,
    /// an admin has every level.
    #[arg(long = "permission", value_name = "RESOURCE:LEVEL", value_parser = parse_permission)]
    permissions: Vec<Permission>,
    /// How long the token lasts: 15m, 1h, 24h (1 minute to 24 hours).
    #[arg(long, default_value_t = Minutes(DEFAULTS.token_lifetime_minutes), value_parser = parse_lifetime)]
    lifetime: Minutes,
    /// The web origin of the page the token is for (needed when the key is
    /// limited to origins), for example https://shop.example.com.
    #[arg(long)]
    origin: Option<String>,
}

impl TokenArgs {
    /// The request, in the words of the core (which checks it as the app does).
    pub fn into_request(self) -> TokenRequest {
        let attributes = self
            .attributes
            .iter()
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                Attribute {
                    name: name.to_owned(),
                    value: value.to_owned(),
                }
            })
            .collect();
        TokenRequest {
            distinct_id: self.user,
            role: self.role,
            attributes,
            permissions: if self.permissions.is_empty() {
                self.role.default_permissions()
            } else {
                self.permissions
            },
            lifetime_minutes: self.lifetime.0,
            origin: self.origin,
        }
    }
}

fn parse_role(text: &str) -> Result<Role, String> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|_| "use explorer, maker or admin".to_owned())
}

fn parse_permission(text: &str) -> Result<Permission, String> {
    let (resource, level) = text.split_once(':').unwrap_or((text, ""));
    serde_json::from_value(serde_json::json!({ "resource": resource, "level": level })).map_err(|_| {
        "use resource:level, for example dashboard:can_view (resources: dashboard, chart, database, ai; \
         levels: can_view, can_edit, can_query)"
            .to_owned()
    })
}

fn parse_expiry(text: &str) -> Result<Expiry, String> {
    match text {
        "30d" => Ok(Expiry::Days30),
        "60d" => Ok(Expiry::Days60),
        "90d" => Ok(Expiry::Days90),
        "never" => Ok(Expiry::Never),
        date => NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map(Expiry::OnDate)
            .map_err(|_| "use 30d, 60d, 90d, a date like 2027-01-31, or never".to_owned()),
    }
}

fn parse_overlap(text: &str) -> Result<RollOverlap, String> {
    match text {
        "24h" => Ok(RollOverlap::Hours24),
        "1h" => Ok(RollOverlap::Hour1),
        "7d" => Ok(RollOverlap::Days7),
        "now" => Ok(RollOverlap::Now),
        _ => Err("use 24h, 1h, 7d or now".to_owned()),
    }
}

/// How an overlap is written on the command line (the window's choices, from the core).
const fn overlap_flag(overlap: RollOverlap) -> &'static str {
    match overlap {
        RollOverlap::Hours24 => "24h",
        RollOverlap::Hour1 => "1h",
        RollOverlap::Days7 => "7d",
        RollOverlap::Now => "now",
    }
}

/// How an expiry kind is written on the command line (a chosen date has no default).
const fn expiry_flag(kind: ExpiryKind) -> &'static str {
    match kind {
        ExpiryKind::Days30 => "30d",
        ExpiryKind::Days60 => "60d",
        ExpiryKind::Days90 => "90d",
        ExpiryKind::OnDate | ExpiryKind::Never => "never",
    }
}

/// A number of minutes, written as people write it: 15m, 1h, 24h.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Minutes(pub u32);

impl std::fmt::Display for Minutes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 > 0 && self.0.is_multiple_of(60) {
            write!(f, "{}h", self.0 / 60)
        } else {
            write!(f, "{}m", self.0)
        }
    }
}

fn parse_lifetime(text: &str) -> Result<Minutes, String> {
    parse_minutes(text).map(Minutes)
}

fn parse_minutes(text: &str) -> Result<u32, String> {
    let (number, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()));
    let number: u32 = number
        .parse()
        .map_err(|_| "use minutes or hours, like 15m or 1h".to_owned())?;
    match unit {
        "m" | "min" => Ok(number),
        "h" => Ok(number * 60),
        _ => Err("use minutes or hours, like 15m or 1h".to_owned()),
    }
}

/// Variables that change how programs are found, loaded or run: the key
/// must never go there (a key in `LD_PRELOAD` is a library path to the
/// loader; in `PATH`, where commands are looked for).
const LOADER_VARIABLES: &[&str] = &[
    "PATH",
    "PATHEXT",
    "COMSPEC",
    "SHELL",
    "IFS",
    "ENV",
    "BASH_ENV",
    "PROMPT_COMMAND",
    "PS4",
    "NODE_OPTIONS",
    "NODE_PATH",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONSTARTUP",
    "PERL5LIB",
    "PERL5OPT",
    "RUBYLIB",
    "RUBYOPT",
    "JAVA_TOOL_OPTIONS",
    "_JAVA_OPTIONS",
    "CLASSPATH",
    "GCONV_PATH",
    "HOME",
    "TMPDIR",
];
/// Prefixes of such variables: the dynamic loaders' own (Linux, macOS).
const LOADER_PREFIXES: &[&str] = &["LD_", "DYLD_"];

fn parse_variable(text: &str) -> Result<String, String> {
    let valid = !text.is_empty()
        && !text.starts_with(|c: char| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return Err("an environment variable's name: letters, digits and _, not starting with a digit".to_owned());
    }
    // Windows ignores case in variable names: Path is PATH.
    let upper = text.to_ascii_uppercase();
    if LOADER_VARIABLES.contains(&upper.as_str()) || LOADER_PREFIXES.iter().any(|prefix| upper.starts_with(prefix)) {
        return Err(format!(
            "{text} changes how programs are found, loaded or run, so the key can't go there. Pick a name of your own, such as TOUCAN_API_KEY."
        ));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiries_lifetimes_and_variables_read_as_people_write_them() {
        assert_eq!(parse_expiry("30d"), Ok(Expiry::Days30));
        assert_eq!(
            parse_expiry("2027-01-31"),
            Ok(Expiry::OnDate(NaiveDate::from_ymd_opt(2027, 1, 31).unwrap()))
        );
        assert!(parse_expiry("soon").is_err());
        assert_eq!(parse_lifetime("15m"), Ok(Minutes(15)));
        assert_eq!(parse_lifetime("24h"), Ok(Minutes(1440)));
        // The default is written back as it is read.
        let default = Minutes(DEFAULTS.token_lifetime_minutes);
        assert_eq!(parse_lifetime(&default.to_string()), Ok(default));
        assert_eq!(
            parse_expiry(expiry_flag(DEFAULTS.expiry)).map(|e| e.kind()),
            Ok(DEFAULTS.expiry)
        );
        assert!(parse_lifetime("1d").is_err());
        assert!(parse_variable("TOUCAN_API_KEY").is_ok());
        assert!(parse_variable("1BAD").is_err());
        assert!(parse_variable("A=B").is_err());
    }

    /// The token's permissions: the role's own unless --permission says otherwise.
    #[test]
    fn a_token_without_permissions_gets_its_roles() {
        use clap::Parser;
        use toucan_keys_core::workspace::{Level, Resource};
        let request = |args: &[&str]| {
            let cli = Cli::try_parse_from([&["toucan-keys-cli", "token", "--key", "k", "--user", "u"], args].concat())
                .unwrap();
            let Command::Token { request, .. } = cli.command else {
                panic!("not token")
            };
            request.into_request()
        };
        assert_eq!(request(&[]).permissions, Role::Explorer.default_permissions());
        assert_eq!(
            request(&["--role", "maker"]).permissions,
            Role::Maker.default_permissions()
        );
        let chosen = request(&["--role", "maker", "--permission", "ai:can_query"]).permissions;
        assert_eq!(
            chosen,
            vec![Permission {
                resource: Resource::Ai,
                level: Level::CanQuery
            }]
        );
    }
}
