//! Telling episode recaps from other pages that name episodes: news
//! ("ratings", "renewed", "trailer", "release date", "where to watch"),
//! lists ("best", "top 10", "every episode ranked", archive and category
//! pages, review indexes), season reviews, film reviews, interviews and
//! previews.
//!
//! Judged from the headline and the opening lines only: a recap that talks
//! about ratings or casting in its body is still a recap.

use regex::Regex;
use std::sync::LazyLock as Lazy;

use super::headline::{marker_without_show, parse_headline, parse_number, Headline};
use super::opening;
use crate::recap::names::{fold, fold_words};

pub const SEASON_REVIEW: &str = "a season review";
pub const LIST: &str = "a list of articles";
pub const NEWS: &str = "news, not a recap";
pub const FILM: &str = "a film review";
pub const INTERVIEW: &str = "an interview";
pub const PREVIEW: &str = "a preview";
pub const FAN_FICTION: &str = "fan fiction";
pub const ENCYCLOPEDIA: &str = "an encyclopedia article";
pub const LISTING: &str = "a database listing of an episode";
pub const TRANSCRIPT: &str = "a transcript, not a recap";
pub const WHERE_TO_WATCH: &str = "where to watch an episode, not a recap";
pub const PODCAST: &str = "a podcast episode, not a written recap";
pub const MANGA: &str = "a manga chapter or volume, not an episode";

/// A headline that says it is a recap or an episode review.
static RECAP_WORD_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(?:recap|recaps|recapped|review|summary|synopsis|sinopsis|ending\s+explained)\b|리뷰|요약",
    )
    .unwrap()
});

static NEWS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            ratings | viewership | (?:\d[\d.,]*\s*(?:million|m|k)|\d[\d.,]{2,})(?:\s+[\w.]+)?\s+viewers | audience\s+share | box\s+office
          | casting | joins?\s+(?:the\s+)?cast
          | renew(?:s|ed|al) | cancel(?:s|ed|led|lation) | greenlit
          | release\s+date | air\s*date | premiere\s+date | when\s+(?:does|will|is) | what\s+time | release\s+time
          | trailers? | teasers? | first\s+look | sneak\s+peek
          | where\s+to\s+(?:watch|stream) | how\s+to\s+(?:watch|stream) | streaming\s+(?:guide|options)
          | postponed | delay(?:ed|s)? | hiatus | episode\s+count | how\s+many\s+episodes
          | (?:highest|lowest|best|worst)[\s\-]rated | polls?
        )\b",
    )
    .unwrap()
});

/// A release guide's words, which say so even beside the word recap.
static RELEASE_GUIDE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\brelease\s+(?:date|time)s?\b|\bstreaming\s+guide\b").unwrap());

/// List words that no recap headline uses.
static LIST_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)(?:
            \b(?:top\s+\d+|\d+\s+best|ranked|ranking|rankings|every\s+episode)\b
          | ^(?:category|tag|tagged|archives?|author|search\s+results?)\b | \barchives?$ | \bpage\s+\d+$
          | \b(?:episode|weekly)\s+(?:reviews|recaps)\b | \breviews\s*:\s*week\b | \bround-?up\b | \b(?:this|last)\s+week\s+in\b | \bweek\s+of\b | \bepisode\s+awards\b
          | ^(?:recent|latest|new)\s+(?:reviews|recaps|posts|articles)\b | ^rss\b
          | \b(?:recaps|reviews)\s+of\s+(?:all|every)\b | \bepisode\s+guide\b
          | \brecap\s+guide\b | \ball\s+\d{1,3}\s+episodes\b | \bepisode\s+list\b
        )",
    )
    .unwrap()
});

/// A player's "power ranking" and a quoted title, whose words say nothing of the page's kind.
static NOT_KIND_WORDS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"(?i)\bpower\s+rankings?\b|“[^”]*”|‘[^’]*’|"[^"]*"|(?:^|\s)'[^']+'(?:$|[\s,.:;!?])"#,
    )
    .unwrap()
});
static ONE_OF_THE_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\bone\s+of\s+the\b").unwrap());

/// List words that a recap headline may use ("the best episode yet").
static LIST_WEAK_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)\b(?:(?:best|worst|greatest|underrated)\s+(?:of|(?:[\w-]+\s+)?(?:episodes|shows|series|dramas|k-?dramas|c-?dramas|anime|moments|scenes|characters|couples|villains|tv))|must[-\s]watch|(?:dramas|shows|series|anime|episodes)\s+(?:to\s+watch|like))\b",
    )
    .unwrap()
});

/// A leading "TV Show Review:" / "TV Series Recap –" label.
static TV_SHOW_LABEL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*tv\s+(?:show|series)\s+(?:reviews?|recaps?)\s*(?:[:\-–—|]|$)").unwrap()
});
static SEASON_REVIEW_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            (?:season|series|show|full\s+season|entire\s+season|complete\s+season)\s+(?:\d+\s+|one\s+|two\s+|three\s+)?(?:review|recap|verdict)
          | (?:season|series)\s+(?:finale\s+)?(?:retrospective|overview|wrap-?up) | binge(?:d|-watched)?\b
          | (?:mid-?season|end\s+of\s+season)\s+(?:review|thoughts)
          | \bthe\s+complete\s+(?:\w+\s+)?(?:season|series)\b | ^(?:\d|three)[\s-]+episodes?\s+(?:review|impressions|test|rule)\b
        )",
    )
    .unwrap()
});

static SEASON_LEAD_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(?:season|series)\s+\d{1,2}\b").unwrap());

static FILM_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:movie|film)\s+review\b|\(film\)|\bthe\s+movie\b").unwrap());

static INTERVIEW_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:interview|interviews|q\s*&\s*a|in\s+conversation|talks?\s+(?:about|to)|speaks?\s+(?:about|out|to)|opens\s+up|showrunners?|creators?\s+(?:on|talks?|explains?|breaks?)|exclusive|(?:star|stars|actor|actress|cast|director|writer)\s+(?:on|talks?|explains?|breaks?\s+down|reveals?)|on\s+(?:how|why)|breaks?\s+down)\b").unwrap()
});

static KIND_LABEL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*[\[(]?\s*(?:exclusive\s+)?(interview|q\s*&\s*a|preview|news|trailer|poll)\s*[\])]?\s*[:|\-–—]\s")
        .unwrap()
});

static PREVIEW_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:preview|previews|promo|photos|stills|sneak\s+peeks?|what\s+to\s+expect|what[’']s\s+coming|predictions?|spoilers\s+for\s+(?:next|upcoming)|(?:next|upcoming)\s+episode|be\s+available\s+to\s+(?:watch|stream)|release\s+(?:date|time))\b").unwrap()
});
/// Japanese news of a coming episode: "第7話「…」のあらすじが公開されました" (its synopsis has
/// been released), "先行カット" (advance stills), "予告" (the trailer). Japanese has no word
/// boundaries to look for.
static PREVIEW_JA_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"あらすじ(?:が|を)?(?:公開|解禁)|先行カット|場面カット|予告(?:編|映像|動画)?(?:が|を)?公開").unwrap()
});
/// "第6話が25日、放送される" (will be broadcast on the 25th; a recap's news says "放送された"),
/// "テレビ愛知1で放送される「イ・サン」第30話".
static JAPANESE_TO_AIR_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"第\s?\d{1,4}\s?話(?:が|は)[^。]{0,20}放送される|放送される[^。]{0,40}第\s?\d{1,4}\s?話",
    )
    .unwrap()
});
/// A chapter's number in an English headline: past a few dozen, a manga's (a series calling its
/// episodes chapters has fewer).
static MANGA_CHAPTER_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\bchapter\s+(\d{2,4})\b").unwrap());
/// A magazine's issue read, a volume's spoilers, a bound volume: Japanese pages on a manga.
static MANGA_JA_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:発売|掲載)の[^。]{0,20}(?:より|から)|を読みました|\d{1,3}\s?巻の?ネタバレ|単行本",
    )
    .unwrap()
});
/// "全話", "全16話の": all of a series' episodes.
static ALL_EPISODES_JA_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"全話|全\s?\d{1,3}\s?話").unwrap());
static PODCAST_NAME_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\bpodcast\b").unwrap());
static PODCAST_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\bpodcast\s+(?:#\s?\d+|review|recap|discussion)\b").unwrap());
/// A site's page of reviews with its sorting controls: "54 Reviews" over "Sort by:".
static REVIEW_COUNT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\d[\d,.]*\s+(?:user\s+)?(?:reviews|ratings|comments)$").unwrap()
});
static SORT_BY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(?:sort(?:ed)?|filter)\s+by\b").unwrap());

