//! What the bot says, in the member's language. The words live in `locales/<tag>/recapbot.ftl`
//! (Project Fluent), compiled into the binary so it runs from any directory; en-US is the
//! reference every other locale is checked against, and the fallback for a message a locale
//! lacks. Pure: a Discord locale tag comes in as a string.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// Every locale shipped, as Discord spells it, with its Fluent source. en-US first.
const SOURCES: &[(&str, &str)] = &[
    ("en-US", include_str!("../locales/en-US/recapbot.ftl")),
    ("ko", include_str!("../locales/ko/recapbot.ftl")),
    ("ja", include_str!("../locales/ja/recapbot.ftl")),
    ("es-ES", include_str!("../locales/es-ES/recapbot.ftl")),
    ("pt-BR", include_str!("../locales/pt-BR/recapbot.ftl")),
    ("fr", include_str!("../locales/fr/recapbot.ftl")),
];

/// The locales whose translations Discord shows for command names and descriptions: every
/// shipped locale but English, which is the commands' own text.
pub fn translated() -> impl Iterator<Item = Locale> {
    (1..SOURCES.len()).map(Locale)
}

/// One of the shipped locales. `Locale::default()` is en-US.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Locale(usize);

impl Locale {
    pub const EN: Locale = Locale(0);

    /// The locale for a Discord locale tag (`ko`, `es-ES`, `pt-BR`, `en-GB`…): the same tag,
    /// else one of the same language (`es-419` → `es-ES`), else en-US.
    pub fn for_tag(tag: &str) -> Locale {
        let language = |t: &str| t.split('-').next().unwrap_or_default().to_ascii_lowercase();
        SOURCES
            .iter()
            .position(|(shipped, _)| shipped.eq_ignore_ascii_case(tag))
            .or_else(|| SOURCES.iter().position(|(shipped, _)| language(shipped) == language(tag)))
            .map(Locale)
            .unwrap_or_default()
    }

    /// Discord's tag for it.
    pub fn tag(self) -> &'static str {
        SOURCES[self.0].0
    }

    /// Message `id` in this locale, or in English when this locale lacks it.
    pub fn text(self, id: &str, args: &[(&str, Arg)]) -> String {
        CATALOG.text(self.0, id, args)
    }

    /// Message `id` only if this locale has it (no English fallback).
    pub fn own_text(self, id: &str) -> Option<String> {
        CATALOG.format(self.0, id, &[])
    }
}

/// Words worked out once for each shipped locale, for text built on every message (a recap's
/// field names) rather than formatted again each time.
pub struct PerLocale<T> {
    values: Vec<T>,
}

impl<T> PerLocale<T> {
    pub fn new(make: impl Fn(Locale) -> T) -> Self {
        PerLocale { values: (0..SOURCES.len()).map(|i| make(Locale(i))).collect() }
    }

    pub fn get(&self, locale: Locale) -> &T {
        &self.values[locale.0]
    }
}

/// A value for a message's placeable: text, or a number that plural rules can read.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<&std::borrow::Cow<'_, str>> for Arg {
    fn from(s: &std::borrow::Cow<'_, str>) -> Self {
        Arg::Text(s.to_string())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as i64)
            }
        }
    )*};
}

number_arg!(u16, u32, u64, usize, i32, i64);

