//! A gazetteer: names of real TV series, bundled with the bot, so that a recap page's wording
//! around a show's name can be told from the name itself whatever site wrote it.
//!
//! Every site words its headlines its own way ("Rainbow Recaps Doctor Crush Episode 6",
//! "TV Trial: Game of Thrones 5x03"), and a grammar of headlines learnt from some sites does
//! not carry over to the next. The names of the shows do: they are the same on every site.
//! The list is `data/gazetteer/shows.tsv`, copied from public datasets (see its README); nothing
//! in it was written for the pages the parser is judged on.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use super::names::{is_article, word_spans};

const SHOWS_TSV: &str = include_str!("../../data/gazetteer/shows.tsv");

/// Longest name kept, in words: longer dataset entries are descriptions more than names.
const MAX_WORDS: usize = 12;

/// The datasets of anime: a name one of them lists is an anime's (see [`is_anime`]).
const ANIME_SOURCES: [&str; 9] = [
    "jw_crunchyroll",
    "mal_2023",
    "mal_api_2024",
    "jikan_summer2024",
    "anilist_2025_26",
    "anilist_airing",
    "mal_2016",
    "anilist_2021",
    "mal_jikan_tv_2006_2026",
];

/// A name in the gazetteer.
#[derive(Debug, Clone, Copy)]
struct Entry {
    title: &'static str,
    anime: bool,
    /// How many datasets list the name: how widely known the show is.
    sources: usize,
    /// Some dataset writes the name with "The", some without it.
    with_the: bool,
    bare: bool,
}

/// Brands whose possessive some datasets write before a series' name.
const BRAND_POSSESSIVES: [&str; 3] = ["Marvel's ", "DC's ", "Tom Clancy's "];

/// `name` without a brand's possessive before it ("DC’s Legends of Tomorrow" → "Legends of
/// Tomorrow"), when the rest is a known name: pages, like the corpus's readers, mostly drop it.
pub fn without_brand(name: &str) -> Option<&str> {
    let bare = BRAND_POSSESSIVES.iter().find_map(|brand| {
        name.strip_prefix(brand).or_else(|| name.strip_prefix(brand.replace('\'', "’").as_str()))
    })?;
    let bare = bare.trim();
    lookup(bare).is_some().then_some(bare)
}

/// Folded words (a leading article dropped) joined by spaces → the name as the dataset writes it.
static TITLES: LazyLock<HashMap<String, Entry>> = LazyLock::new(|| {
    let mut titles: HashMap<String, Entry> = HashMap::new();
    let rows = SHOWS_TSV.lines().flat_map(|line| {
        let (title, sources) = line.split_once('\t').unwrap_or((line, ""));
        let title = title.trim();
        // "Marvel's Luke Cage" is "Luke Cage" on most pages: the brand's possessive, like a
        // network's, is no part of the name the page means.
        let bare = BRAND_POSSESSIVES.iter().find_map(|brand| title.strip_prefix(brand));
        std::iter::once((title, sources)).chain(bare.map(|b| (b, sources)))
    });
    for (title, sources) in rows {
        let anime = sources.split(',').any(|s| ANIME_SOURCES.contains(&s.trim()));
        let words = key_words(title);
        // "3%" and "24" fold to a bare number, which every episode marker holds.
        let named = words.iter().any(|w| w.chars().any(char::is_alphabetic));
        if !named || words.len() > MAX_WORDS {
            continue;
        }
        let sources = sources.split(',').filter(|s| !s.trim().is_empty()).count();
        let entry = titles.entry(words.join(" ")).or_insert(Entry {
            title,
            anime,
            sources,
            with_the: false,
            bare: false,
        });
        entry.anime |= anime;
        entry.sources = entry.sources.max(sources);
        if title.starts_with("The ") {
            entry.with_the = true;
        } else {
            entry.bare = true;
        }
    }
    titles
});