/// Why a page whose headline is `headline` (parsed as `parsed`, when it
/// names an episode) and which opens with `opening` (non-empty lines, from
/// the top) is not an episode recap; `None` for a recap.
pub fn judge(
    headline: &str,
    parsed: Option<&Headline>,
    opening: &[String],
    headline_at: usize,
) -> Option<&'static str> {
    // A page labelled as another kind of article before the show's name: "Interview: Lee
    // Jung-jae Talks Squid Game Season 2 Episode 7" (the label would pass for part of the name),
    // "Poll: What did you think of Episode 7 “The Heart is a Lonely Hunter”?".
    if let Some(c) = KIND_LABEL_RE.captures(headline) {
        let label = c[1].to_lowercase();
        return Some(if label.starts_with("pre") {
            PREVIEW
        } else if label.starts_with("news") || label.starts_with("trailer") || label == "poll" {
            NEWS
        } else {
            INTERVIEW
        });
    }
    // "tvN '응답하라 1988' 18화가 최고 시청률을 경신했다" (episode 18 set a ratings record): Korean
    // news of an episode's ratings names the episode right before them.
    if KOREAN_EPISODE_RATINGS_RE.is_match(headline) {
        return Some(NEWS);
    }
    // "'내조의 여왕', 24.2%로 또 최고시청률 '경쟁자가 없다'": a Korean heading with a share and a
    // ratings record, beside the sentence taken for the headline.
    if opening.iter().take(headline_at + 3).any(|l| KOREAN_RATINGS_RECORD_RE.is_match(l)) {
        return Some(NEWS);
    }
    // An encyclopedia's article about an episode, as its text is extracted: "= Episode 7
    // (Humans series 1) =" over an "Infobox" of the episode's credits.
    // "Parks and Recreation (season 4)": an encyclopedia's title for a season, alone on the
    // first line.
    let wiki_heading = opening
        .first()
        .map(|l| l.trim())
        .is_some_and(|l| WIKI_HEADING_RE.is_match(l) || WIKI_SEASON_TITLE_RE.is_match(l));
    if wiki_heading || opening.iter().take(4).any(|l| l.trim() == "Infobox") {
        return Some(ENCYCLOPEDIA);
    }
    // A streaming or database site's record of an episode: "Shōgun Season 1, Episode 9 Crimson
    // Sky Drama IMDB 8.487 Country United States Air Date 2024-04-16 Actors … Overview …".
    let listing = |l: &str| {
        let labels: std::collections::HashSet<String> =
            LISTING_LABEL_RE.find_iter(l).map(|m| m.as_str().to_lowercase()).collect();
        labels.len() >= 3
    };
    if listing(headline) || opening.iter().take(5).any(|l| listing(l)) {
        return Some(LISTING);
    }
    // "Tag Archives: Episode Six" would pass for a show called "Tag Archives".
    if ARCHIVE_RE.is_match(headline) {
        return Some(LIST);
    }
    // "54 Reviews / Sort by: / Filter by Rating: / Doctor Who: The Stolen Earth (2008) Season 4,
    // Episode 12": a user's or a site's list of reviews, the first of them looking like a recap.
    let top = || opening.iter().take(4).map(|l| l.trim());
    if top().any(|l| REVIEW_COUNT_RE.is_match(l)) && top().any(|l| SORT_BY_RE.is_match(l)) {
        return Some(LIST);
    }
    // The news is often told in a sentence over a shorter heading, which is taken as the
    // headline.
    if PREVIEW_JA_RE.is_match(headline)
        || opening.iter().take(headline_at + 1).any(|l| PREVIEW_JA_RE.is_match(l))
    {
        return Some(PREVIEW);
    }
    // "…『家政夫のミタゾノ』(…)の第6話が25日、放送される。": the lede under the headline says
    // the episode is still to air.
    if opening.iter().take(headline_at + 6).any(|l| JAPANESE_TO_AIR_RE.is_match(l)) {
        return Some(PREVIEW);
    }
    // "Chainsaw Man: chapter 112 review", "…発売のモーニングより、アンメット…【4話】…を読みました"
    // (read in this week's magazine), "SPY×FAMILY 3巻のネタバレ" (volume 3): the manga, not the
    // show made of it.
    let manga_chapter = MANGA_CHAPTER_RE
        .captures(headline)
        .is_some_and(|c| c[1].parse::<u32>().is_ok_and(|n| n > 40));
    let manga_ja = MANGA_JA_RE.is_match(headline)
        || opening.iter().take(headline_at + 3).any(|l| MANGA_JA_RE.is_match(l));
    if manga_chapter || manga_ja {
        return Some(MANGA);
    }
    // "愛の不時着 あらすじ全話と人物相関図", "全7話のタイトルと内容を徹底解説": every episode of
    // a series, not one.
    if ALL_EPISODES_JA_RE.is_match(headline) {
        return Some(SEASON_REVIEW);
    }
    // "11.4 - Podcast Review of Episode 4 of When Life Gives You Tangerines", "Podcast #42 -
    // S2E20 - Help Wanted": an audio episode's notes (but "Podcast Fandom Episode 54: The
    // Following S2E5" is a written recap under a podcast's banner).
    // "The Podcast Returns - Season Four, Episode One": a podcast numbering its own episodes.
    if PODCAST_RE.is_match(headline) || parsed.is_some_and(|h| PODCAST_NAME_RE.is_match(&h.show)) {
        return Some(PODCAST);
    }
    // "Season 10, Episode 3 - Bread Week - full transcript", "Episode transcripts for the TV
    // show, …", "Bridgerton – S03E01 – Out of the Shadows | Transcript": a transcript site
    // says so in its title or a short line under it; a recap
    // quoting a transcript does so in its prose.
    let short = |l: &&String| l.split_whitespace().count() <= 20;
    if TRANSCRIPT_RE.is_match(headline)
        || opening.iter().take(12).filter(short).any(|l| TRANSCRIPT_RE.is_match(l))
    {
        return Some(TRANSCRIPT);
    }
    // "Where to Watch Episode 3", "When and where to see episode 1000 of the ‘anime’ of One
    // Piece?": a heading asking where the page's own episode can be watched (checked before the
    // show's name is set aside: such a line parses as a show called "Where to Watch").
    let episode = parsed.map(|h| h.episode);
    let where_to_watch = |l: &str| {
        WHERE_TO_WATCH_RE.captures(l.trim()).is_some_and(|c| {
            let n = parse_number(&c[1]);
            n.is_some() && (episode.is_none() || n == episode)
        })
    };
    if where_to_watch(headline) || opening.iter().take(12).any(|l| where_to_watch(l)) {
        return Some(WHERE_TO_WATCH);
    }
    // Words of the show's own name do not count ("Trailer Park Boys", "The Best Hit",
    // "Interview with the Vampire").
    let whole_headline = headline;
    let without_show;
    // "Series 10 Review Round-Up: Ep 1, The Pilot": a name that opens with a season's number
    // is the headline's words mistaken for a show.
    let named = parsed.filter(|h| name_like(&h.show) && !SEASON_LEAD_RE.is_match(&h.show));
    let headline = match named {
        Some(h) => {
            let re = Regex::new(&format!("(?i){}", regex::escape(&h.show))).ok();
            without_show =
                re.map_or(headline.to_string(), |re| re.replace(headline, " ").into_owned());
            without_show.as_str()
        }
        None => headline,
    };
    // "Season In Review: Prison Break (S1)": a heading that says so before any show's name.
    if SEASON_IN_REVIEW_RE.is_match(whole_headline) {
        return Some(SEASON_REVIEW);
    }
    let says_recap = RECAP_WORD_RE.is_match(headline);
    let range = parsed.and_then(|h| h.episode_end.map(|e| e.saturating_sub(h.episode) + 1));
    if FILM_RE.is_match(headline) {
        return Some(FILM);
    }
    // ("Episode Guide" over "Episodes 001–078" reads as a show called "Episode Guide"; an
    // address's "episode-guides" folder is no page's heading.)
    let listed_show = parsed.is_some_and(|h| {
        EPISODE_GUIDE_RE.is_match(&h.show)
            && opening.iter().take(headline_at + 1).any(|l| l.trim() == h.show)
    });
    // "Survivor 47 Episode 4 Recap and Power Ranking" ranks the players, and "'MasterChef' Season
    // 5, episode 9 recap: 'Top 13 Compete'" quotes the episode's title: neither lists episodes.
    let kind_words = NOT_KIND_WORDS_RE.replace_all(headline, " ");
    // "The Episode 19 of Demon Slayer is one of the Greatest Anime Episode of All Time" praises
    // its own episode.
    let praise = ONE_OF_THE_RE.is_match(&kind_words);
    if LIST_RE.is_match(&kind_words)
        || (!says_recap && !praise && LIST_WEAK_RE.is_match(&kind_words))
        || listed_show
    {
        return Some(LIST);
    }
    // "TV Show Review: The Mandalorian, Season 2, Episodes 1-5": the section's label says a
    // show is reviewed, not that the review is of a whole season.
    let unlabelled = TV_SHOW_LABEL_RE.replace(headline, "");
    if SEASON_REVIEW_RE.is_match(&unlabelled) && (parsed.is_none() || range.is_some_and(|r| r > 4))
    {
        return Some(SEASON_REVIEW);
    }
    // ("Homeland: Episode 2.05, “Q & A”": the episode's title is no interview.)
    if !says_recap {
        if INTERVIEW_RE.is_match(&kind_words) {
            return Some(INTERVIEW);
        }
        if NEWS_RE.is_match(&kind_words) {
            return Some(NEWS);
        }
        if PREVIEW_RE.is_match(&kind_words) {
            return Some(PREVIEW);
        }
    } else if (NEWS_RE.is_match(headline) && parsed.is_none())
        || RELEASE_GUIDE_RE.is_match(headline)
    {
        // "The Ark Episode 6: … Release Date, Time, Recap & Streaming Guide": a guide to the
        // coming episode, the recap of the last one one of its items.
        return Some(NEWS);
    }
    // "…ranked first in the Seoul metropolitan area with 7.5 percent and 7.2 percent nationwide
    // (based on Nielsen Korea)": a page that leads with an episode's audience figures is ratings
    // news, whatever its headline says of the episode.
    if !says_recap && leads_with_audience_figures(opening, headline_at) {
        return Some(NEWS);
    }
    // "28. “Next” (Season 3, Episode 2)" under "…how one can rank all these…": an entry of a
    // ranked list.
    let ranked_above = || opening.iter().take(headline_at).any(|l| RANK_WORD_RE.is_match(l));
    if LIST_ITEM_RE.is_match(whole_headline.trim()) && ranked_above() {
        return Some(LIST);
    }
    // Lines above the headline: "Category: ‘Drama Recap’", "Winter 2023 Anime Episode Reviews: Week 12".
    for (i, line) in opening.iter().enumerate().take(headline_at) {
        let line = opening::strip_glued_prefix(line);
        // The first line is where a page's own title sits ("Last Week in TV - Week of April
        // 13"), even when an entry further down names an episode.
        let near = i == 0 || i + 3 >= headline_at;
        // A section's name ("Episode Reviews" over "Oshi no Ko Season 3 Episode 6 Review") is
        // furniture, no list's title.
        if line.split_whitespace().count() <= 16
            && (ARCHIVE_RE.is_match(line)
                || (near && !opening::is_furniture_line(line) && LIST_RE.is_match(line)))
        {
            return Some(LIST);
        }
        // "Season In Review: Prison Break (S1)" over "1×01 – Pilot": the page's own title says
        // it goes through the season.
        // ("TV Show Review" over "TV Review: ARROW: Season 2, Episode 9: Three Ghosts" is the
        // section's name.)
        let line = TV_SHOW_LABEL_RE.replace(line, "");
        if i == 0 && line.split_whitespace().count() <= 12 && SEASON_REVIEW_RE.is_match(&line) {
            return Some(SEASON_REVIEW);
        }
    }
    // "ドラマ『後妻業』の第8話のあらすじや…感想は?" over "3月5日に第7話が放送となった": the
    // episode before the page's has just aired, so the page's own is still to come.
    if let Some(h) = parsed.filter(|h| h.episode > 1) {
        let aired = |episode: u32| {
            move |line: &String| {
                JAPANESE_AIRED_RE.captures_iter(line).any(|c| c[1].parse() == Ok(episode))
            }
        };
        let lead = || opening.iter().skip(headline_at + 1).take(3);
        if lead().any(aired(h.episode - 1)) && !lead().any(aired(h.episode)) {
            return Some(PREVIEW);
        }
    }
    // "Blue Lock Season 2 Episode 8 English Sub" over "Blue Lock season 2 episode 8 will be
    // released on Saturday 23rd November 2024": the page's own episode is still to come.
    if let Some(h) = parsed {
        let coming = |line: &String| {
            UPCOMING_EPISODE_RE.captures_iter(line).any(|c| parse_number(&c[1]) == Some(h.episode))
        };
        if opening.iter().skip(headline_at).take(4).any(coming) {
            return Some(PREVIEW);
        }
    }
    // "Grey's Anatomy Season 17 Episode 7" over "Grey’s Anatomy Season 17 Episode 7: What’s
    // Coming For Meredith? …": a bare heading, then the page's own headline for the same
    // episode, which says what kind of page it is.
    // (A heading that says "Recap" has said what the page is; a paragraph is no headline.)
    let bare = |h: &&Headline| is_bare_heading(whole_headline, h) && !says_recap;
    if let Some(h) = parsed.filter(bare) {
        let next = opening.iter().skip(headline_at + 1).take(2).find_map(|l| {
            if l.split_whitespace().count() > 20 || l.trim_end().ends_with('.') {
                return None;
            }
            let n = parse_headline(l).filter(|n| n.episode == h.episode)?;
            Some((l, n))
        });
        if let Some(reason) = next.and_then(|(l, n)| judge(l, Some(&n), &[], 0)) {
            return Some(reason);
        }
    }
    if lists_several_episodes(opening, headline_at) {
        return Some(LIST);
    }
    // "Today I will be reviewing Another episode 8, Ano Natsu episode 8, Inu X Boku episode 8
    // and Black Rock Shooter episode 5 all in one post.": one sentence naming three shows'
    // episodes.
    let several = |line: &String| {
        let mut names: Vec<String> = Vec::new();
        for c in NAMED_EPISODE_RE.captures_iter(line) {
            let name = fold(&c[1]);
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
        names.len() >= 3
    };
    if opening.iter().take(10).any(several) {
        return Some(LIST);
    }
    None
}

