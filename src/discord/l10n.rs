//! The commands in every shipped language: names, descriptions, options and choices come from
//! the locale files (`cmd-<command>[-<subcommand>]-…`, `choice-…`), so a translation is one
//! file to edit, and the English the commands register with is en-US's text.

use poise::serenity_prelude as serenity;

use super::{Command, Context};
use crate::i18n::{self, Locale};
use crate::ids::GuildId;

/// The locale a command's answer speaks: the member's, as their Discord client reports it.
pub fn locale(ctx: Context<'_>) -> Locale {
    ctx.locale().map(Locale::for_tag).unwrap_or_default()
}

/// The locale of a button click's answer.
pub fn click_locale(click: &serenity::ComponentInteraction) -> Locale {
    Locale::for_tag(&click.locale)
}

/// The server's language, as Discord reported it when the server came online (the gateway
/// cache keeps it, and updates it when the server changes it): what a message the whole server
/// reads speaks — an alert, a public recap and its live score. English without a cache.
pub fn server_locale(cache: Option<&serenity::Cache>, guild: GuildId) -> Locale {
    let tag =
        cache.and_then(|c| Some(c.guild(serenity::GuildId::from(guild))?.preferred_locale.clone()));
    tag.map(|t| Locale::for_tag(&t)).unwrap_or_default()
}

/// Fills each command's, subcommand's and option's names and descriptions in every shipped
/// language from the locale files.
pub fn localize(commands: &mut [Command]) {
    for command in commands {
        localize_command(command, &format!("cmd-{}", command.name));
    }
}

fn localize_command(command: &mut Command, id: &str) {
    command.description = Some(Locale::EN.text(&format!("{id}-description"), &[]).into());
    command.name_localizations = translations(&format!("{id}-name")).into();
    command.description_localizations = translations(&format!("{id}-description")).into();
    for parameter in &mut command.parameters {
        let option = format!("{id}-opt-{}", parameter.name);
        parameter.description = Some(Locale::EN.text(&format!("{option}-description"), &[]).into());
        parameter.name_localizations = translations(&format!("{option}-name")).into();
        parameter.description_localizations = translations(&format!("{option}-description")).into();
        for choice in parameter.choices.to_mut() {
            choice.localizations = translations(&choice_id(&choice.name)).into();
        }
    }
    for sub in &mut command.subcommands {
        let sub_id = format!("{id}-{}", sub.name);
        localize_command(sub, &sub_id);
    }
}

/// `choice-this-server` for the choice "this server".
fn choice_id(name: &str) -> String {
    format!("choice-{}", name.to_lowercase().replace(' ', "-"))
}

type Localizations = Vec<(std::borrow::Cow<'static, str>, std::borrow::Cow<'static, str>)>;

fn translations(id: &str) -> Localizations {
    i18n::translated()
        .filter_map(|locale| Some((locale.tag().into(), locale.own_text(id)?.into())))
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::super::commands;
    use crate::i18n;

    const LOCALES: [&str; 5] = ["ko", "ja", "es-ES", "pt-BR", "fr"];

    /// Discord's rule for command and option names (the lowercase one is checked apart).
    fn valid_name(name: &str) -> bool {
        let pattern = regex::Regex::new(r"^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$").unwrap();
        pattern.is_match(name) && name.to_lowercase() == name
    }

    /// Each command, subcommand and option in the registration JSON, with its path.
    fn walk<'a>(path: String, node: &'a Value, out: &mut Vec<(String, &'a Value)>) {
        out.push((path.clone(), node));
        for option in node["options"].as_array().into_iter().flatten() {
            walk(format!("{path} {}", option["name"].as_str().unwrap()), option, out);
        }
    }

    #[test]
    fn every_command_subcommand_and_option_registers_in_every_locale() {
        let registration =
            serde_json::to_value(poise::builtins::create_application_commands(&commands()))
                .unwrap();
        let mut nodes = Vec::new();
        for command in registration.as_array().unwrap() {
            walk(command["name"].as_str().unwrap().to_string(), command, &mut nodes);
        }
        assert!(nodes.len() > 40, "{} commands and options", nodes.len());
        for (path, node) in &nodes {
            let name = node["name"].as_str().unwrap();
            let description = node["description"].as_str().unwrap();
            assert!(valid_name(name), "/{path}: name {name:?}");
            assert!((1..=100).contains(&description.chars().count()), "/{path}: {description:?}");
            for locale in LOCALES {
                let name = node["name_localizations"][locale].as_str();
                let name = name.unwrap_or_else(|| panic!("/{path} has no {locale} name"));
                assert!(valid_name(name), "/{path} in {locale}: name {name:?}");
                let text = node["description_localizations"][locale].as_str();
                let text = text.unwrap_or_else(|| panic!("/{path} has no {locale} description"));
                let length = text.chars().count();
                assert!((1..=100).contains(&length), "/{path} in {locale}: {length} chars");
            }
            for choice in node["choices"].as_array().into_iter().flatten() {
                for locale in LOCALES {
                    let label = choice["name_localizations"][locale].as_str();
                    assert!(
                        label.is_some_and(|l| (1..=100).contains(&l.chars().count())),
                        "/{path} choice {} in {locale}",
                        choice["name"]
                    );
                }
            }
        }
    }

    #[test]
    fn english_registration_text_is_the_en_us_file_and_localized_names_are_unique() {
        let registration =
            serde_json::to_value(poise::builtins::create_application_commands(&commands()))
                .unwrap();
        let recap = registration.as_array().unwrap().iter().find(|c| c["name"] == "recap");
        let recap = recap.unwrap();
        assert_eq!(
            recap["description"],
            "Show an episode's recap (spoilers!), its review and ratings."
        );
        assert_eq!(recap["name_localizations"]["ko"], "요약");
        // Siblings must differ in every language, or Discord refuses the whole registration.
        let mut nodes = Vec::new();
        for command in registration.as_array().unwrap() {
            walk(command["name"].as_str().unwrap().to_string(), command, &mut nodes);
        }
        let top: Vec<&Value> = registration.as_array().unwrap().iter().collect();
        let parents = std::iter::once(top).chain(
            nodes.iter().map(|(_, n)| n["options"].as_array().into_iter().flatten().collect()),
        );
        for siblings in parents {
            for locale in i18n::translated().map(|l| l.tag()) {
                let mut names: Vec<&str> = siblings
                    .iter()
                    .filter_map(|s| s["name_localizations"][locale].as_str())
                    .collect();
                let count = names.len();
                names.sort();
                names.dedup();
                assert_eq!(names.len(), count, "duplicate {locale} names among {names:?}");
            }
        }
    }
}