/// The known show `name` stands for when the page leaves out the "The" of its name: "Walking
/// Dead" → "The Walking Dead". `None` for a name that has its article or is no such show.
/// Only a name every dataset writes with "The" ("The Walking Dead", "The X-Files"): a name also
/// listed bare is another show ("Grid" beside "The Grid").
pub fn with_leading_article(name: &str) -> Option<&'static str> {
    let first = word_spans(name).into_iter().next()?;
    if is_article(&first.folded) {
        return None;
    }
    entry(name).filter(|e| e.with_the && !e.bare).map(|e| e.title)
}

/// Every run of a name's first words that is shorter than the name ("game", "game of"), so that
/// [`names_in`] stops extending a run of a text's words as soon as no name starts that way.
static PREFIXES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut prefixes = HashSet::new();
    for key in TITLES.keys() {
        let mut end = 0;
        while let Some(space) = key[end..].find(' ') {
            end += space;
            prefixes.insert(key[..end].to_string());
            end += 1;
        }
    }
    prefixes
});

fn key_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = word_spans(name).into_iter().map(|w| w.folded).collect();
    if words.len() > 1 && is_article(&words[0]) {
        words.remove(0);
    }
    words
}

/// A known show's name found among a text's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The name as the gazetteer writes it.
    pub title: &'static str,
    /// Byte range of the name in the text searched, a leading article included.
    pub span: Range<usize>,
    /// Words of the name, a leading article not counted.
    pub words: usize,
}

/// The entry `name` is, compared folded, a leading article optional on both sides.
fn entry(name: &str) -> Option<Entry> {
    let words = key_words(name);
    if words.is_empty() {
        return None;
    }
    TITLES.get(&words.join(" ")).copied()
}

/// The known show `name` is, compared folded, a leading article optional on both sides.
pub fn lookup(name: &str) -> Option<&'static str> {
    entry(name).map(|e| e.title)
}

/// Small words an acronym may leave out: "GBBO" is The Great British Bake Off, "RHOBH" The Real
/// Housewives of Beverly Hills.
const ACRONYM_SKIPS: [&str; 5] = ["of", "the", "and", "a", "an"];

/// An acronym (upper case) → the one name of three words or more it stands for, with or without
/// its small words; `None` where two names share it, unless one of them is far more widely
/// listed ("GOT" is Game of Thrones, in three datasets, not Game of Talents, in one).
static ACRONYMS: LazyLock<HashMap<String, Option<&'static str>>> = LazyLock::new(|| {
    let mut candidates: HashMap<String, Vec<Entry>> = HashMap::new();
    for (key, entry) in TITLES.iter() {
        let words: Vec<&str> = key.split(' ').collect();
        if words.iter().any(|w| !w.starts_with(char::is_alphabetic)) {
            continue;
        }
        let initials = |keep: &dyn Fn(&&&str) -> bool| -> String {
            words.iter().filter(keep).filter_map(|w| w.chars().next()).collect::<String>()
        };
        let mut acronyms = Vec::new();
        // "TVD" is The Vampire Diaries: the article may count where a list writes it.
        if entry.with_the && words.len() >= 2 {
            acronyms.push(format!("T{}", initials(&|_| true)).to_uppercase());
        }
        if words.len() >= 3 {
            acronyms.push(initials(&|_| true).to_uppercase());
            acronyms.push(initials(&|w| !ACRONYM_SKIPS.contains(*w)).to_uppercase());
        }
        for acronym in acronyms {
            if acronym.chars().count() < 3 {
                continue;
            }
            let names = candidates.entry(acronym).or_default();
            if names.iter().all(|e| e.title != entry.title) {
                names.push(*entry);
            }
        }
    }
    candidates
        .into_iter()
        .map(|(acronym, mut names)| {
            names.sort_by_key(|e| std::cmp::Reverse(e.sources));
            let clear = names.get(1).is_none_or(|second| names[0].sources >= second.sources + 2);
            (acronym, clear.then_some(names[0].title))
        })
        .collect()
});

/// The show an all-capitals acronym stands for ("RHOBH", "GBBO"), when the gazetteer knows one
/// name for it and the acronym is no name of its own.
pub fn expand_acronym(word: &str) -> Option<&'static str> {
    let word = word.trim();
    let is_acronym =
        (3..=6).contains(&word.chars().count()) && word.chars().all(|c| c.is_ascii_uppercase());
    if !is_acronym || lookup(word).is_some() {
        return None;
    }
    ACRONYMS.get(word).copied().flatten()
}