static SEASON_IN_REVIEW_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*(?:season|series)\s+in\s+review\b").unwrap());

/// A teaser cut short by its link: "…focuses on the battling... Continue Reading →".
static CUT_WITH_LINK_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:\.\.\.|…)\s*\[?(?:continue\s+reading|read\s+more)\]?\s*[→»›>]?\s*$").unwrap()
});

/// A numbered entry's number: "28. ", "3) ".
static LIST_ITEM_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d{1,3}[.)]\s+\S").unwrap());
/// A ranking's words: "rank", "lowest-ranked", "ranking".
static RANK_WORD_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:rank|ranks|ranked|ranking|rankings)\b").unwrap());

/// "full transcript", "Episode transcripts for", "Transcript:": a transcript's own label.
static TRANSCRIPT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:full|episode|complete|official)\s+transcripts?\b|\btranscripts?\s+(?:for|of)\b|^\s*transcripts?\b|[|\-–—]\s*transcripts?\s*$").unwrap()
});

/// A heading that asks or says where to watch an episode, the episode's number captured.
static WHERE_TO_WATCH_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:when\s+and\s+)?where\s+(?:to|can\s+(?:i|you|we))\s+(?:watch|stream|see)\s+(?:[\p{L}'’:]+\s+){0,6}?(?:episode|ep\.?)\s*(\d{1,4})\b").unwrap()
});

/// An episode's count as the sentence's subject, then its ratings, in Korean: "18화가 최고
/// 시청률을" (not a review's "8회 리뷰: 시청률" or "6화. 시청률").
static KOREAN_EPISODE_RATINGS_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\d{1,4}\s?[회화][가이]\s+(?:\S+\s+){0,2}시청률").unwrap());

/// An episode said to have aired, in Japanese: "第7話が放送となった", "第7話が放送された".
static JAPANESE_AIRED_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"第?\s?(\d{1,4})\s?話(?:が|は)\s?放送(?:され|と)").unwrap());

/// A share and a ratings record, rise or fall in one Korean line: "24.2%로 또 최고시청률",
/// "시청률 10.5% 자체 최고".
static KOREAN_RATINGS_RECORD_RE: Lazy<Regex> = Lazy::new(|| {
    let record = r"(?:최고\s?시청률|시청률\s?(?:경신|상승|하락|1위|자체\s?최고|최고))";
    Regex::new(&format!(
        r"\d{{1,2}}(?:\.\d{{1,2}})?%.{{0,30}}{record}|{record}.{{0,30}}\d{{1,2}}(?:\.\d{{1,2}})?%"
    ))
    .unwrap()
});

/// An audience share as ratings news writes it: "7.5%", "13,3 persen", "7.2 percent".
static AUDIENCE_SHARE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\d{1,2}(?:[.,]\d{1,2})?\s*(?:%|per\s?cent\b|persen\b)").unwrap());
/// Words that make a share an audience's: Korea's ratings agencies, and "rating" in the
/// languages ratings news comes in.
static AUDIENCE_WORD_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:nielsen|tnms|ratings?|viewership|audience\s+share)\b").unwrap()
});

/// Two audience shares and a ratings word in the headline and the few lines under it.
fn leads_with_audience_figures(opening: &[String], headline_at: usize) -> bool {
    let lead = opening.iter().take(headline_at + 4);
    let (mut shares, mut worded) = (0, false);
    for line in lead {
        shares += AUDIENCE_SHARE_RE.find_iter(line).count();
        worded |= AUDIENCE_WORD_RE.is_match(line);
    }
    shares >= 2 && worded
}

/// "episode 8 will be released on", "Episode 5 is set to air", "Episode 4 is set to further
/// expand on…", "House of the Dragon episode 6 looks set to be…", "Dandadan Episode 3 promises an
/// explosive fight": an episode still to come ("episode 3 will contain spoilers" is the review's).
static UPCOMING_EPISODE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:episode|ep\.?)\s*(\d{1,4})\s+(?:(?:will|is\s+(?:set|scheduled|expected)\s+to)\s+(?:be\s+)?(?:released|release|air|premiere|drop|arrive|stream)\b|(?:is\s+(?:set|expected|scheduled|slated|poised)\s+to|looks\s+set\s+to|promises(?:\s+to)?|will\s+likely)\s)").unwrap()
});

