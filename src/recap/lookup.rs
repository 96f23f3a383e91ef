//! Ranking shows for what a member types into `/recap show:`.
//!
//! Built once from every show name and alias, then asked on each keystroke: a sorted list of
//! word-start suffixes answers prefix queries by binary search, and a trigram index narrows
//! typo-tolerant matching to the few names that share letters with the query. No query
//! touches the database or walks every show.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::names::{fold, fold_words};
use super::romanize::romanizations;
use super::ShowId;

/// What a show is known as: its name and any aliases.
#[derive(Debug, Clone)]
pub struct ShowNames {
    pub id: ShowId,
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ShowMatch {
    pub id: ShowId,
    pub name: String,
    /// The alias that matched when it was not the name itself, to show beside the name
    /// ("사랑의 불시착 · Crash Landing on You").
    pub alias: Option<String>,
    /// 0.0–1.0; exact matches score 1.0.
    pub score: f64,
}

/// Discord shows at most 25 autocomplete choices.
pub const MAX_CHOICES: usize = 25;

/// Fuzzy matches below this similarity are noise, not typos.
const MIN_FUZZY_SCORE: f64 = 0.72;

/// Below this word-by-word similarity, the words typed do not spell the name.
const MIN_WORD_SCORE: f64 = 0.75;

/// How much less letter-by-letter similarity counts than word-by-word when several words
/// were typed.
const WORDS_OVER_LETTERS: f64 = 0.1;

/// How many trigram candidates get the precise (and slower) similarity score: the intended
/// show shares the most trigrams with what was typed, and 120 keep the benchmark's top-1 at
/// 99.9 % with a p99 under 1 ms over 10,000 shows (300 took 1.3–1.4 ms).
const FUZZY_CANDIDATES: usize = 120;

/// How many trigram postings one query may walk. Words shared by thousands of names ("the",
/// "love") give trigrams whose postings grow with the catalogue and single out nobody; the
/// query's rarest trigrams are walked first, so the postings left out are the least telling
/// and a keystroke costs the same at 10,000 shows as at 100,000.
const POSTINGS_BUDGET: usize = 6_000;

/// How many names (and, separately, word beginnings) starting with the query one search
/// looks at. An exact name sorts first among the names it begins, so it is always seen;
/// past this many, a short query names nobody in particular and the first ones in
/// alphabetical order stand in for the rest, rather than every show sharing a common word.
const PREFIX_WALK: usize = 1_000;

#[derive(Debug)]
struct Key {
    show: usize,
    /// Which of the show's aliases this key spells (`None`: its name, or the name romanized).
    alias: Option<usize>,
    folded: String,
    /// `folded`'s length in characters, which every prefix match divides by.
    folded_chars: usize,
    words: Vec<String>,
}

#[derive(Debug, Default)]
pub struct ShowIndex {
    shows: Vec<ShowNames>,
    /// Folded names and aliases; `show` indexes `shows`.
    keys: Vec<Key>,
    /// (whole folded key, key index), sorted: names beginning with the query.
    starts: Vec<(String, usize)>,
    /// (folded suffix starting at a later word, key index), sorted: a word within a name
    /// beginning with the query.
    suffixes: Vec<(String, usize)>,
    /// `shows` indexes in name order: what an empty query lists.
    by_name: Vec<usize>,
    /// Trigram → key indexes containing it.
    trigrams: HashMap<[char; 3], Vec<u32>>,
    /// Folded word → key indexes containing it, ascending: the names having every word typed,
    /// which trigrams alone miss when each word is common and only their company is rare.
    words: HashMap<String, Vec<u32>>,
}

impl ShowIndex {
    pub fn new(shows: Vec<ShowNames>) -> Self {
        let mut index = ShowIndex::default();
        for (show, names) in shows.iter().enumerate() {
            let spellings = std::iter::once((None, &names.name))
                .chain(names.aliases.iter().enumerate().map(|(i, alias)| (Some(i), alias)))
                .flat_map(|(alias, name)| {
                    std::iter::once(name.clone())
                        .chain(romanizations(name))
                        .map(move |spelling| (alias, spelling))
                });
            for (alias, name) in spellings {
                let words = fold_words(&name);
                let folded = words.concat();
                if folded.is_empty() {
                    continue;
                }
                let key = index.keys.len();
                index.starts.push((folded.clone(), key));
                for start in 1..words.len() {
                    index.suffixes.push((words[start..].concat(), key));
                }
                let mut grams = trigrams(&folded);
                grams.sort_unstable();
                grams.dedup();
                for gram in grams {
                    index.trigrams.entry(gram).or_default().push(key as u32);
                }
                let mut distinct = words.clone();
                distinct.sort_unstable();
                distinct.dedup();
                for word in distinct {
                    index.words.entry(word).or_default().push(key as u32);
                }
                let folded_chars = folded.chars().count();
                index.keys.push(Key { show, alias, folded, folded_chars, words });
            }
        }
        index.starts.sort_unstable();
        index.suffixes.sort_unstable();
        index.by_name = (0..shows.len()).collect();
        index.by_name.sort_by_cached_key(|&i| shows[i].name.to_lowercase());
        index.shows = shows;
        index
    }