/// The known show a name not in the gazetteer misspells by one letter ("Game of Thones", "The
/// Moon That Embrace The Sun"): one letter added, dropped or changed, never a digit (a
/// sequel's number) and never in a short name, where one letter makes another word. `None`
/// where two names are that close.
pub fn lookup_misspelt(name: &str) -> Option<&'static str> {
    const SHORTEST: usize = 12;
    let key = key_words(name).join(" ");
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < SHORTEST || TITLES.contains_key(&key) {
        return None;
    }
    let lengths = chars.len() - 1..=chars.len() + 1;
    let mut near = lengths
        .filter_map(|n| BY_LENGTH.get(&n))
        .flatten()
        .filter(|(known, _)| one_letter_apart(&chars, known));
    let (_, first) = near.next()?;
    near.all(|(_, title)| title == first).then_some(*first)
}

/// A gazetteer key as its letters, and the name it stands for.
type Spelt = (Vec<char>, &'static str);

/// The gazetteer's keys as letters, by how many there are: a misspelling is looked for only
/// among names one letter longer or shorter.
static BY_LENGTH: LazyLock<HashMap<usize, Vec<Spelt>>> = LazyLock::new(|| {
    let mut by_length: HashMap<usize, Vec<Spelt>> = HashMap::new();
    for (key, entry) in TITLES.iter() {
        let letters: Vec<char> = key.chars().collect();
        by_length.entry(letters.len()).or_default().push((letters, entry.title));
    }
    by_length
});

/// Whether `a` and `b` differ by exactly one letter added, dropped or changed (not a digit,
/// not a space).
fn one_letter_apart(a: &[char], b: &[char]) -> bool {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix =
        a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (rest_a, rest_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let letter = |c: &[char]| c.iter().all(|c| c.is_alphabetic());
    rest_a.len() + rest_b.len() >= 1
        && rest_a.len() <= 1
        && rest_b.len() <= 1
        && letter(rest_a)
        && letter(rest_b)
}

/// Whether `name` is an anime's in the gazetteer: "Outbreak Company 11" numbers its episode, as
/// anime blogs do, where "Stranger Things 3" numbers a season.
pub fn is_anime(name: &str) -> bool {
    entry(name).is_some_and(|e| e.anime)
}

/// Every known name in `text`, as runs of its words, longest first (then leftmost).
pub fn names_in(text: &str) -> Vec<Found> {
    let spans = word_spans(text);
    let mut found = Vec::new();
    for start in 0..spans.len() {
        // "the Walking Dead": the article belongs to the name's span but not to its key.
        let key_start = if is_article(&spans[start].folded) { start + 1 } else { start };
        let mut key = String::new();
        for end in key_start..spans.len().min(key_start + MAX_WORDS) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(&spans[end].folded);
            if let Some(entry) = TITLES.get(&key) {
                found.push(Found {
                    title: entry.title,
                    span: spans[start].range.start..spans[end].range.end,
                    words: end + 1 - key_start,
                });
            }
            if !PREFIXES.contains(&key) {
                break;
            }
        }
    }
    found.sort_by_key(|f| (std::cmp::Reverse(f.words), f.span.start));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Marvel's Luke Cage" in the datasets is "Luke Cage" on the page (pages/3183).
    #[test]
    fn a_brand_possessive_is_no_part_of_the_name() {
        assert_eq!(lookup("Luke Cage"), Some("Luke Cage"));
        assert_eq!(lookup("Marvel's Luke Cage"), Some("Marvel's Luke Cage"));
        assert_eq!(lookup("Legends of Tomorrow"), Some("Legends of Tomorrow"));
    }

    /// "Game of Thones" and "Cowboy REbop" (pages 1972 and 1785) are known names misspelt; a
    /// sequel's number ("Dream High 3") or a short name is no misspelling.
    #[test]
    fn a_name_misspelt_by_one_letter_is_the_known_name() {
        assert_eq!(lookup_misspelt("Game of Thones"), Some("Game of Thrones"));
        assert_eq!(lookup_misspelt("Cowboy REbop"), Some("Cowboy Bebop"));
        assert_eq!(lookup_misspelt("Game of Thrones"), None);
        assert_eq!(lookup_misspelt("Dream High 3"), None);
        assert_eq!(lookup_misspelt("Bebop"), None);
    }

    /// "Walking Dead" (pages 334, 2263, 2504) and "X-Files" (2455) leave out the "The" every list
    /// writes; "Grid" is listed bare beside "The Grid", another show.
    #[test]
    fn a_name_without_the_article_every_list_writes_gets_it_back() {
        assert_eq!(with_leading_article("Walking Dead"), Some("The Walking Dead"));
        assert_eq!(with_leading_article("X-Files"), Some("The X-Files"));
        assert_eq!(with_leading_article("The Walking Dead"), None);
        assert_eq!(with_leading_article("Grid"), None);
        assert_eq!(with_leading_article("Game of Thrones"), None);
    }

    /// "GOT Season Eight" (page 1973): Game of Thrones, listed by three datasets, over Game of
    /// Talents, listed by one.
    #[test]
    fn a_shared_acronym_is_the_far_more_widely_listed_name() {
        assert_eq!(expand_acronym("GOT"), Some("Game of Thrones"));
        // "TVD 2x05" (2974-the-vampire-diaries-s2e5-telefilmdiaries.txt): the article counts
        // where the lists write it, and "RHOP" still leaves it out.
        assert_eq!(expand_acronym("TVD"), Some("The Vampire Diaries"));
        assert_eq!(expand_acronym("RHOP"), Some("The Real Housewives of Potomac"));
    }

    #[test]
    fn the_bundled_list_is_read_and_looked_up_folded() {
        assert!(TITLES.len() > 20_000, "{}", TITLES.len());
        assert_eq!(lookup("game of thrones"), Some("Game of Thrones"));
        // A leading article is optional on either side, as fans write it.
        assert!(lookup("Walking Dead").is_some());
        assert!(lookup("THE WALKING DEAD").is_some());
        assert_eq!(lookup("Episode 5 recap and review"), None);
        assert_eq!(lookup(""), None);
    }

    #[test]
    fn a_name_any_anime_dataset_lists_is_an_anime() {
        // Netflix lists "Soul Eater" first; MyAnimeList lists it too.
        assert!(is_anime("Soul Eater"));
        assert!(is_anime("Outbreak Company"));
        assert!(!is_anime("Stranger Things"));
        assert!(!is_anime("Nowhere Show"));
    }

    #[test]
    fn a_bare_number_is_no_name() {
        // "3%" and "24" are shows, but every "Season 3" would hold them.
        assert!(TITLES.keys().all(|k| k.chars().any(char::is_alphabetic)));
    }

    #[test]
    fn an_acronym_stands_for_the_one_name_it_spells() {
        // tests/corpus/pages/1621-rhobh-s3e1-irealhousewives.txt and
        // 665-htgawm-5x02-it-ilnotiziangolo.txt write only the acronym.
        assert_eq!(expand_acronym("RHOBH"), Some("The Real Housewives of Beverly Hills"));
        assert_eq!(expand_acronym("HTGAWM"), Some("How to Get Away with Murder"));
        // Names of their own (1124-glow-s2e2-fictionsmistress.txt, 369-six-s2e2-screenspy.txt),
        // and words that are no acronym.
        assert_eq!(expand_acronym("GLOW"), None);
        assert_eq!(expand_acronym("SIX"), None);
        assert_eq!(expand_acronym("Rhobh"), None);
        assert_eq!(expand_acronym("TV"), None);
    }

    #[test]
    fn names_in_a_text_come_longest_first_with_where_they_stand() {
        let text = "TV Trial: The Walking Dead Season 5 Episode 3";
        let found = names_in(text);
        let first = &found[0];
        assert_eq!(&text[first.span.clone()], "The Walking Dead");
        assert_eq!(first.words, 2);
        assert!(found.windows(2).all(|w| w[0].words >= w[1].words));
        assert!(names_in("").is_empty());
    }
}
