//! What members type into the show picker, generated from the benchmark's show names: the
//! name in lower case, without punctuation, with a letter missing, with two words swapped,
//! with a word left out, or its beginning, typed until it names one show.
//!
//! A query that fits several shows equally ("Lucky " when there are forty Lucky shows) has no
//! intended show, so none is generated: a beginning grows until one name starts with it, a
//! word is left out only when no other name has all the words that remain, and a letter only
//! when what remains is not one slip from another name as well ("Lucky Chef Vol. 1" is one
//! letter short of "… Vol. 13" and of "… Vol. 10" alike).

use std::collections::HashSet;

use rand::rngs::StdRng;
use rand::Rng;

use crate::recap::names::{fold, fold_words};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    LowerCase,
    Beginning,
    Typo,
    NoPunctuation,
    WordOrder,
    MissingWord,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::LowerCase,
        Kind::Beginning,
        Kind::Typo,
        Kind::NoPunctuation,
        Kind::WordOrder,
        Kind::MissingWord,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::LowerCase => "lower case",
            Kind::Beginning => "beginning",
            Kind::Typo => "typo",
            Kind::NoPunctuation => "no punctuation",
            Kind::WordOrder => "word order",
            Kind::MissingWord => "missing word",
        }
    }
}

pub struct QueryMaker<'a> {
    names: &'a [String],
    /// Folded names, sorted: how many names start with a beginning.
    sorted: Vec<String>,
    /// Every folded name: a slip that spells another show's name is no slip.
    folded: HashSet<String>,
    /// Folded names reversed, sorted: the names ending as a slip does.
    reversed: Vec<String>,
    words: Vec<HashSet<String>>,
}

impl<'a> QueryMaker<'a> {
    pub fn new(names: &'a [String]) -> Self {
        let mut sorted: Vec<String> = names.iter().map(|n| fold(n)).collect();
        sorted.sort();
        let folded = sorted.iter().cloned().collect();
        let mut reversed: Vec<String> = sorted.iter().map(|n| n.chars().rev().collect()).collect();
        reversed.sort();
        let words = names.iter().map(|n| fold_words(n).into_iter().collect()).collect();
        QueryMaker { names, sorted, folded, reversed, words }
    }

    /// A query for the show at `target`, and what kind of slip it is.
    pub fn query(&self, target: usize, rng: &mut StdRng) -> (Kind, String) {
        let name = &self.names[target];
        let chars: Vec<char> = name.chars().collect();
        let words: Vec<&str> = name.split_whitespace().collect();
        let kind = Kind::ALL[rng.gen_range(0..Kind::ALL.len())];
        let query = match kind {
            Kind::LowerCase => name.to_lowercase(),
            Kind::Beginning => self.beginning(&chars),
            Kind::Typo => {
                let first = rng.gen_range(1..chars.len().max(2) - 1);
                let slip =
                    (0..chars.len()).map(|i| 1 + (first + i) % (chars.len() - 1)).find_map(|at| {
                        let mut typo = chars.clone();
                        typo.remove(at);
                        let typo: String = typo.into_iter().collect();
                        (!self.slip_of_another(target, &fold(&typo))).then_some(typo)
                    });
                match slip {
                    Some(typo) => typo,
                    None => return (Kind::LowerCase, name.to_lowercase()),
                }
            }
            Kind::NoPunctuation => {
                name.chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect()
            }
            Kind::WordOrder if words.len() >= 2 && !self.others_have_all_words(target, name) => {
                let mut swapped = words.clone();
                let at = rng.gen_range(0..swapped.len() - 1);
                swapped.swap(at, at + 1);
                swapped.join(" ")
            }
            Kind::MissingWord if words.len() >= 3 => {
                match (0..words.len()).find_map(|left_out| self.without(target, &words, left_out)) {
                    Some(query) => query,
                    None => return (Kind::LowerCase, name.to_lowercase()),
                }
            }
            _ => return (Kind::LowerCase, name.to_lowercase()),
        };
        (kind, query)
    }

    /// Whether `typo` (folded) is a show's name, or one slip (a letter added, missing
    /// or changed) from it. A name one slip away shares the typo's first half or its last,
    /// so only the names sharing one of them are compared.
    fn slip_of_another(&self, target: usize, typo: &str) -> bool {
        let own = fold(&self.names[target]);
        let chars: Vec<char> = typo.chars().collect();
        let half = chars.len() / 2;
        let head: String = chars[..half].iter().collect();
        let tail: String = chars[half..].iter().rev().collect();
        let sharing = |sorted: &[String], part: &str| -> Vec<String> {
            let first = sorted.partition_point(|n| n.as_str() < part);
            sorted[first..].iter().take_while(|n| n.starts_with(part)).cloned().collect()
        };
        let heads = sharing(&self.sorted, &head);
        let tails = sharing(&self.reversed, &tail).into_iter().map(|n| n.chars().rev().collect());
        self.folded.contains(typo)
            || heads
                .into_iter()
                .chain(tails)
                .any(|other| other != own && within_one_slip(typo, &other))
    }