    pub fn len(&self) -> usize {
        self.shows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shows.is_empty()
    }

    /// The best `limit` shows for `query`, best first. An empty query lists shows by name.
    pub fn search(&self, raw_query: &str, limit: usize) -> Vec<ShowMatch> {
        self.search_with(raw_query, limit, true)
    }

    /// [`ShowIndex::search`] without the typo-tolerant matches, which all score below 0.8:
    /// the same matches scoring 0.8 or more, in the same order, without the slower part.
    pub fn search_beginnings(&self, raw_query: &str, limit: usize) -> Vec<ShowMatch> {
        self.search_with(raw_query, limit, false)
    }

    fn search_with(&self, raw_query: &str, limit: usize, typos: bool) -> Vec<ShowMatch> {
        let query = fold(raw_query);
        if query.is_empty() {
            return self
                .by_name
                .iter()
                .take(limit)
                .map(|&i| &self.shows[i])
                .map(|s| ShowMatch { id: s.id, name: s.name.clone(), alias: None, score: 0.0 })
                .collect();
        }

        // Best score per show, and the key (name or alias) that earned it.
        // Per-query maps are keyed by our own dense indexes, not by anything typed: a fast
        // hasher has nothing to fear from them, and SipHash was a fifth of a lookup.
        let mut best: FxHashMap<usize, (f64, usize)> = FxHashMap::default();
        let offer = |best: &mut FxHashMap<usize, (f64, usize)>, key: usize, score: f64| {
            let show = self.keys[key].show;
            let entry = best.entry(show).or_insert((0.0, key));
            // On a tie the name beats an alias: keys are built name first.
            if score > entry.0 || (score == entry.0 && key < entry.1) {
                *entry = (score, key);
            }
        };

        let query_len = query.chars().count() as f64;
        for (sorted, whole) in [(&self.starts, true), (&self.suffixes, false)] {
            let start = sorted.partition_point(|(s, _)| s.as_str() < query.as_str());
            for (_, key) in
                sorted[start..].iter().take_while(|(s, _)| s.starts_with(&query)).take(PREFIX_WALK)
            {
                let Key { folded, folded_chars, .. } = &self.keys[*key];
                let coverage = query_len / *folded_chars as f64;
                let score = if folded == &query {
                    1.0
                } else if whole {
                    0.9 + 0.09 * coverage
                } else {
                    0.8 + 0.09 * coverage
                };
                offer(&mut best, *key, score);
            }
        }

        // Typos score below every beginning: with a full page of beginnings, none would show.
        if typos && best.len() < limit {
            for (key, score) in self.fuzzy(&query, &fold_words(raw_query)) {
                offer(&mut best, key, score);
            }
        }

        let mut ranked: Vec<ShowMatch> = best
            .into_iter()
            .map(|(show, (score, key))| {
                let s = &self.shows[show];
                let alias = self.keys[key].alias.map(|i| s.aliases[i].clone());
                ShowMatch { id: s.id, name: s.name.clone(), alias, score }
            })
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.name.cmp(&b.name)));
        ranked.truncate(limit);
        ranked
    }

    /// Typo-tolerant matches: keys sharing trigrams with the query, scored by Jaro–Winkler
    /// against the whole key and against the key's beginning (a half-typed, misspelt name),
    /// or word by word (words in another order, a word left out, a typo within a word).
    fn fuzzy(&self, query: &str, query_words: &[String]) -> Vec<(usize, f64)> {
        let grams = trigrams(query);
        if grams.is_empty() {
            return Vec::new();
        }
        let mut postings: Vec<&[u32]> =
            grams.iter().filter_map(|g| self.trigrams.get(g)).map(Vec::as_slice).collect();
        postings.sort_by_key(|keys| keys.len());
        let mut shared: FxHashMap<u32, u32> = FxHashMap::default();
        let (mut walked, mut grams_walked) = (0, 0);
        for keys in postings {
            // Only the rarest trigram is walked when even it is common, and then only in part.
            let keys =
                if grams_walked == 0 { &keys[..keys.len().min(POSTINGS_BUDGET)] } else { keys };
            if grams_walked > 0 && walked + keys.len() > POSTINGS_BUDGET {
                break;
            }
            walked += keys.len();
            grams_walked += 1;
            for key in keys {
                *shared.entry(*key).or_default() += 1;
            }
        }
        // A single shared trigram in a long query is coincidence.
        let needed = if grams_walked >= 4 { 2 } else { 1 };
        let mut candidates: Vec<(u32, u32)> =
            shared.into_iter().filter(|(_, n)| *n >= needed).collect();
        candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(FUZZY_CANDIDATES);
        let mut candidates: Vec<u32> = candidates.into_iter().map(|(key, _)| key).collect();
        candidates.extend(self.with_all_words(query_words));
        candidates.sort_unstable();
        candidates.dedup();

        let query_len = query.chars().count();
        candidates
            .into_iter()
            .filter_map(|key| {
                let Key { folded, words, .. } = &self.keys[key as usize];
                let whole = strsim::jaro_winkler(query, folded);
                let head = folded
                    .char_indices()
                    .nth(query_len + 1)
                    .map_or(folded.as_str(), |(end, _)| &folded[..end]);
                // A head that is the whole key scores below it: no need to ask twice.
                let start = if head.len() == folded.len() {
                    0.0
                } else {
                    strsim::jaro_winkler(query, head) - 0.05
                };
                // Several words typed out (in any order, one left out) say more than letters
                // in sequence: "crimson kingdom reborn 2" is the Vol. 2 show, not "… Reborn".
                let by_letters = whole.max(start);
                let by_letters = if query_words.len() >= 2 {
                    by_letters - WORDS_OVER_LETTERS
                } else {
                    by_letters
                };
                let similarity = word_similarity(query_words, words).max(by_letters);
                // Mapped below every prefix match (0.8+), keeping the order among typos.
                (similarity >= MIN_FUZZY_SCORE)
                    .then_some((key as usize, 0.5 + 0.29 * similarity.min(1.0)))
            })
            .collect()
    }
}

