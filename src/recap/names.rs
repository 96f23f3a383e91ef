//! Folding show names into keys, so that every way a fan types a name finds the same show.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The key a show name is stored and looked up under: lower case, accents dropped,
/// punctuation and spacing dropped. "Soundtrack #1", "soundtrack 1" and "SOUNDTRACK#1"
/// all fold to `soundtrack1`; "Élite" to `elite`. Hangul survives intact (decomposed to
/// jamo and recomposed), so Korean titles stay searchable.
pub fn fold(name: &str) -> String {
    fold_words(name).concat()
}

/// The folded words of a name, in order: `["crash", "landing", "on", "you"]`.
pub fn fold_words(name: &str) -> Vec<String> {
    word_spans(name).into_iter().map(|w| w.folded).collect()
}

/// A word of a text, folded, with where it stands in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct WordSpan {
    pub folded: String,
    pub range: std::ops::Range<usize>,
}

/// The words of a text as [`fold_words`] folds them, each with its byte range.
pub fn word_spans(text: &str) -> Vec<WordSpan> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut end = 0;
    let mut flush = |current: &mut String, range: std::ops::Range<usize>| {
        if !current.is_empty() {
            // Hangul decomposed to jamo is put back together.
            words.push(WordSpan { folded: current.nfc().collect(), range });
            current.clear();
        }
    };
    for (i, c) in text.char_indices() {
        if c == '\'' || c == '’' {
            // "Grey's" is one word, not "grey" + "s".
            continue;
        }
        let mut breaks = false;
        for d in std::iter::once(c).nfd() {
            if is_combining_mark(d) {
            } else if d.is_alphanumeric() {
                if current.is_empty() {
                    start = i;
                }
                current.extend(d.to_lowercase());
                end = i + c.len_utf8();
            } else {
                breaks = true;
            }
        }
        if breaks {
            flush(&mut current, start..end);
        }
    }
    flush(&mut current, start..end);
    words
}

/// Whether the name `outer` holds the name `inner` set apart from its other words by
/// punctuation: a dash, colon, slash, bracket or quote, or a possessive before it — what
/// sites put in front of a show's name, or an alternative name after a slash.
/// "Netflix’s King the Land", "[Drama Recap] Dream High 2" and "Haburashi/Onna Tomodachi"
/// hold "King the Land", "Dream High 2" and "Haburashi". A subtitle after the name makes
/// another show as often as not ("Star Trek: Picard", "Law & Order: SVU"), so "Escape of the
/// Seven: Resurrection" does not hold "Escape of the Seven"; nor are "Dream High 2", "Fear
/// the Walking Dead" and "Removing Ghosts" the shows "Dream High", "The Walking Dead" and
/// "Moving". Compared folded.
pub fn contains_name(outer: &str, inner: &str) -> bool {
    let mut needle = fold_words(inner);
    // "Walking Dead" is how fans write "The Walking Dead": a leading article is optional on
    // both sides, but only at the start of a part, so "Fear the Walking Dead" stays apart.
    if needle.len() > 1 && is_article(&needle[0]) {
        needle.remove(0);
    }
    if needle.is_empty() {
        return false;
    }
    let mut words = Vec::new();
    // Indexes into `words` where a part set apart by punctuation starts, and where a part
    // may end the name it holds: the end, a slash or a closing bracket or quote.
    let mut starts = vec![0];
    let mut ends = Vec::new();
    for (part, after) in name_parts(outer) {
        words.extend(fold_words(part));
        starts.push(words.len());
        if after.is_none_or(|c| matches!(c, '/' | ')' | ']' | '’' | '”' | '"' | '»' | '」' | '』'))
        {
            ends.push(words.len());
        }
    }
    let ends_name = |at: usize| ends.contains(&at) || words[at..].is_empty();
    let after_articles: Vec<usize> = starts
        .iter()
        .filter(|&&at| words.get(at).is_some_and(|w| is_article(w)))
        .map(|&at| at + 1)
        .collect();
    starts.extend(after_articles);
    starts.iter().any(|&at| {
        words.get(at..at + needle.len()) == Some(needle.as_slice()) && ends_name(at + needle.len())
    })
}

/// The folded words a name may start with or drop without naming another show.
pub const ARTICLES: [&str; 3] = ["the", "a", "an"];

pub(crate) fn is_article(word: &str) -> bool {
    ARTICLES.contains(&word)
}

