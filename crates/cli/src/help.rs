//! `--help` in the language spoken: the command's and each subcommand's
//! description, each option's help, the headings and the examples come from
//! the core's catalogues (`cli-about-…`, `cli-arg-…`, `cli-help-…`), like
//! every other word the command line prints. The doc comments in args.rs
//! stay as the code's own documentation.

use clap::Command;
use toucan_keys_core::i18n::message_in;
use toucan_keys_core::i18n::{Language, language};

/// The message id of a (sub)command's description: `cli-about` for the
/// command itself, `cli-about-hook-install` for `hook install`.
fn about_id(path: &[String]) -> String {
    std::iter::once("cli-about")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
}

/// The message ids of an option's help, the first found wins: the one for
/// this subcommand (`cli-arg-create-name`), then the one shared by every
/// subcommand that has the option (`cli-arg-key`).
fn arg_ids(path: &[String], arg: &str) -> [String; 2] {
    let id = |parts: Vec<&str>| parts.join("-").replace('_', "-");
    let mut own = vec!["cli-arg"];
    own.extend(path.iter().map(String::as_str));
    own.push(arg);
    [id(own), id(vec!["cli-arg", arg])]
}

/// The arguments clap adds itself, worded by clap's own flags below.
const BUILT_IN: [&str; 2] = ["help", "version"];

/// `command` with its texts in the language spoken now.
pub fn localized(command: Command) -> Command {
    localized_in(command, language())
}

/// The message `id` in `language`; every shipped catalogue has them all (the
/// test below and the core's catalogue test keep it so).
fn words(language: Language, id: &str) -> String {
    message_in(language, id, &[]).unwrap_or_else(|| panic!("the catalogue lacks {id}"))
}

fn localized_in(command: Command, language: Language) -> Command {
    walk(command, &[], language)
        .subcommand_help_heading(words(language, "cli-help-commands"))
        .after_help(words(language, "cli-help-examples"))
        .after_long_help(words(language, "cli-help-examples"))
        .disable_help_subcommand(true)
}

/// Words one (sub)command and everything under it.
fn walk(command: Command, path: &[String], language: Language) -> Command {
    let say = |id: &str| words(language, id);
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    let args: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .filter(|id| !BUILT_IN.contains(&id.as_str()))
        .collect();
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        say("cli-help-usage")
    );
    let mut command = command
        .help_template(template)
        .about(say(&about_id(path)))
        .long_about(None::<&str>)
        .next_help_heading(say("cli-help-options"))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(say("cli-help-flag")),
        );
    if command.get_version().is_some() {
        command = command.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(say("cli-version-flag")),
        );
    }
    for arg in &args {
        let [own, shared] = arg_ids(path, arg);
        let text = message_in(language, &own, &[]).unwrap_or_else(|| say(&shared));
        let heading = say(
            if command.get_arguments().any(|a| a.get_id() == arg && a.is_positional()) {
                "cli-help-arguments"
            } else {
                "cli-help-options"
            },
        );
        command = command.mut_arg(arg, |a| a.help(text).long_help(None::<&str>).help_heading(heading));
    }
    for name in names {
        let mut sub_path = path.to_vec();
        sub_path.push(name.clone());
        command = command.mut_subcommand(name, |sub| walk(sub, &sub_path, language));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every description and option has its words in every language's
    /// catalogue (a new option without them fails here, not in a French
    /// terminal), and `--help` comes out in French for French.
    #[test]
    fn help_is_worded_in_every_language() {
        for language in Language::all() {
            let mut command = localized_in(crate::args::Cli::command(), language);
            let help = command.render_long_help().to_string();
            assert!(help.contains("toucan-keys-cli"), "{help}");
            if language == Language::from_tag("fr").unwrap() {
                assert!(help.contains("Commandes"), "{help}");
                assert!(!help.contains("Lists your keys"), "{help}");
            }
            let mut create = command.find_subcommand_mut("create").unwrap().clone();
            let create_help = create.render_long_help().to_string();
            assert!(!create_help.is_empty());
        }
    }
}