impl ShowIndex {
    /// Keys having every typed word that some name has (a misspelt word is left out), when
    /// at least two are: words in another order or one left out. Walks at most
    /// `POSTINGS_BUDGET` keys of the rarest word, probing the others by binary search.
    fn with_all_words(&self, query_words: &[String]) -> Vec<u32> {
        let mut lists: Vec<&[u32]> =
            query_words.iter().filter_map(|w| self.words.get(w)).map(Vec::as_slice).collect();
        if lists.len() < 2 {
            return Vec::new();
        }
        lists.sort_by_key(|keys| keys.len());
        let (rarest, rest) = lists.split_first().expect("two lists");
        rarest
            .iter()
            .take(POSTINGS_BUDGET)
            .filter(|key| rest.iter().all(|keys| keys.binary_search(key).is_ok()))
            .take(FUZZY_CANDIDATES)
            .copied()
            .collect()
    }
}

/// How well the words a member typed, in any order, stand for a name's words: each typed
/// word is paired with the name word it spells (exactly, as the start of the word being
/// typed, or with a slip of one letter in three, two in eight), weighted by length, and the
/// name's words nobody typed cost a little. 0.0 when a quarter of what was typed spells
/// nothing in the name.
fn word_similarity(typed: &[String], name: &[String]) -> f64 {
    if typed.is_empty() || name.is_empty() {
        return 0.0;
    }
    let mut used = vec![false; name.len()];
    let (mut typed_len, mut spelt) = (0usize, 0.0);
    for (i, word) in typed.iter().enumerate() {
        let being_typed = i + 1 == typed.len();
        let len = word.chars().count();
        typed_len += len;
        let slips = match len {
            0..=2 => 0,
            3..=7 => 1,
            _ => 2,
        };
        let mut best: Option<(f64, usize)> = None;
        for (j, candidate) in name.iter().enumerate().filter(|(j, _)| !used[*j]) {
            let score = if word == candidate {
                1.0
            } else if being_typed && len >= 2 && candidate.starts_with(word.as_str()) {
                0.95
            } else if slips > 0 && candidate.chars().count().abs_diff(len) <= slips {
                // A slip counts for less than a word typed right, so that "tale's" finds
                // "Tale's Diary" before "Tale".
                match strsim::osa_distance(word, candidate) {
                    d if d <= slips => 1.0 - 0.2 * d as f64,
                    _ => continue,
                }
            } else {
                continue;
            };
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, j));
            }
        }
        if let Some((score, j)) = best {
            used[j] = true;
            spelt += score * len as f64;
        }
    }
    let spelt = spelt / typed_len as f64;
    if spelt < MIN_WORD_SCORE {
        return 0.0;
    }
    let name_len: usize = name.iter().map(|w| w.chars().count()).sum();
    let named: usize =
        name.iter().zip(&used).filter(|(_, u)| **u).map(|(w, _)| w.chars().count()).sum();
    spelt * (0.8 + 0.2 * named as f64 / name_len as f64)
}

