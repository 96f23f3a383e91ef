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
    let decomposed: String = name.nfd().filter(|c| !is_combining_mark(*c)).collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for c in decomposed.nfc() {
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        } else if c == '\'' || c == '’' {
            // "Grey's" is one word, not "grey" + "s".
        } else if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
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
    fn words_split_on_punctuation_but_not_apostrophes() {
        assert_eq!(fold_words("Grey's Anatomy – S2"), ["greys", "anatomy", "s2"]);
        assert_eq!(fold_words("Crash Landing on You"), ["crash", "landing", "on", "you"]);
    }
}