/// `tr!(locale, "message-id", name = value, …)`: the message in that locale.
#[macro_export]
macro_rules! tr {
    ($locale:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $locale.text($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
}

struct Catalog {
    bundles: Vec<FluentBundle<FluentResource>>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog {
    bundles: SOURCES.iter().map(|(tag, source)| bundle(tag, source)).collect(),
});

fn bundle(tag: &str, source: &str) -> FluentBundle<FluentResource> {
    let language = tag.parse().unwrap_or_else(|e| panic!("locale tag {tag}: {e}"));
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Discord would show the Unicode isolation marks Fluent puts around placeables.
    bundle.set_use_isolating(false);
    // A file that does not parse is caught by the catalog test; what parses still serves.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, _)| res);
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(tag, ?errors, "locale file has duplicate messages");
    }
    bundle
}

impl Catalog {
    fn text(&self, locale: usize, id: &str, args: &[(&str, Arg)]) -> String {
        self.format(locale, id, args).or_else(|| self.format(0, id, args)).unwrap_or_else(|| {
            tracing::error!(id, "no such message in any locale");
            id.to_string()
        })
    }

    fn format(&self, locale: usize, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let bundle = &self.bundles[locale];
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
        if !errors.is_empty() {
            tracing::warn!(
                id,
                locale = SOURCES[locale].0,
                ?errors,
                "message formatted with errors"
            );
        }
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Every message of a file, with the variables its value and variants use.
    fn messages(tag: &str, source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("locales/{tag}/recapbot.ftl: {errors:?}"));
        let mut out = BTreeMap::new();
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &message.value {
                        pattern_vars(value, &mut vars);
                    }
                    let fresh = out.insert(message.id.name.to_string(), vars).is_none();
                    assert!(fresh, "locales/{tag}: {} twice", message.id.name);
                }
                ast::Entry::Junk { content } => panic!("locales/{tag}: cannot parse {content:?}"),
                _ => {}
            }
        }
        out
    }

    fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Inline(inline) => inline_vars(inline, vars),
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for variant in variants {
                    pattern_vars(&variant.value, vars);
                }
            }
        }
    }

    fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| inline_vars(a, vars));
                arguments.named.iter().for_each(|a| inline_vars(&a.value, vars));
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn every_locale_has_every_english_message_with_the_same_placeables() {
        let english = messages("en-US", SOURCES[0].1);
        assert!(english.len() > 50, "en-US has {} messages", english.len());
        for (tag, source) in &SOURCES[1..] {
            let theirs = messages(tag, source);
            let missing: Vec<_> = english.keys().filter(|id| !theirs.contains_key(*id)).collect();
            assert!(missing.is_empty(), "locales/{tag} lacks {missing:?}");
            let unknown: Vec<_> = theirs.keys().filter(|id| !english.contains_key(*id)).collect();
            assert!(unknown.is_empty(), "locales/{tag} has ids en-US has not: {unknown:?}");
            for (id, vars) in &english {
                assert_eq!(&theirs[id], vars, "locales/{tag}: placeables of {id}");
            }
        }
    }

    #[test]
    fn the_check_catches_a_forgotten_placeable_even_inside_a_plural() {
        let english = messages(
            "en-US",
            "a = { $count ->\n    [one] one show\n   *[other] { $count } shows\n  } of { $who }\n",
        );
        let forgot = messages("xx", "a = { $count ->\n   *[other] { $count } shows\n  }\n");
        assert_eq!(english["a"], BTreeSet::from(["count".into(), "who".into()]));
        assert_ne!(forgot["a"], english["a"]);
    }

    #[test]
    fn a_discord_tag_picks_its_locale_or_its_language_or_english() {
        assert_eq!(Locale::for_tag("ko").tag(), "ko");
        assert_eq!(Locale::for_tag("pt-BR").tag(), "pt-BR");
        assert_eq!(Locale::for_tag("es-419").tag(), "es-ES");
        assert_eq!(Locale::for_tag("en-GB").tag(), "en-US");
        assert_eq!(Locale::for_tag("de").tag(), "en-US");
        assert_eq!(Locale::for_tag("").tag(), "en-US");
    }

    #[test]
    fn messages_fill_their_placeables_without_isolation_marks() {
        let text = tr!(Locale::EN, "show-unknown-none", query = "soundtrak");
        assert_eq!(text, "No show called “soundtrak” has recaps yet.");
        let korean = tr!(Locale::for_tag("ko"), "show-unknown-none", query = "soundtrak");
        assert!(korean.contains("soundtrak") && !korean.contains('\u{2068}'), "{korean}");
    }

    #[test]
    fn a_message_a_locale_lacks_falls_back_to_english() {
        let bare = Catalog { bundles: vec![bundle("en-US", SOURCES[0].1), bundle("ko", "")] };
        assert_eq!(bare.format(1, "alert-read", &[]), None);
        assert_eq!(bare.text(1, "alert-read", &[]), "Read the recap");
    }
}