/// Trigrams of a folded key, padded so that short keys and word starts still have some.
fn trigrams(folded: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> =
        std::iter::once(' ').chain(folded.chars()).chain(std::iter::once(' ')).collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(names: &[(&str, &[&str])]) -> ShowIndex {
        ShowIndex::new(
            names
                .iter()
                .enumerate()
                .map(|(i, (name, aliases))| ShowNames {
                    id: ShowId(i as i64 + 1),
                    name: name.to_string(),
                    aliases: aliases.iter().map(|a| a.to_string()).collect(),
                })
                .collect(),
        )
    }

    fn top(index: &ShowIndex, query: &str) -> Option<String> {
        index.search(query, MAX_CHOICES).first().map(|m| m.name.clone())
    }

    fn sample() -> ShowIndex {
        index(&[
            ("Soundtrack #1", &[]),
            ("Sound of Magic", &[]),
            ("Crash Landing on You", &["사랑의 불시착", "CLOY"]),
            ("Élite", &[]),
            ("Grey's Anatomy", &[]),
            ("The Last of Us", &[]),
            ("Squid Game", &[]),
            ("Attack on Titan: The Final Season", &[]),
        ])
    }

    #[test]
    fn finds_soundtrack_however_it_is_typed() {
        let index = sample();
        for query in [
            "Soundtrack #1",
            "soundtrack 1",
            "Soundtrack#1",
            "soundtrak",
            "SOUNDTRACK",
            "sundtrack 1",
            "soundtrack",
        ] {
            assert_eq!(top(&index, query).as_deref(), Some("Soundtrack #1"), "query {query:?}");
        }
    }

    #[test]
    fn aliases_accents_and_word_prefixes() {
        let index = sample();
        assert_eq!(top(&index, "cloy").as_deref(), Some("Crash Landing on You"));
        assert_eq!(top(&index, "사랑의").as_deref(), Some("Crash Landing on You"));
        assert_eq!(top(&index, "elite").as_deref(), Some("Élite"));
        assert_eq!(top(&index, "greys").as_deref(), Some("Grey's Anatomy"));
        assert_eq!(top(&index, "landing").as_deref(), Some("Crash Landing on You"));
        assert_eq!(
            top(&index, "final season").as_deref(),
            Some("Attack on Titan: The Final Season")
        );
        assert_eq!(top(&index, "squid gaem").as_deref(), Some("Squid Game"));
    }

    /// A Korean show is found by its Hangul, by how it sounds in Latin letters and by its
    /// English name, and the picker says which name matched.
    #[test]
    fn hangul_names_are_found_by_their_romanization() {
        let index = index(&[
            ("사랑의 불시착", &["Crash Landing on You"]),
            ("사랑이라 말해요", &[]),
            ("Squid Game", &["오징어 게임"]),
        ]);
        for query in ["sarangui bulsichak", "bulsichak", "crash landing", "사랑의 불"] {
            assert_eq!(top(&index, query).as_deref(), Some("사랑의 불시착"), "query {query:?}");
        }
        let sarang: Vec<String> = index.search("sarang", 25).into_iter().map(|m| m.name).collect();
        assert!(sarang.contains(&"사랑의 불시착".to_string()), "{sarang:?}");
        assert!(sarang.contains(&"사랑이라 말해요".to_string()), "{sarang:?}");
        assert_eq!(top(&index, "ojingeo").as_deref(), Some("Squid Game"));

        let by_alias = &index.search("crash landing", 1)[0];
        assert_eq!(by_alias.alias.as_deref(), Some("Crash Landing on You"));
        // Typing the name (in either script) is no alias.
        assert_eq!(index.search("sarangui", 1)[0].alias, None);
        assert_eq!(index.search("ojingeo", 1)[0].alias.as_deref(), Some("오징어 게임"));
    }

    /// Members type words in another order, leave one out, or slip within one; the show whose
    /// words they typed comes first, not the one whose letters line up best.
    #[test]
    fn words_typed_out_of_order_missing_or_misspelt_find_the_show() {
        let index = index(&[
            ("Crimson Kingdom: Reborn", &[]),
            ("Crimson Kingdom: Reborn Vol. 2", &[]),
            ("Gentle Prosecutor of Seoul", &[]),
            ("Gentle Prosecutor Café", &[]),
            ("Gentle Prosecutor", &[]),
            ("Last Tale’s Diary Vol. 2", &[]),
            ("Last Tale Vol. 2", &[]),
            ("Dear Soundtrack Café", &[]),
            ("Dear Soundtrack", &[]),
        ]);
        let cases = [
            ("kingdom crimson reborn", "Crimson Kingdom: Reborn"),
            ("crimson kingdom reborn 2", "Crimson Kingdom: Reborn Vol. 2"),
            ("Gentle Proseutor of Seoul", "Gentle Prosecutor of Seoul"),
            ("prosecutor gentle seoul", "Gentle Prosecutor of Seoul"),
            ("Last Tale’s Vol. 2", "Last Tale’s Diary Vol. 2"),
            ("Der Soundtrack Café", "Dear Soundtrack Café"),
        ];
        for (query, show) in cases {
            assert_eq!(top(&index, query).as_deref(), Some(show), "query {query:?}");
        }
    }

    #[test]
    fn exact_match_beats_prefix_and_prefix_beats_typo() {
        let index = index(&[("Sound", &[]), ("Soundtrack #1", &[]), ("Sounds", &[])]);
        let names: Vec<String> = index.search("sound", 25).into_iter().map(|m| m.name).collect();
        assert_eq!(names[0], "Sound");
        assert!(names.contains(&"Soundtrack #1".to_string()));
    }

    #[test]
    fn beginnings_are_the_searchs_best_matches_without_typos() {
        let index = sample();
        let mut differ = 0;
        for query in ["sound", "soundtrak", "crimson", "kingdom", "the", "s", "dear", "vol 2"] {
            let full = index.search(query, 5);
            let beginnings = index.search_beginnings(query, 5);
            let kept: Vec<_> = full.iter().filter(|m| m.score >= 0.8).cloned().collect();
            assert_eq!(beginnings, kept, "query {query:?}");
            differ += usize::from(full.len() != beginnings.len());
        }
        assert!(differ > 0, "some query has typo matches the beginnings leave out");
    }

    #[test]
    fn nonsense_finds_nothing_and_limit_holds() {
        let index = sample();
        assert!(index.search("zzqxv", 25).is_empty());
        let many = index_of(100);
        assert_eq!(many.search("show", 25).len(), 25);
        assert_eq!(many.search("", 25).len(), 25);
    }

    /// Past the postings budget and the prefix walk (thousands of names sharing every word
    /// but one), the show a member means is still the one they get.
    #[test]
    fn a_crowd_sharing_words_does_not_hide_the_show() {
        let mut names: Vec<(String, &[&str])> =
            (0..12_000).map(|i| (format!("The Love of Story {i}"), &[][..])).collect();
        names.push(("The Love of Gardeners".to_string(), &[]));
        names.push(("Abbey of Story".to_string(), &[]));
        let names: Vec<(&str, &[&str])> = names.iter().map(|(n, a)| (n.as_str(), *a)).collect();
        let index = index(&names);
        for (query, show) in [
            ("the love of gardners", "The Love of Gardeners"),
            ("gardeners love the", "The Love of Gardeners"),
            ("the love of garde", "The Love of Gardeners"),
            ("The Love of Story 11999", "The Love of Story 11999"),
            ("the love of story 7", "The Love of Story 7"),
        ] {
            assert_eq!(top(&index, query).as_deref(), Some(show), "query {query:?}");
        }
        assert_eq!(index.search("the love of", MAX_CHOICES).len(), MAX_CHOICES);
        assert_eq!(index.search("", 2)[0].name, "Abbey of Story");
    }

    fn index_of(n: usize) -> ShowIndex {
        ShowIndex::new(
            (0..n)
                .map(|i| ShowNames {
                    id: ShowId(i as i64),
                    name: format!("Show {i}"),
                    aliases: vec![],
                })
                .collect(),
        )
    }
}