/// A name in title case right before "episode N": "Ano Natsu episode 8".
static NAMED_EPISODE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(\p{Lu}[\p{L}\d'’:\-]*(?:\s+(?:[\p{Lu}\d][\p{L}\d'’:\-]*|X|x|of|the|no)){0,5})\s+(?:episode|ep\.?)\s*\d{1,4}\b")
        .unwrap()
});

/// The labels of a database record of an episode ("Air Date", "Actors", "Overview").
static LISTING_LABEL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:IMDb|IMDB|Air Date|Actors|Country|Overview|Runtime|Genres?|Directors?|Tomatometer|Popcornmeter|Watchlist|Play [Tt]railer)\b")
        .unwrap()
});

/// A guide to every episode, where a show's name would be.
static EPISODE_GUIDE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\bepisode\s+(?:guide|list)s?\b").unwrap());

/// An encyclopedia's title for a season's article: "Parks and Recreation (season 4)".
static WIKI_SEASON_TITLE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\S.{0,80}\s\((?:season|series)\s+\d{1,2}\)$").unwrap());

/// A wiki's page title as extracted text writes it: "= Episode 7 (Humans series 1) =".
static WIKI_HEADING_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^=\s+\S.{0,150}\s+=$").unwrap());

/// An archive page's own title, wherever it sits above the first entry.
static ARCHIVE_RE: Lazy<Regex> = Lazy::new(|| {
    // Blogger writes its label and date pages' own heading: "Showing posts with label Mushishi.
    // Show all posts", in Portuguese, Spanish, French and Indonesian too.
    Regex::new(r"(?i)^(?:category|tag|tagged|archives?|author|search\s+results?|posts\s+(?:tagged|in|by))\b\s*:?|\barchives?$|^(?:showing\s+posts\s+(?:with\s+label|from|sorted\s+by|for\s+query)|mostrando\s+(?:postagens|entradas)\s+com\s+marcador|mostrando\s+entradas\s+con\s+la\s+etiqueta|affichage\s+des\s+articles\s+dont\s+le\s+libell[ée]|menampilkan\s+postingan\s+dengan\s+label)\b").unwrap()
});

/// A link to another page among the recap's own lines: "Previously on…", "Read more", and in
/// Japanese "前回第4話の感想はこちら。↓" (the last episode's impressions are here).
static ASIDE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:see\s+also|also\s+read|read\s+also|read\s+more|related|previous|prev|next|more|recommended|up\s+next|watch|trending|popular|latest)\b|^(?:前回|次回)|はこちら").unwrap()
});
/// When an episode was first shown and how long it runs, as a catch-up service lists it.
static SHOWN_WITH_RUNTIME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:first\s+(?:shown|broadcast|aired)|aired|air\s+date)\b.{0,60}\b\d{1,3}\s*mins?\b",
    )
    .unwrap()
});
static BLOG_DATE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\w+\s+\d{1,2},?\s+\d{4}$")
        .unwrap()
});

/// A show name in title case ("Interview with the Vampire"), not a sentence
/// ("Park Bo-gum talks about Encounter").
pub fn name_like(show: &str) -> bool {
    const JOINERS: [&str; 16] = [
        "of", "the", "a", "an", "and", "on", "in", "with", "to", "for", "at", "from", "by", "or",
        "as", "vs",
    ];
    !show.is_empty()
        && show.split_whitespace().all(|w| {
            !w.starts_with(char::is_lowercase) || JOINERS.contains(&w.to_lowercase().as_str())
        })
}

/// A line that is a show's name in title case and its episode marker, nothing more: a round-up's
/// section heading. ("“Echoes” (Season 6, Episode 1)" is an episode's title; "Episode
/// Sebelumnya: Sinopsis Room No. 9 Episode 5-6", a labelled link to the previous one.)
fn is_bare_heading(line: &str, h: &Headline) -> bool {
    let line = line.trim();
    let rest = line.strip_prefix(h.show.as_str());
    h.title.is_none()
        && name_like(&h.show)
        && !h.show.starts_with(['"', '“', '‘', '\''])
        && !h.show.contains(": ")
        && rest.is_some_and(|r| r.split_whitespace().count() <= 5)
}

/// A show's name as a list page's entries are compared: folded whole, and as its folded words
/// in sorted order.
#[derive(Clone)]
struct ShowKey {
    folded: String,
    words: Vec<String>,
}

impl ShowKey {
    fn of(name: &str) -> ShowKey {
        let mut words = fold_words(name);
        words.sort_unstable();
        ShowKey { folded: fold(name), words }
    }

    /// One show: one name inside the other ("abbott elementary" in a breadcrumb's "home abc
    /// abbott elementary"), or the same words in another order ("Naoki Hanzawa" over "Hanzawa
    /// Naoki", a Japanese name written both ways).
    fn same(&self, other: &ShowKey) -> bool {
        self.folded.contains(&other.folded)
            || other.folded.contains(&self.folded)
            || self.words == other.words
    }
}