    /// The name's first half, grown until only this name starts with it.
    fn beginning(&self, chars: &[char]) -> String {
        let mut len = chars.len().div_ceil(2).max(3).min(chars.len());
        loop {
            let prefix = fold(&chars[..len].iter().collect::<String>());
            let first = self.sorted.partition_point(|n| n.as_str() < prefix.as_str());
            let sharing =
                self.sorted[first..].iter().take(2).filter(|n| n.starts_with(&prefix)).count();
            if sharing <= 1 || len == chars.len() {
                return chars[..len].iter().collect();
            }
            len += 1;
        }
    }

    /// The name with word `left_out` left out, if no other show has every word that remains.
    fn without(&self, target: usize, words: &[&str], left_out: usize) -> Option<String> {
        let kept: Vec<&str> =
            words.iter().enumerate().filter(|(i, _)| *i != left_out).map(|(_, w)| *w).collect();
        let query = kept.join(" ");
        (!self.others_have_all_words(target, &query)).then_some(query)
    }

    /// Whether a show other than `target` has every word of `query`: then the query fits it
    /// as well and names neither.
    fn others_have_all_words(&self, target: usize, query: &str) -> bool {
        let typed = fold_words(query);
        typed.is_empty()
            || self
                .words
                .iter()
                .enumerate()
                .any(|(i, set)| i != target && typed.iter().all(|w| set.contains(w)))
    }
}

/// Whether `a` and `b` differ by at most one letter added, missing or changed.
fn within_one_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let same = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if same == short.len() {
        return true;
    }
    if short.len() == long.len() {
        short[same + 1..] == long[same + 1..]
    } else {
        short[same..] == long[same + 1..]
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    /// A generated query stands for its show alone: it is no other show's name, and a
    /// beginning short of the whole name is the beginning of no other show.
    #[test]
    fn every_query_names_one_show() {
        let names = crate::bench::show_names(3_000);
        let maker = QueryMaker::new(&names);
        let mut rng = StdRng::seed_from_u64(1);
        let folded_names: Vec<String> = names.iter().map(|n| fold(n)).collect();
        let mut kinds = HashSet::new();
        for _ in 0..1_000 {
            let target = rng.gen_range(0..names.len());
            let (kind, query) = maker.query(target, &mut rng);
            kinds.insert(kind);
            let folded = fold(&query);
            for (i, other) in folded_names.iter().enumerate().filter(|(i, _)| *i != target) {
                assert_ne!(other, &folded, "{query:?} is {}, not {}", names[i], names[target]);
                // A name that begins another ("Burning Village #1") is typed out in full.
                if kind == Kind::Beginning && folded != folded_names[target] {
                    assert!(!other.starts_with(&folded), "{query:?} begins {}", names[i]);
                }
            }
        }
        assert_eq!(kinds.len(), Kind::ALL.len(), "every kind of query is generated");
    }

    #[test]
    fn one_slip_is_a_letter_added_missing_or_changed() {
        assert!(within_one_slip("vol13", "vol1"));
        assert!(within_one_slip("vol1", "vol10"));
        assert!(within_one_slip("vol0", "vol2"));
        assert!(within_one_slip("melody랑", "melody사랑"));
        assert!(within_one_slip("harbor", "harbor"));
        assert!(!within_one_slip("vol13", "vol31"));
        assert!(!within_one_slip("vol", "vol10"));
        assert!(!within_one_slip("harbour", "harbir"));
    }

    /// "Lucky Chef Vol. " is no slip of "Lucky Chef Vol. 3" once "… Vol. 2" exists: it is
    /// one letter from both, and no ranking could tell which was meant.
    #[test]
    fn a_slip_one_letter_from_another_name_is_not_generated() {
        let names = crate::bench::show_names(20_000);
        let maker = QueryMaker::new(&names);
        let mut rng = StdRng::seed_from_u64(3);
        let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
        let mut typos = 0;
        while typos < 100 {
            let target = rng.gen_range(0..names.len());
            let (kind, query) = maker.query(target, &mut rng);
            if kind != Kind::Typo {
                continue;
            }
            typos += 1;
            let query = fold(&query);
            for (i, other) in folded.iter().enumerate().filter(|(i, _)| *i != target) {
                assert!(!within_one_slip(&query, other), "{query:?} is one slip from {}", names[i]);
            }
        }
    }
}
