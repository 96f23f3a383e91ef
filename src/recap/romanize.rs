//! Hangul in Latin letters (Revised Romanization of Korean), so that a fan who types
//! "sarang" or "sarangui bulsichak" finds 사랑의 불시착.
//!
//! Fans romanize by ear and by syllable, not by the full rule book, so the index keeps two
//! spellings: syllable by syllable (사랑의 → "sarangui", 한국어 → "hangukeo") and with a
//! final consonant carried onto a following silent ㅇ the way it is pronounced and as the
//! official romanization writes it (한국어 → "hangugeo"). Sound changes across consonants
//! (신라 → "silla") are left out: they are rare in titles and fans rarely type them.

const SYLLABLE_FIRST: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;
const VOWELS: u32 = 21;
const FINALS: u32 = 28;
/// The index of ㅇ among the initial consonants: silent before a vowel.
const SILENT_INITIAL: usize = 11;

const INITIALS: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const MEDIALS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
/// A final consonant at the end of a word or before a consonant.
const FINALS_CLOSED: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];
/// The same final before a silent ㅇ: it is voiced and heard as the next syllable's start
/// (먹어 → "meogeo"); ㅇ stays "ng" and ㅎ falls silent (좋아 → "joa").
const FINALS_CARRIED: [&str; 28] = [
    "", "g", "kk", "ks", "n", "nj", "n", "d", "r", "lg", "lm", "lb", "ls", "lt", "lp", "r", "m",
    "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "",
];

/// The spellings of `text` with its Hangul romanized (other characters kept), most literal
/// first; empty when `text` has no Hangul syllable.
pub fn romanizations(text: &str) -> Vec<String> {
    if !text.chars().any(|c| syllable(c).is_some()) {
        return Vec::new();
    }
    let by_syllable = romanize(text, false);
    let spoken = romanize(text, true);
    if spoken == by_syllable {
        vec![by_syllable]
    } else {
        vec![by_syllable, spoken]
    }
}

/// (initial, medial, final) indexes of a precomposed Hangul syllable.
fn syllable(c: char) -> Option<(usize, usize, usize)> {
    let code = c as u32;
    if !(SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&code) {
        return None;
    }
    let offset = code - SYLLABLE_FIRST;
    let initial = offset / (VOWELS * FINALS);
    let medial = (offset % (VOWELS * FINALS)) / FINALS;
    let last = offset % FINALS;
    Some((initial as usize, medial as usize, last as usize))
}

fn romanize(text: &str, carry_finals: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let Some((initial, medial, last)) = syllable(c) else {
            out.push(c);
            continue;
        };
        out.push_str(INITIALS[initial]);
        out.push_str(MEDIALS[medial]);
        let next_is_silent = chars
            .get(i + 1)
            .and_then(|&n| syllable(n))
            .is_some_and(|(next_initial, _, _)| next_initial == SILENT_INITIAL);
        let finals = if carry_finals && next_is_silent { &FINALS_CARRIED } else { &FINALS_CLOSED };
        out.push_str(finals[last]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_read_as_fans_type_them() {
        assert_eq!(romanizations("사랑의 불시착"), ["sarangui bulsichak"]);
        assert_eq!(romanizations("눈물의 여왕"), ["nunmului yeowang", "nunmurui yeowang"]);
        assert_eq!(romanizations("이상한 변호사 우영우"), ["isanghan byeonhosa uyeongu"]);
        assert_eq!(romanizations("한국어"), ["hangukeo", "hangugeo"]);
        assert_eq!(romanizations("도깨비"), ["dokkaebi"]);
        assert_eq!(romanizations("오징어 게임 2"), ["ojingeo geim 2"]);
    }

    #[test]
    fn text_without_hangul_has_no_romanization() {
        assert!(romanizations("Crash Landing on You").is_empty());
        assert!(romanizations("進撃の巨人").is_empty());
        assert!(romanizations("").is_empty());
    }
}