/// Many lines near the top each naming an episode (of several shows, or
/// marker-only lines like `Season 2, Episode 4: "Title"`): an index page.
fn lists_several_episodes(opening: &[String], from: usize) -> bool {
    let mut keys = Vec::new();
    let mut shows = Vec::new();
    let mut parsed_lines = 0;
    let mut marker_only = 0;
    let mut marker_keys = Vec::new();
    let mut read_more = 0;
    let mut blog_dates = 0;
    // A broadcaster's page of a series' episodes, each with "First shown: Wed 11 Mar 2020 | 47
    // mins".
    let mut listed_airings = 0;
    let mut lead_shows: Vec<String> = Vec::new();
    // Entries each followed by the writer's grade ("The Office (S05E03): “Baby Shower”" over
    // "Grade: B"), with the episodes they name.
    let mut graded_keys = Vec::new();
    // Section headings that are only a show's name and its episode ("MF Ghost Episode 5",
    // "18if (Ep.9)", "Dr. Stone – Episode 2"), with their shows.
    let mut bare_shows: Vec<ShowKey> = Vec::new();
    let mut bare_lines: Vec<String> = Vec::new();
    // The line after line `k` is a grade alone: "Grade: B", "Rating: 6/10".
    let graded = |k: usize| {
        opening.get(k + 1).is_some_and(|next| {
            super::rating::parse_line(next.trim()).is_some() && next.split_whitespace().count() <= 4
        })
    };
    // "Haikyuu!! Episodes 05-07 Review" over "Progress: Episode 07": a range's own episodes
    // named under it are its sections or the writer's notes, not other shows'.
    let own_range = opening
        .get(from)
        .and_then(|l| opening::accept(l))
        .and_then(|h| Some((h.season, h.episode..=h.episode_end?)));
    let in_own_range = |h: &Headline| {
        own_range
            .as_ref()
            .is_some_and(|(season, range)| *season == h.season && range.contains(&h.episode))
    };
    for (k, line) in opening.iter().enumerate().skip(from).take(40) {
        let line = opening::strip_glued_prefix(line);
        let lower = line.to_lowercase();
        if lower.starts_with("related")
            || lower.starts_with("you may also like")
            || lower.starts_with("you might also like")
            || lower.starts_with("leave a ")
            || lower.starts_with("more from")
        {
            break;
        }
        if matches!(lower.trim(), "continue reading" | "read more" | "read more »" | "read more…")
            || CUT_WITH_LINK_RE.is_match(&lower)
        {
            read_more += 1;
        }
        if BLOG_DATE_RE.is_match(line.trim()) {
            blog_dates += 1;
        }
        if SHOWN_WITH_RUNTIME_RE.is_match(line.trim()) {
            listed_airings += 1;
        }
        if line.split_whitespace().count() > 25 || opening::is_unspaced_prose(line) {
            // "Dexter. Episodio 5 (Swim deep): tras el anterior capítulo…", "Homeland.
            // Episodio 5 (Q&A): …": a round-up's paragraphs each open with a show's episode.
            let lead = line.split_once(": ").filter(|(l, _)| l.split_whitespace().count() <= 10);
            if let Some(h) = lead.and_then(|(l, _)| opening::accept(l)) {
                let show = fold(&h.show);
                if !lead_shows.contains(&show) {
                    lead_shows.push(show);
                }
            }
            continue;
        }
        // "2021年放送 KBS 2TV月火 全12話": the series' count of episodes, under its name.
        if ASIDE_RE.is_match(line) || ALL_EPISODES_JA_RE.is_match(line) {
            continue;
        }
        match opening::accept(line) {
            Some(h) => {
                parsed_lines += 1;
                let key = (h.season, h.episode);
                if graded(k) && !graded_keys.contains(&key) {
                    graded_keys.push(key);
                }
                if !keys.contains(&key) {
                    keys.push(key);
                }
                if is_bare_heading(line, &h) && (k == from || !in_own_range(&h)) {
                    // "Sinopsista.Com - Sinopsis Drama Korea Saimdang Light's Diary Episode 7"
                    // and "Baca Episode Sebelumnya Sinopsis Drama Korea Saimdang Light's Diary
                    // Episode 6": a site's words around a name the page wrote alone above.
                    let show = ShowKey::of(&h.show);
                    let show = shows
                        .iter()
                        .filter(|s: &&ShowKey| {
                            !s.folded.is_empty() && show.folded.contains(&s.folded)
                        })
                        .min_by_key(|s| s.folded.len())
                        .cloned()
                        .unwrap_or(show);
                    // "「SPY×FAMILY(スパイファミリー)」の第7話" over "「スパイファミリー」アニメ7話":
                    // a name an earlier heading gave beside the show's is the same show.
                    let named_before = bare_lines.iter().any(|l: &String| l.contains(&show.folded));
                    if !bare_shows.iter().any(|s| s.same(&show)) && !named_before {
                        bare_shows.push(show);
                    }
                    bare_lines.push(fold(line));
                }
                // "Home ABC Abbott Elementary Abbott Elementary" (a breadcrumb) is the same show.
                let show = ShowKey::of(&h.show);
                if !shows.iter().any(|s: &ShowKey| s.same(&show)) {
                    shows.push(show);
                }
            }
            None => {
                // Captions of the recap's own episode ("Ep 12: Awkward...") repeat one number;
                // an index lists several.
                if let Some(h) = marker_without_show(line) {
                    let key = (h.season, h.episode);
                    // "Episode 1: The Pilot" / "Rating: 6/10" / "Episode 2: Smile" / "Rating:
                    // 8/10": a series review grading its episodes in turn.
                    if graded(k) && !graded_keys.contains(&key) {
                        graded_keys.push(key);
                    }
                    if !marker_keys.contains(&key) {
                        marker_keys.push(key);
                        marker_only += 1;
                    }
                }
            }
        }
    }
    // An archive or tag page of one show lists its episodes newest first ("Severance Season 2
    // Episode 6 Review", "… Episode 4 Review", "… Episode 3 Review"); a recap's own sections
    // go forward ("Episode 18 of “Moving”", "Episode 19…").
    let newest_first = keys.len() >= 3 && keys.windows(2).all(|w| w[1] < w[0]);
    // A show's category page of graded reviews: "The Office (S05E03): “Baby Shower”" / "Grade:
    // B" / … / "The Office (S05E02): “Business Ethics”" / "Grade: A+".
    let graded_index = graded_keys.len() >= 2;
    (keys.len() >= 2 && shows.len() >= 2 && (parsed_lines >= 3 || read_more >= 1))
        || bare_shows.len() >= 2
        || newest_first
        || graded_index
        || marker_only >= 3
        || read_more >= 2
        || blog_dates >= 2
        || listed_airings >= 2
        || lead_shows.len() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(headline: &str) -> Option<&'static str> {
        judge(headline, parse_headline(headline).as_ref(), &[], 0)
    }

    /// Japanese pages on every episode of a series (pages/3386, 3132), and previews saying the
    /// episode is still to air, before or after the show's name (3284, 3245).
    #[test]
    fn japanese_series_guides_and_broadcasts_to_come() {
        assert_eq!(
            j("愛の不時着 あらすじ全話と人物相関図・結末まで分かりやすく"),
            Some(SEASON_REVIEW)
        );
        assert_eq!(
            j("「イカゲーム」シーズン2のエピソード詳細!全7話のタイトルと内容を徹底解説"),
            Some(SEASON_REVIEW)
        );
        let opening = lines(&[
            "韓国時代劇「イ・サン」第30話「王の慈悲」紹介",
            "2025年1月31日(金)8:15から9:15まで、テレビ愛知1で放送される「イ・サン」第30話「王の慈悲」は、視聴者にとって見逃せない重要なエピソードです。",
        ]);
        let parsed = parse_headline(&opening[0]);
        assert_eq!(judge(&opening[0], parsed.as_ref(), &opening, 0), Some(PREVIEW));
        assert_eq!(j("ドラマ「アンメット」第4話が、6日に放送された。"), None);
    }

    /// A manga's chapter or volume (pages/3486, 3152), not The Mandalorian's "Chapter 13".
    #[test]
    fn manga_chapters_and_volumes() {
        assert_eq!(j("Chainsaw Man: chapter 112 review"), Some(MANGA));
        assert_eq!(j("SPY×FAMILY(スパイファミリー) 3巻のネタバレ"), Some(MANGA));
        assert_eq!(j("The Mandalorian: Chapter 13 review!"), None);
    }

    /// "TV Show Review" over the headline is the section's name, no season review's
    /// (pages/3169).
    #[test]
    fn a_section_named_tv_show_review() {
        let opening = lines(&[
            "TV Show Review",
            "TV Review: ARROW: Season 2, Episode 9: Three Ghosts [The CW]",
        ]);
        let parsed = parse_headline(&opening[1]);
        assert_eq!(judge(&opening[1], parsed.as_ref(), &opening, 1), None);
    }

    /// A page's opening lines, as the judge is given them.
    fn lines(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headlines() {
        assert_eq!(j("Queen of Tears Episode 7 ratings hit a new high"), Some(NEWS));
        // Korean ratings news (3026-not-recap-reply-1988-e18-ratings-news-bujadongne.txt), not a
        // review's heading (1792-miss-night-and-day-e8-10billioncompany.txt).
        assert_eq!(
            j("(서울=포커스뉴스) tvN '응답하라 1988' 18화가 최고 시청률을 경신했다."),
            Some(NEWS)
        );
        assert_eq!(j("JTBC 드라마 '낮과 밤이 다른 그녀' 8회 리뷰: 시청률"), None);
        // "viewers" counts as news with a number of them (821-the-following-s3-premiere-date.txt),
        // not in a recap's "takes viewers on a gripping ride"
        // (1641-chicago-fire-s12e3-landscapeinsight.txt).
        assert_eq!(j("Season 2 Episode 1: 11.18 million U.S. viewers"), Some(NEWS));
        assert_eq!(
            j("As the flames roar and the sirens wail, Chicago Fire Season 12 Episode 3 takes viewers on a gripping ride through the challenges faced by Firehouse 51."),
            None
        );
        // A label naming the article's kind, which would otherwise pass for part of the name.
        assert_eq!(
            j("Interview: Lee Jung-jae Talks Squid Game Season 2 Episode 7"),
            Some(INTERVIEW)
        );
        assert_eq!(j("[Preview] Moving Episode 5"), Some(PREVIEW));
        // tests/corpus/pages/1070-got-s8e4-hotstar-ndtv-gadgets.txt: an episode's stills.
        assert_eq!(
            j("Game of Thrones Season 8, Episode 4 Photos — the Aftermath of the Great War"),
            Some(PREVIEW)
        );
        assert_eq!(j("Interview with the Vampire Season 2 Episode 5 Recap"), None);
        assert_eq!(j("Squid Game Season 3 release date, trailer and cast"), Some(NEWS));

        // tests/corpus/pages/887-hotd-s2e4-highest-rated-koimoi.txt and
        // 849-tlou-e3-poll-pushsquare.txt, by their addresses' words.
        assert_eq!(
            j("house of the dragon 2 episode 4 becomes highest rated in the series as dance of dragons finally begins"),
            Some(NEWS)
        );
        assert_eq!(j("poll was the last of us episode 3 the best one yet"), Some(NEWS));
        // tests/corpus/pages/1042-ouat-e7-poll-ouatfan.txt: a "Poll:" label before the question.
        assert_eq!(
            j("Poll: What did you think of Episode 7 “The Heart is a Lonely Hunter”?"),
            Some(NEWS)
        );
        assert_eq!(j("Where to watch Moving Episode 5"), Some(WHERE_TO_WATCH));
        assert_eq!(j("Top 10 episodes of Doctor Who"), Some(LIST));
        assert_eq!(j("Every Episode of The Office, Ranked"), Some(LIST));
        assert_eq!(j("Winter 2023 Anime Episode Reviews: Week 12"), Some(LIST));
        assert_eq!(j("Tag Archives: Episode Six"), Some(LIST));
        assert_eq!(j("The Glory Season 1 Review"), Some(SEASON_REVIEW));
        // The forty-third to forty-fifth collections: 2433-…-season-in-review-fairlyprofessional,
        // 2469-…-justified-season-4-dvd-orcasound and 2528-…-simpsons-season-2-episode-list-….
        assert_eq!(j("Season In Review: Prison Break (S1)"), Some(SEASON_REVIEW));
        assert_eq!(j("Justified: The Complete Fourth Season"), Some(SEASON_REVIEW));
        assert_eq!(j("The Simpsons: Season 2 Episode List"), Some(LIST));
        // 2612-not-recap-summer-hikaru-died-3-episode-review-nopalitymag.txt: a new anime judged
        // on its first three episodes.
        assert_eq!(j("3 Episode Review: The Summer Hikaru Died"), Some(SEASON_REVIEW));
        // 2680-not-recap-86-episode-18-delayed-theanimedaily.txt: news of a delay.
        assert_eq!(
            j("86 Eighty-Six Episode 18 Delayed! Sites Production Issues In Release!"),
            Some(NEWS)
        );
        // tests/corpus/pages/859-mandalorian-s2e1-5-elliotsview.txt: a section's label, then
        // the episodes reviewed.
        assert_eq!(
            j("TV Show Review: The Mandalorian, Season 2, Episodes 1-5 (or Chapters 9-13)"),
            None
        );
        assert_eq!(j("Parasite movie review"), Some(FILM));
        assert_eq!(j("Park Bo-gum talks about Encounter episode 3"), Some(INTERVIEW));
        assert_eq!(j("Moving Episode 5 Preview"), Some(PREVIEW));
        for recap in [
            "Trailer Park Boys Season 12 Episode 3",
            "The Best Hit Episode 3",
            "Interview with the Vampire 2x05: Long Face",
            "Moving Episode 5 Recap",
            "Queen of Tears Episode 7 Recap: ratings don't matter",
            "Moving Episodes 3 & 4 Recap",
            "The Bear Season 3 Episode 1 – Recap",
            "Soundtrack #1 – Season 1 Episode 2 Recap & Review",
            "Tell Me Lies season 2 episode 3 is (mostly) a skip (Review)",
        ] {
            assert_eq!(j(recap), None, "{recap}");
        }
    }

    /// tests/corpus/pages/1338-tangerines-e4-podcast-kdramachat.txt and
    /// 1164-gilmore-podcast-archive-returntostarshollow.txt; 800-the-following-s2e5-projectfandom.txt
    /// is a written recap under a podcast's name.
    #[test]
    fn a_podcast_episode_is_no_written_recap() {
        assert_eq!(
            j("11.4 - Podcast Review of Episode 4 of When Life Gives You Tangerines"),
            Some(PODCAST)
        );
        assert_eq!(j("Podcast #42 - S2E20 - Help Wanted"), Some(PODCAST));
        assert_eq!(j("Podcast Fandom Episode 54: The Following S2E5 ‘Reflection’"), None);
    }

    /// tests/corpus/pages/755-you-s4-recap-guide-netflixlife.txt: a guide to a whole season's
    /// episodes, whose pages each recap one of them under the guide's own title.
    #[test]
    fn a_recap_guide_to_all_episodes_is_a_list() {
        assert_eq!(j("You season 4 recap guide: All 10 episodes explained"), Some(LIST));
        let opening = [
            "You season 4 recap guide: All 10 episodes explained".to_string(),
            "You season 4".to_string(),
            "You season 2 episode 4 recap: “Hampsie”".to_string(),
        ];
        let headline = &opening[2];
        assert_eq!(judge(headline, parse_headline(headline).as_ref(), &opening, 2), Some(LIST));
        assert_eq!(j("Ted Lasso Season 3 Episode 4 Review: Big Week"), None);
    }

    /// tests/corpus/pages/1674-great-pottery-throw-down-s3e1-on-demand-channel4.txt: a
    /// broadcaster's catch-up page, each episode with when it was first shown and its length.
    #[test]
    fn a_catch_up_page_of_episodes_is_a_list() {
        let opening = lines(&[
            "The Great Pottery Throw Down",
            "Series 3 Episode 1",
            "The Final: Quirky Tea Set and a Throwing Challenge: Melanie Sykes hosts the final as the three potters go head-to-head to be crowned winner",
            "First shown: Wed 11 Mar 2020 | 47 mins",
            "Victorian Week & a Fully Functioning Toilet: The potters are challenged to produce a fully functioning toilet for a place in the final",
            "First shown: Wed 4 Mar 2020 | 47 mins",
        ]);
        assert!(lists_several_episodes(&opening, 1));
        assert!(!lists_several_episodes(&opening[..4], 1));
    }

    /// tests/corpus/pages/1543-the-bear-episodes-ranked-appinhindi.txt: an entry of a ranked
    /// list under the prose that says so; 1585-oshi-no-ko-s3e6-myanimeforlife.txt: a review
    /// under the section it was filed in.
    #[test]
    fn a_ranked_entry_is_a_list_and_a_section_name_is_not() {
        let ranked = lines(&[
            "The Bear is breakneck television — often more of a thriller than a comedy, despite what certain awards shows would have you believe.",
            "So, how to rank all these essential ingredients, then? A fair question. The reasonable answer, probably, is “don’t.”",
            "Let’s start with the premise that even the lowest-ranked episode is better than the highest-ranked episode of most other modern shows",
            "-",
            "28. “Next” (Season 3, Episode 2)",
        ]);
        let parsed = parse_headline(&ranked[4]);
        assert_eq!(judge(&ranked[4], parsed.as_ref(), &ranked, 4), Some(LIST));
        let filed = lines(&[
            "kana-pap",
            "Episode Reviews",
            "Oshi no Ko Season 3 Episode 6 Review",
            "Oshi no Ko episode 6 leans hard into emotion rather than shock value, turning a familiar idol scandal setup into an intimate character study.",
        ]);
        assert_eq!(judge(&filed[2], parse_headline(&filed[2]).as_ref(), &filed, 2), None);
    }

    /// tests/corpus/pages/1317-kaiju-no-8-e4-preview-theozonetech.txt says what its episode is
    /// set to do; 263-severance-s2e3-themoviestate.txt, a recap, warns what it will contain.
    #[test]
    fn an_episode_set_to_do_something_is_previewed() {
        let preview = lines(&[
            "Kaiju No. 8 Episode 4",
            "“Kaiju No. 8” has quickly garnered attention for its unique take on the kaiju genre, blending action, humor, and compelling character development. Episode 4 is set to further expand on the series’ intriguing premise, focusing on the protagonist Kafka Hibino’s struggles and growth as he navigates his new identity as a kaiju-human hybrid.",
        ]);
        let parsed = parse_headline(&preview[0]);
        assert_eq!(judge(&preview[0], parsed.as_ref(), &preview, 0), Some(PREVIEW));
        let recap = lines(&[
            "Severance Season 2 Episode 3 Review",
            "“Who is Alive?”",
            "Grade: B+",
            "Warning: This review of Severance season 2 episode 3 will contain spoilers.",
        ]);
        assert_eq!(judge(&recap[0], parse_headline(&recap[0]).as_ref(), &recap, 0), None);
    }

    /// tests/corpus/pages/1300-beyond-the-bar-e5-ratings-sportschosun.txt leads with the fifth
    /// episode's audience shares; 1185-lovely-runner-e7-zapzee.txt, a recap, opens the same way
    /// under a headline that says so.
    #[test]
    fn a_page_leading_with_audience_shares_is_ratings_news() {
        let news = lines(&[
            "‘Beyond The Bar’ Leads Weekend Minis at 7.5% With Episode 5",
            "Aug 17, 2025",
            "JTBC's Saturday-Sunday drama 'Squire: Lawyers Dreaming of becoming a Lawyer' continued its upward trend with the weekend's top mini-series ratings. The fifth episode, which aired on the 16th, ranked first in the Seoul metropolitan area with 7.5 percent and 7.2 percent nationwide (based on Nielsen Korea).",
        ]);
        assert_eq!(judge(&news[0], parse_headline(&news[0]).as_ref(), &news, 0), Some(NEWS));
        let recap = lines(&[
            "‘Lovely Runner’ Episode 7 Recap: Byeon Woo Seok and Kim Hye Yoon’s Fateful Reunion",
            "Lovely Runner episode 7",
            "Credit: tvN",
            "Byeon Woo Seok and Kim Hye Yoon have sparked a viewership surge for tvN’s Lovely Runner, breaking the 3% viewership barrier. The drama’s latest installment, aired on the 29th, set new records with an average viewership of 4.5% nationwide, peaking at 5.3%.",
        ]);
        assert_eq!(judge(&recap[0], parse_headline(&recap[0]).as_ref(), &recap, 0), None);
    }

    /// tests/corpus/pages/958-blue-lock-s2e8-release-bluelockseason2.txt: the page's own
    /// episode "will be released", the recap on it of the one before.
    #[test]
    fn an_episode_still_to_come_is_previewed_not_recapped() {
        let opening = lines(&[
            "Blue Lock Season 2 Episode 8 English Sub",
            "Blue Lock Season 2 Episode 8 raises the stakes in a fierce battle between the Blue Lock 11 and the Japan U-20 National Team as the standout players finally take center stage.",
            "Blue Lock Season 2 Episode 8",
            "Blue Lock season 2 episode 8 will be released on Saturday 23rd November 2024. The new episode will be released at 5pm GMT/9:00am Pacific/12:00pm Eastern.",
            "Blue Lock Season 2 Episode 7 Recap",
        ]);
        let parsed = parse_headline(&opening[0]);
        assert_eq!(judge(&opening[0], parsed.as_ref(), &opening, 0), Some(PREVIEW));
        // tests/corpus/pages/957-blue-lock-e8-icovvuhek.txt: a recap that says where its episode
        // streams is still a recap.
        let recap = lines(&[
            "The following contains spoilers for Episode 8 of Blue Lock, “The Formula of a Goal,” now streaming onCrunchyrollandNetflix.",
            "Coming out the same week as Japan’s shocking defeat of Germany in theWorld Cupin real life, Episode 8 of soccer animeBlueLockis setting up what promises to be a dramatic match as well!",
        ]);
        let parsed = parse_headline(&recap[0]);
        assert_eq!(judge(&recap[0], parsed.as_ref(), &recap, 0), None);
    }

    /// tests/corpus/pages/766-shogun-1x09-listing-moviemack.txt: a database record of an
    /// episode, its labels run into one line.
    #[test]
    fn a_database_record_of_an_episode_is_no_recap() {
        let record = "Shōgun Season 1, Episode 9 Crimson Sky Drama IMDB 8.487 Country United States Air Date 2024-04-16 Actors Hiroyuki Sanada (Yoshii Toranaga) Overview Mariko arrives in Osaka";
        assert_eq!(j(record), Some(LISTING));
        // A recap naming the IMDb score and its country is still a recap.
        assert_eq!(j("Shōgun Season 1 Episode 9 Recap: an IMDb record for Crimson Sky"), None);
    }

    /// tests/corpus/pages/244-shogun-e9-gawfest.txt and 185-abbott-elementary-s3e4-tvacute.txt
    /// tests/corpus/pages/834-anime-several-e8-xanaanimereview.txt
    #[test]
    fn one_sentence_naming_three_shows_episodes_is_a_list() {
        let opening = lines(&[
            "It was midterm week at school so I am pretty far behind on my episodic reviews.  Today I will be reviewing Another episode 8, Ano Natsu episode 8, Inu X Boku episode 8 and Black Rock Shooter episode 5 all in one post.",
            "(its a watermelon)",
        ]);
        assert_eq!(judge("", None, &opening, 0), Some(LIST));
        let one: Vec<String> =
            vec!["The Bear Season 3 Episode 4 opens where The Bear episode 3 left off.".into()];
        assert_eq!(judge("", None, &one, 0), None);
    }

    #[test]
    fn praise_and_a_breadcrumb_are_not_lists() {
        let praise =
            "'Shogun' Episode 9 Is The Best Hour Of Television You'll See This Year (2024)";
        assert_eq!(j(praise), None);
        assert_eq!(j("The 10 Best Episodes of Shogun"), Some(LIST));
        let lines = lines(&[
            "Home ABC Abbott Elementary Abbott Elementary Season 3 Episode 4 Recap : Smoking",
            "Abbott Elementary Season 3 Episode 4 Recap : Smoking",
            "Abbott Elementary Season 3 Episode 4 Recap",
            "One of the best episodes of the Emmy-winning comedy is when a student is caught smoking.",
            "Abbott Elementary Season 3 Episode 9 Recap: Is Janine Leaving School?",
            "Abbott Elementary Season 3 Episode 4 Recap",
        ]);
        let parsed = parse_headline(&lines[0]);
        assert_eq!(judge(&lines[0], parsed.as_ref(), &lines, 0), None);
    }

    /// tests/corpus/pages/189-severance-reviews-archive.txt
    #[test]
    fn one_shows_archive_newest_first() {
        let archive = lines(&[
            "Severance",
            "Severance Season 2 Episode 6 Review",
            "Severance season 2 episode 6 brings the worlds of the innies and outies closer.",
            "Severance Season 2 Episode 4 Review",
            "Severance season 2 episode 4 unlocks a brand new avenue for a show.",
            "Severance Season 2 Episode 3 Review",
            "Love and all its severed complications takes the stage in Severance episode 3.",
        ]);
        let parsed = parse_headline(&archive[1]);
        assert_eq!(judge(&archive[1], parsed.as_ref(), &archive, 1), Some(LIST));
        // A double recap's sections run forward.
        let sections = lines(&[
            "Moving Episodes 18-20 Recap",
            "Episode 18 of “Moving” Plot:",
            "Bong-seok flies.",
            "Episode 19 of “Moving” Plot:",
            "Hee-soo runs.",
            "Episode 20 of “Moving” Plot:",
        ]);
        let parsed = parse_headline(&sections[0]);
        assert_eq!(judge(&sections[0], parsed.as_ref(), &sections, 0), None);
    }

    /// tests/corpus/pages/438-in-a-class-of-her-own-e12-chdramacorner.txt: image captions of the
    /// recap's one episode are not an index of episodes.
    #[test]
    fn captions_of_one_episode_are_not_a_list() {
        let lines = lines(&[
            "Episode 12 Recap - In a Class of Her Own (2020)",
            "Episode 12 recap",
            "In which the heroine catches a token of affection from a fair lady",
            "Ep 12: Turns out Principal Feng is a fan!😅",
            "It turns out that there were in fact",
            "Ep 12: Awkward...",
            "At the party, both Yu Le Xuan and Han Sheng Zhi are in attendance.",
        ]);
        let parsed = parse_headline(&lines[0]);
        assert_eq!(judge(&lines[0], parsed.as_ref(), &lines, 0), None);
    }

    #[test]
    fn index_pages() {
        let lines = lines(&[
            "The Flash Review: Think Fast (Season 4 Episode 22)",
            "The Flash Season 4 Episode 22",
            "When DeVoe assaults a facility, Barry realises he must act.",
            "Continue Reading",
            "Westworld Review: The Riddle of the Sphinx (Season 2 Episode 4)",
            "Westworld Season 2 Episode 4",
            "Continue Reading",
            "Supergirl Review: Shelter from the Storm (Season 3 Episode 18)",
        ]);
        let h = parse_headline(&lines[0]);
        assert_eq!(judge(&lines[0], h.as_ref(), &lines, 0), Some(LIST));
    }

    /// Pages of the sixth collection that are not recaps.
    #[test]
    fn sixth_collection_look_alikes() {
        // 520 and 522: a promo and sneak peeks of a coming episode.
        assert_eq!(
            j("'This Is Us' Season 2 Episode 9 Promo Proves It's Going To Be The Most Heartbreaking Episode Yet"),
            Some(PREVIEW)
        );
        assert_eq!(
            j("Grey’s Anatomy Season 9, Episode 9 Spoilers: 7 Things We Learned From the Sneak Peeks (VIDEO)"),
            Some(PREVIEW)
        );
        // 536-series-episodio-5-varias-sololibrosyseries.txt: paragraphs that each open with
        // another show's episode.
        let lines = lines(&[
            "Contiene spoilers",
            "Dexter. Episodio 5 (Swim deep): tras el anterior capítulo, que dejaba las espadas en todo lo alto, a Dexter parece llegarle un poco de calma. Parece que ha conseguido quitarse de encima la investigación de LaGuerta gracias a Deb.",
            "Homeland. Episodio 5 (Q&A): ¿seguirá esta temporada en un periodo continuado de clímax, o se darán alguna concesión? Si fuerte fue el anterior capítulo, el interrogatorio a Brodie ha sido espectacular.",
            "The good wife. Episodio 5 (Waiting for the knock): para mi gusto, el mejor de la temporada. Quizá es debido a que el caso episódico, el de Lemond Bishop, a punto de ser arrestado por el FBI, resulta electrizante.",
        ]);
        assert!(lists_several_episodes(&lines, 1));
        assert!(!lists_several_episodes(&lines[..3], 1));
    }

    /// 588-humans-episode-7-wikipedia.txt: an encyclopedia's article about an episode.
    #[test]
    fn encyclopedia_articles() {
        let lines = lines(&["= Episode 7 (Humans series 1) =", "Infobox", "- Series: Humans"]);
        let headline = "= Episode 7 (Humans series 1) =";
        assert_eq!(judge(headline, None, &lines, 0), Some(ENCYCLOPEDIA));
        let recap: Vec<String> = vec!["Humans Series 1 Episode 7 Recap".into()];
        assert_eq!(judge(&recap[0], parse_headline(&recap[0]).as_ref(), &recap, 0), None);
    }

    /// The eleventh collection's look-alikes (pages 771–830).
    #[test]
    fn releases_synopses_and_lists_of_reviews() {
        // tests/corpus/pages/828-ninja-koroshiya-e7-synopsis-ja.txt: a coming episode's synopsis.
        assert_eq!(
            j("TVアニメ『忍者と殺し屋のふたりぐらし』の最新エピソード・第七葉(第7話)「殺し屋とクラスメイトのおともだち」のあらすじが公開されました。"),
            Some(PREVIEW)
        );
        // tests/corpus/pages/812-shogun-e8-release-time-recognizecity.txt
        assert_eq!(j("When and Where Will Shogun Episode 8 Be Available to Watch?"), Some(PREVIEW));
        assert!(j("Shogun Episode 8 Release Time").is_some());
        // tests/corpus/pages/932-hotd-e6-release-time-techradar.txt: where and when to watch.
        let headline = "Watch House of the Dragon episode 6 online When: Sunday, September 25 Time: 9pm ET/PT on HBO Streaming options: HBO Max (US) (opens in new tab)|Crave (CA)| Now (UK) |Binge (AU) (opens in new tab)";
        assert_eq!(judge(headline, parse_headline(headline).as_ref(), &[], 0), Some(NEWS));
        // tests/corpus/pages/931-the-ark-e6-release-akvavittheatre.txt: a recap named as one of a
        // release guide's items.
        let headline = "The Ark Episode 6: One Step Forward, Two Steps Back Release Date, Time, Recap & Streaming Guide";
        let parsed = parse_headline(headline);
        assert!(parsed.is_some());
        assert_eq!(judge(headline, parsed.as_ref(), &[], 0), Some(NEWS));
        // tests/corpus/pages/825-doctor-who-user-reviews-imdb.txt: a user's reviews, sorted.
        let lines = lines(&[
            "54 Reviews",
            "Sort by:",
            "Filter by Rating:",
            "Doctor Who: The Stolen Earth (2008)",
            "Season 4, Episode 12",
        ]);
        let headline = "Doctor Who: The Stolen Earth (2008)";
        assert_eq!(judge(headline, parse_headline(headline).as_ref(), &lines, 3), Some(LIST));
        assert_eq!(j("Shōgun Episode 8 Recap: Mourning and Matcha Tea"), None);
    }
    /// tests/corpus/pages/1033-the-office-category-scenescreen.txt: a show's category page,
    /// each review headed by its episode and followed by the writer's grade.
    #[test]
    fn a_category_page_of_graded_reviews() {
        let lines = lines(&[
            "The Office (S05E03): “Baby Shower”",
            "Grade: B",
            "Due to a crazy series of unexpected events this past week, my reviews are way behind. In order to catch up I’m going to be writing a lot less.",
            "The Office (S05E02): “Business Ethics”",
            "Grade: A+",
            "This week The Office returned to its half hour format.",
        ]);
        assert!(lists_several_episodes(&lines, 0));
        // One graded review is a recap.
        assert!(!lists_several_episodes(&lines[..3], 0));
    }

    /// tests/corpus/pages/1142-gbbs-s10e3-transcript-subslikescript.txt and
    /// 1143-gbbo-14x01-transcript-foreverdreaming.txt: transcripts, labelled as such.
    #[test]
    fn a_transcript_is_no_recap() {
        let headline =
            "The Great British Baking Show (2010–…): Season 10, Episode 3 - Bread Week - full transcript";
        assert_eq!(j(headline), Some(TRANSCRIPT));
        let lines = lines(&[
            "14x01 - Cake Week",
            "Episode transcripts for the TV show, \"The Great British Bake Off\". Aired: 17 August 2010 – 22 October 2013.*",
            "Watch/Buy Amazon  Merchandise",
        ]);
        let parsed = parse_headline("Post Reply 14x01 - Cake Week");
        assert_eq!(judge(&lines[0], parsed.as_ref(), &lines, 0), Some(TRANSCRIPT));
        // tests/corpus/pages/1254-gbbo-s14e4-univergeek.txt: the same show's recap, under its
        // breadcrumb.
        let recap: Vec<String> = vec![
            "Home » The Great British Bake Off recap: season 14, episode 4".into(),
            "The Great British Bake Off recap: season 14, episode 4".into(),
        ];
        assert_eq!(judge(&recap[1], parse_headline(&recap[1]).as_ref(), &recap, 1), None);
    }

    /// tests/corpus/pages/1138-traitors-nz-s2e3-watch-plex.txt and
    /// 1169-one-piece-e1000-where-to-watch-shogi-pineapple.txt: headings on where to watch the
    /// page's own episode.
    #[test]
    fn where_to_watch_an_episode_is_no_recap() {
        assert_eq!(j("Where to Watch Episode 3"), Some(WHERE_TO_WATCH));
        let lines = lines(&[
            "One Piece (episode 1000): the best arcs according to the GamerFocus editors",
            "Since September Toei Animation prepares fans for the arrival of the 1000th episode of the ‘anime’ of One Piece.",
            "When and where to see episode 1000 of the ‘anime’ of One Piece?",
        ]);
        let parsed = parse_headline(&lines[0]);
        assert_eq!(judge(&lines[0], parsed.as_ref(), &lines, 0), Some(WHERE_TO_WATCH));
        // An information box's "Where to watch: tvN, Netflix" names no episode
        // (tests/corpus/pages/193-queen-of-tears-e3-4-pinkvilla.txt).
        let recap: Vec<String> =
            vec!["Queen of Tears Episode 3 Recap".into(), "Where to watch: tvN, Netflix".into()];
        assert_eq!(judge(&recap[0], parse_headline(&recap[0]).as_ref(), &recap, 0), None);
    }

    /// tests/corpus/pages/292-summer-anime-2017-week-9-scores.txt: a round-up's sections, each
    /// headed by a show's name and its episode only.
    #[test]
    fn bare_headings_of_two_shows_are_a_round_up() {
        let round_up = lines(&[
            "A quick note before this article starts. If there anything I want you all to read from this week, it’s the Centaur no Nayami episode review.",
            "18if (Ep.9)",
            "…That sure was something. Extremely uncomfortable to watch, an over-the-top anime’d look into the darker side of the entertainment business.",
            "Episode Score: 4/5",
            "Aho Girl (Ep.9)",
            "I’m starting to wonder if it’s finally at the point where the hyperactive nature of the show’s comedy is starting to wear off on me.",
        ]);
        assert!(lists_several_episodes(&round_up, 1));
        assert!(!lists_several_episodes(&round_up[..4], 1));
        // tests/corpus/pages/684-room-no-9-e7-8-id-simpansinopsis.txt: labelled links to the
        // previous and next episodes of the same show.
        let recap = lines(&[
            "Sinopsis Room No. 9 Episode 7-8",
            "Episode Sebelumnya: Sinopsis Room No. 9 Episode 5-6",
            "Episode Selanjutnya: Sinopsis Room No. 9 Episode 9-10",
        ]);
        assert!(!lists_several_episodes(&recap, 0));
    }

    /// A series review grading its episodes in turn, each marker without the show's name
    /// (tests/corpus/pages/1738-doctor-who-series-10-review-heromachine.txt), and a review
    /// aggregator's page for one episode (1788-twin-peaks-the-return-part-8-rottentomatoes.txt):
    /// both read blind first, in the twenty-eighth and twenty-ninth collections.
    #[test]
    fn graded_episodes_and_an_aggregators_page() {
        let series = lines(&[
            "JReviews: Doctor Who Series 10",
            "Episode 1: The Pilot",
            "Rating: 6/10",
            "As an episode, there wasn't much substance. The villain was ill-explained and pretty unthreatening, the plot plodded along nicely for the first 30 minutes then bounced all over the place in the last 10 and the Daleks were thrown in for no reason at the end other than what I assume was contractual obligation (though it did give us a nice cameo from the Movellans). However, the one thing this episode did right was what it was meant to do. It was an episode to introduce Bill Potts as the new companion and give the audience a glimpse of what she would be like and in that it excelled. However, compared to most other series openers, it did feel very lightweight.",
            "Episode 2: Smile",
            "Rating: 8/10",
        ]);
        assert!(lists_several_episodes(&series, 1));
        // One episode's grade is a review's own.
        assert!(!lists_several_episodes(&series[..4], 1));
        let aggregator = lines(&[
            "Rotten Tomatoes",
            "Movies Tv shows RT App News Showtimes",
            "Twin Peaks: The Return – Season 1, Episode 8 Part 8",
            "Play trailer Twin Peaks: The Return – Season 1, Episode 8 Part 8 Aired Jun 25, 2017 Drama Crime Mystery & Thriller Play Trailer Watchlist",
            "Watchlist Tomatometer Popcornmeter",
        ]);
        let headline = &aggregator[2];
        assert_eq!(
            judge(headline, parse_headline(headline).as_ref(), &aggregator, 2),
            Some(LISTING)
        );
    }

    /// A player's power ranking, a quoted title's "Top 13" and praise of the page's own episode
    /// (pages 1223, 2268, 1858) say nothing of a list; "Top 10 episodes" still does.
    #[test]
    fn ranked_players_quoted_titles_and_praise_are_no_list() {
        assert_eq!(
            j("Zero to Hero (or villain): Survivor 47 Episode 4 Recap and Power Ranking"),
            None
        );
        assert_eq!(
            j("masterchef 509 recap fox 'MasterChef' Season 5, episode 9 recap: 'Top 13 Compete'"),
            None
        );
        assert_eq!(
            j("The Episode 19 of Demon Slayer is one of the Greatest Anime Episode of All Time"),
            None
        );
        assert_eq!(j("Top 10 episodes of Doctor Who"), Some(LIST));
        assert_eq!(j("The 10 Greatest Anime Episodes of All Time"), Some(LIST));
    }

    /// A synopsis site's links to the previous and next parts around the name the page wrote
    /// alone (page 2250), and a series' length under its name (2620): one show, one episode.
    #[test]
    fn a_sites_words_around_the_pages_own_show_name_no_other_show() {
        let synopsis = [
            "Sinopsis Saimdang Light's Diary Episode 7",
            "Sinopsista.Com - Sinopsis Drama Korea Saimdang Light's Diary Episode 7",
            "Drama Korea Saimdang Light's Diary",
            "Baca Episode Sebelumnya Sinopsis Drama Korea Saimdang Light's Diary Episode 6",
        ];
        let with_length = [
            "五月の青春 5話・6話 あらすじと感想",
            "五月の青春 오월의 청춘 Youth of May",
            "2021年放送 KBS 2TV月火 全12話",
            "第5話",
        ];
        for opening in [synopsis, with_length] {
            assert!(!lists_several_episodes(&lines(&opening), 0), "{opening:?}");
        }
    }
}