/// Splits a name where punctuation sets its parts apart (see [`contains_name`]). Apostrophes,
/// dots, "&", "#", "+" and a hyphen inside a word ("Spider-Man", "Soundtrack #1") do not.
fn name_parts(name: &str) -> Vec<(&str, Option<char>)> {
    let mut parts = Vec::new();
    let mut from = 0;
    let mut chars = name.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let joins_words = c.is_alphanumeric()
            || c.is_whitespace()
            || matches!(c, '\'' | '’' | '.' | '&' | '#' | '+')
            || (c == '-' && next.is_some_and(|n| !n.is_whitespace()) && i > 0);
        // "Netflix’s King": a possessive ends the part before the name it qualifies.
        let possessive = matches!(c, '\'' | '’')
            && next == Some('s')
            && name[i + c.len_utf8() + 1..].starts_with(' ');
        if !joins_words {
            parts.push((&name[from..i], Some(c)));
            from = i + c.len_utf8();
        } else if possessive {
            let end = i + c.len_utf8() + 1;
            parts.push((&name[from..end], Some(c)));
            from = end;
        }
    }
    parts.push((&name[from..], None));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_accents_punctuation_and_spacing() {
        let cases = [
            ("Soundtrack #1", "soundtrack1"),
            ("soundtrack 1", "soundtrack1"),
            ("SOUNDTRACK#1", "soundtrack1"),
            ("Élite", "elite"),
            ("Señorita", "senorita"),
            ("Grey’s Anatomy", "greysanatomy"),
            ("Grey's Anatomy", "greysanatomy"),
            ("사랑의 불시착", "사랑의불시착"),
            ("Attack on Titan: The Final Season", "attackontitanthefinalseason"),
            ("  ", ""),
        ];
        for (name, key) in cases {
            assert_eq!(fold(name), key, "fold({name:?})");
        }
    }

    #[test]
    fn word_spans_say_where_each_folded_word_stands() {
        let text = "Grey’s Anatomy – Épisode 2";
        let spans = word_spans(text);
        let words: Vec<(&str, &str)> =
            spans.iter().map(|w| (w.folded.as_str(), &text[w.range.clone()])).collect();
        assert_eq!(
            words,
            [("greys", "Grey’s"), ("anatomy", "Anatomy"), ("episode", "Épisode"), ("2", "2")]
        );
        assert_eq!(fold_words("사랑의 불시착"), ["사랑의", "불시착"]);
    }

    #[test]
    fn words_split_on_punctuation_but_not_apostrophes() {
        assert_eq!(fold_words("Grey's Anatomy – S2"), ["greys", "anatomy", "s2"]);
        assert_eq!(fold_words("Crash Landing on You"), ["crash", "landing", "on", "you"]);
    }

    #[test]
    fn a_name_holds_another_only_where_punctuation_sets_it_apart() {
        let holds = [
            ("Netflix’s King the Land", "King the Land"),
            ("Tom Clancy's Jack Ryan", "Jack Ryan"),
            ("[Drama Recap] Dream High 2", "dream high 2"),
            // tests/corpus/pages/085-slime-e3.txt
            (
                "A Good Action Anime Series so Far – That Time I Got Reincarnated as a Slime",
                "That Time I Got Reincarnated as a Slime",
            ),
            // tests/corpus/pages/089-haburashi-e2-3.txt
            ("Haburashi/Onna Tomodachi", "Haburashi"),
            ("Drama Review Corner ‘Legend Of The Blue Sea’", "Legend of the Blue Sea"),
            // tests/corpus/pages/334-walking-dead-s1e5-zombiesloversunite.txt
            ("Walking Dead", "The Walking Dead"),
            ("Recap – Walking Dead", "The Walking Dead"),
            ("The Office", "Office"),
            ("Office", "The Office"),
        ];
        for (outer, inner) in holds {
            assert!(contains_name(outer, inner), "{outer:?} holds {inner:?}");
        }
        let apart = [
            ("Dream High 2", "Dream High"),
            // A subtitle may be a spin-off; tests/corpus/pages/065-escape-of-the-seven-s2e7.txt
            ("Escape of the Seven: Resurrection", "Escape of the Seven"),
            ("Star Trek: Picard", "Star Trek"),
            ("Law & Order: SVU", "Law & Order"),
            ("Fear the Walking Dead", "The Walking Dead"),
            ("Fear the Walking Dead", "Walking Dead"),
            ("Removing Ghosts", "Moving"),
            ("Spider-Man", "Man"),
            ("King the Land", "Netflix’s King the Land"),
            ("King the Land", ""),
        ];
        for (outer, inner) in apart {
            assert!(!contains_name(outer, inner), "{outer:?} does not hold {inner:?}");
        }
    }
}
