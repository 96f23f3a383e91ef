//! The `/ratings` chart: a season's community ratings drawn as a PNG bar
//! chart, plus a plain monospace table of the same numbers for screen readers
//! and the message text.
//!
//! Plain data in, bytes/strings out: nothing here knows about Discord or the
//! database. Text is drawn with embedded fonts (no system font lookup): DejaVu
//! Sans, and a subset of Noto Sans CJK for text DejaVu has no glyphs for
//! (Hangul, kana, Han); see `assets/README.md`. The words on the chart and in the table
//! are in the reader's language.

use std::fmt::Write as _;
use std::sync::{LazyLock, OnceLock};

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

use crate::i18n::{Locale, PerLocale};
use crate::tr;

/// One bar of the chart: an episode (or double episode) and its votes.
#[derive(Debug, Clone, PartialEq)]
pub struct EpisodeScore {
    /// Short label shown under the bar, e.g. `"E1"` or `"E3–4"`.
    pub label: String,
    /// Average rating on the 1–5 scale; `None` when nobody voted.
    pub average: Option<f64>,
    pub votes: u32,
}

pub const CHART_WIDTH: u32 = 1000;
pub const CHART_HEIGHT: u32 = 500;

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("there are no episodes to chart")]
    NoEpisodes,
    #[error("cannot draw the chart: {0}")]
    Draw(String),
}

/// Discord dark theme colours.
pub(super) const BACKGROUND: RGBColor = RGBColor(0x2B, 0x2D, 0x31);
pub(super) const TEXT: RGBColor = RGBColor(0xDB, 0xDE, 0xE1);
pub(super) const MUTED: RGBColor = RGBColor(0x94, 0x9B, 0xA4);
const GRID: RGBColor = RGBColor(0x3F, 0x41, 0x47);
/// The bar colour (Discord blurple).
pub const BAR_COLOR: RGBColor = RGBColor(0x58, 0x65, 0xF2);
/// Background of an episode slot without votes.
pub(super) const EMPTY_SLOT: RGBColor = RGBColor(0x38, 0x3A, 0x41);

const FONT_FAMILY: &str = "sans-serif";
const CJK_FAMILY: &str = "cjk";
static FONT_REGULAR: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../../assets/DejaVuSans-Bold.ttf");
static FONT_CJK: &[u8] = include_bytes!("../../assets/NotoSansCJKkr-Regular-subset.otf");

/// Longest label drawn under a bar / shown in the table, in characters.
const MAX_LABEL_CHARS: usize = 12;
/// Longest title drawn, in characters.
const MAX_TITLE_CHARS: usize = 90;
/// The table stays under this many characters (Discord's limit is 2000,
/// leaving room for a code fence and a line of text around it).
const TABLE_LIMIT: usize = 1800;

/// Registers the embedded fonts with plotters' ab_glyph backend, once.
pub(super) fn ensure_fonts() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            plotters::style::register_font(FONT_FAMILY, FontStyle::Normal, FONT_REGULAR)
                .map_err(|_| "the embedded regular font is invalid".to_string())?;
            plotters::style::register_font(FONT_FAMILY, FontStyle::Bold, FONT_BOLD)
                .map_err(|_| "the embedded bold font is invalid".to_string())?;
            // One weight only: a bold CJK face would double the binary's font weight, so a
            // Korean title is drawn regular.
            for style in [FontStyle::Normal, FontStyle::Bold] {
                plotters::style::register_font(CJK_FAMILY, style, FONT_CJK)
                    .map_err(|_| "the embedded CJK font is invalid".to_string())?;
            }
            Ok(())
        })
        .clone()
        .map_err(ChartError::Draw)
}

/// The font family that has a glyph for every character of `text`. plotters draws a string
/// in one font, so a title with a single Hangul syllable is drawn wholly in the CJK font.
pub(super) fn family_for(text: &str) -> &'static str {
    use ab_glyph::Font as _;
    static DEJAVU: std::sync::LazyLock<Option<ab_glyph::FontRef<'static>>> =
        std::sync::LazyLock::new(|| ab_glyph::FontRef::try_from_slice(FONT_REGULAR).ok());
    let Some(dejavu) = DEJAVU.as_ref() else { return CJK_FAMILY };
    if text.chars().all(|c| c.is_whitespace() || dejavu.glyph_id(c).0 != 0) {
        FONT_FAMILY
    } else {
        CJK_FAMILY
    }
}

pub(super) fn draw_err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// A finite average clamped to the chart's 0–5 range; `None` for no votes.
pub(super) fn clean_average(ep: &EpisodeScore) -> Option<f64> {
    ep.average.filter(|a| a.is_finite()).map(|a| a.clamp(0.0, 5.0))
}

pub(super) fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// The words a chart is drawn and tabled with, in one locale (formatted once per locale).
pub(super) struct Words {
    pub(super) locale: Locale,
    episode: String,
    episode_no_votes: String,
    episode_votes_in_bar: String,
    average: String,
    no_votes: String,
    pub(super) critic: String,
    score: String,
    votes: String,
    no_episodes: String,
}

static WORDS: LazyLock<PerLocale<Words>> = LazyLock::new(|| PerLocale::new(Words::new));

impl Words {
    pub(super) fn of(locale: Locale) -> &'static Words {
        WORDS.get(locale)
    }

    fn new(locale: Locale) -> Words {
        let text = |id: &str| locale.text(id, &[]);
        Words {
            locale,
            episode: text("chart-episode"),
            episode_no_votes: text("chart-episode-no-votes"),
            episode_votes_in_bar: text("chart-episode-votes-in-bar"),
            average: text("chart-average"),
            no_votes: text("chart-no-votes"),
            critic: text("chart-critic"),
            score: text("table-score"),
            votes: text("table-votes"),
            no_episodes: text("table-no-episodes"),
        }
    }

    /// "27 votes", as a recap's score line counts them.
    fn votes_text(&self, votes: u32) -> String {
        tr!(self.locale, "score-votes", votes = votes)
    }
}

/// Font sizes and wording that depend on how crowded the chart is.
struct Layout {
    label_size: f64,
    score_size: f64,
    votes_size: f64,
    /// Episode labels and "no votes" are written vertically.
    rotate: bool,
    /// Vote counts inside bars say "27 votes" rather than just "27".
    long_votes: bool,
}

impl Layout {
    /// Sizes are even: plotters' ab_glyph renderer rounds `size / 2` when
    /// placing glyphs, and odd sizes lift the decimal point ("4·3").
    fn for_count(n: usize) -> Self {
        let (label_size, score_size, votes_size, rotate, long_votes) = match n {
            0..=12 => (18.0, 18.0, 14.0, false, true),
            13..=20 => (14.0, 16.0, 12.0, false, false),
            21..=30 => (14.0, 14.0, 12.0, true, false),
            _ => (12.0, 12.0, 10.0, true, false),
        };
        Layout { label_size, score_size, votes_size, rotate, long_votes }
    }
}

/// Draws the season's ratings as a 1000×500 PNG bar chart (Discord dark
/// theme): one bar per episode with its average above and its vote count
/// inside; episodes without votes are an outlined slot saying "no votes".
pub fn season_chart(
    title: &str,
    episodes: &[EpisodeScore],
    locale: Locale,
) -> Result<Vec<u8>, ChartError> {
    if episodes.is_empty() {
        return Err(ChartError::NoEpisodes);
    }
    ensure_fonts()?;

    let mut rgb = vec![0u8; (CHART_WIDTH * CHART_HEIGHT * 3) as usize];
    {
        let root =
            BitMapBackend::with_buffer(&mut rgb, (CHART_WIDTH, CHART_HEIGHT)).into_drawing_area();
        draw(&root, title, episodes, Words::of(locale))?;
        root.present().map_err(draw_err)?;
    }
    encode_png(&rgb, (CHART_WIDTH, CHART_HEIGHT))
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    title: &str,
    episodes: &[EpisodeScore],
    words: &Words,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let n = episodes.len();
    let layout = Layout::for_count(n);
    root.fill(&BACKGROUND).map_err(draw_err)?;

    let any_votes = episodes.iter().any(|e| clean_average(e).is_some());
    let x_desc = if !any_votes {
        &words.episode_no_votes
    } else if layout.long_votes {
        &words.episode
    } else {
        &words.episode_votes_in_bar
    };
    // Both axis descriptions share one font: the CJK one when either needs it.
    let desc_family = family_for(&format!("{x_desc}{}", words.average));
    let label_area = if layout.rotate { 58 } else { 30 };

    let title = truncate_chars(title, MAX_TITLE_CHARS);
    let body = root
        .margin(10, 0, 0, 0)
        .titled(&title, (family_for(&title), 24.0, FontStyle::Bold).into_font().color(&TEXT))
        .map_err(draw_err)?;
    let mut chart = ChartBuilder::on(&body)
        // Room above the plot for the score of a 5.0 bar.
        .margin_top(14)
        .margin_left(14)
        .margin_right(24)
        .margin_bottom(8)
        .x_label_area_size(label_area + 24)
        .y_label_area_size(64)
        .build_cartesian_2d(0f64..n as f64, 0f64..5f64)
        .map_err(draw_err)?;

    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_max_light_lines(1)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .x_desc(x_desc)
        .y_desc(&words.average)
        .axis_desc_style((desc_family, 16.0).into_font().color(&MUTED))
        .label_style((FONT_FAMILY, 16.0).into_font().color(&TEXT))
        .axis_style(MUTED)
        .bold_line_style(GRID)
        .light_line_style(GRID.mix(0.45))
        .draw()
        .map_err(draw_err)?;

    // Gap between bars, as a fraction of a slot on each side.
    let gap = if n <= 3 { 0.3 } else { 0.14 };
    let bold = |size: f64| (FONT_FAMILY, size, FontStyle::Bold).into_font().color(&TEXT);

    for (i, ep) in episodes.iter().enumerate() {
        let (left, right) = (i as f64 + gap, i as f64 + 1.0 - gap);
        let center = i as f64 + 0.5;
        match clean_average(ep) {
            Some(avg) => {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(left, 0.0), (right, avg)],
                        BAR_COLOR.filled(),
                    )))
                    .map_err(draw_err)?;
                let (cx, top) = chart.backend_coord(&(center, avg));
                let (_, bottom) = chart.backend_coord(&(center, 0.0));
                root.draw(&Text::new(
                    format!("{avg:.1}"),
                    (cx, top - 4),
                    bold(layout.score_size).pos(Pos::new(HPos::Center, VPos::Bottom)),
                ))
                .map_err(draw_err)?;
                let votes = if layout.long_votes {
                    words.votes_text(ep.votes)
                } else {
                    ep.votes.to_string()
                };
                // Inside the bar near its foot, if the bar is tall enough.
                if bottom - top >= (layout.votes_size as i32) + 8 {
                    let style = (family_for(&votes), layout.votes_size)
                        .into_font()
                        .color(&TEXT)
                        .pos(Pos::new(HPos::Center, VPos::Bottom));
                    root.draw(&Text::new(votes, (cx, bottom - 5), style)).map_err(draw_err)?;
                }
            }
            None => {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(left, 0.0), (right, 5.0)],
                        EMPTY_SLOT.stroke_width(1),
                    )))
                    .map_err(draw_err)?;
                let (cx, cy) = chart.backend_coord(&(center, 2.5));
                let no_votes = &words.no_votes;
                let style =
                    (family_for(no_votes), layout.votes_size + 2.0).into_font().color(&MUTED);
                let style = if layout.rotate || n > 8 {
                    style
                        .transform(FontTransform::Rotate270)
                        .pos(Pos::new(HPos::Center, VPos::Center))
                } else {
                    style.pos(Pos::new(HPos::Center, VPos::Center))
                };
                root.draw(&Text::new(no_votes.as_str(), (cx, cy), style)).map_err(draw_err)?;
            }
        }

        // The episode label under the axis.
        let (cx, axis_y) = chart.backend_coord(&(center, 0.0));
        let label = truncate_chars(&ep.label, MAX_LABEL_CHARS);
        let label_font = (family_for(&label), layout.label_size).into_font().color(&TEXT);
        let style = if layout.rotate {
            label_font.transform(FontTransform::Rotate270).pos(Pos::new(HPos::Right, VPos::Center))
        } else {
            label_font.pos(Pos::new(HPos::Center, VPos::Top))
        };
        root.draw(&Text::new(label, (cx, axis_y + 8), style)).map_err(draw_err)?;
    }
    Ok(())
}

pub(super) fn encode_png(rgb: &[u8], (width, height): (u32, u32)) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::with_capacity(64 * 1024);
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Best);
        let mut writer = encoder.write_header().map_err(draw_err)?;
        writer.write_image_data(rgb).map_err(draw_err)?;
        writer.finish().map_err(draw_err)?;
    }
    Ok(out)
}

/// How many monospace columns `s` takes: Hangul, kana, Han and fullwidth forms take two.
fn columns(s: &str) -> usize {
    let wide = |c: char| {
        matches!(c,
            '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{303E}' | '\u{3041}'..='\u{33FF}'
            | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{A960}'..='\u{A97F}'
            | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
    };
    s.chars().map(|c| if wide(c) { 2 } else { 1 }).sum()
}

/// The same numbers as a monospace table, for screen readers and the message
/// text (wrap it in a code block), e.g.
///
/// ```text
/// Episode  Score  Votes
/// E1       4.3    27
/// E2       –      0
/// ```
///
/// Stays under 1800 characters: rows that do not fit are replaced by a final
/// "… and N more" line.
pub fn score_table(episodes: &[EpisodeScore], locale: Locale) -> String {
    let words = Words::of(locale);
    if episodes.is_empty() {
        return words.no_episodes.clone();
    }
    let chars = |s: &str| s.chars().count();
    let rows: Vec<(String, String, String)> = episodes
        .iter()
        .map(|ep| {
            let score = clean_average(ep).map_or_else(|| "–".to_string(), |a| format!("{a:.1}"));
            (truncate_chars(&ep.label, MAX_LABEL_CHARS), score, ep.votes.to_string())
        })
        .collect();
    let label_width = rows
        .iter()
        .map(|(label, _, _)| columns(label))
        .chain(std::iter::once(columns(&words.episode)))
        .max()
        .unwrap_or(0)
        + 2;
    let score_width = columns(&words.score).max(5) + 2;
    let line = |label: &str, score: &str, votes: &str| {
        let pad = label_width.saturating_sub(columns(label));
        let score_pad = score_width.saturating_sub(columns(score));
        format!("{label}{:pad$}{score}{:score_pad$}{votes}", "", "")
    };
    let more = |n: usize| tr!(locale, "table-more", count = n);

    let mut out = line(&words.episode, &words.score, &words.votes);
    for (i, (label, score, votes)) in rows.iter().enumerate() {
        let row = line(label, score, votes);
        let remaining_after = rows.len() - i - 1;
        // Room for this row plus, if more rows follow, the "… and N more" line.
        let reserve = if remaining_after > 0 { 1 + chars(&more(9999)) } else { 0 };
        if chars(&out) + 1 + chars(&row) + reserve >= TABLE_LIMIT {
            let _ = write!(out, "\n{}", more(rows.len() - i));
            return out;
        }
        out.push('\n');
        out.push_str(&row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English chart and table, as most tests read them.
    fn season_chart(title: &str, episodes: &[EpisodeScore]) -> Result<Vec<u8>, ChartError> {
        super::season_chart(title, episodes, Locale::EN)
    }

    fn score_table(episodes: &[EpisodeScore]) -> String {
        super::score_table(episodes, Locale::EN)
    }

    fn ep(label: &str, average: Option<f64>, votes: u32) -> EpisodeScore {
        EpisodeScore { label: label.to_string(), average, votes }
    }

    /// Decodes the PNG, checks its size and returns its RGB pixels.
    fn decode(bytes: &[u8]) -> Vec<[u8; 3]> {
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        assert_eq!(&bytes[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), CHART_WIDTH);
        assert_eq!(u32::from_be_bytes(bytes[20..24].try_into().unwrap()), CHART_HEIGHT);
        let decoder = png::Decoder::new(bytes);
        let mut reader = decoder.read_info().expect("png header");
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).expect("png frame");
        assert_eq!((info.width, info.height), (CHART_WIDTH, CHART_HEIGHT));
        assert_eq!(info.color_type, png::ColorType::Rgb);
        buf[..info.buffer_size()].chunks_exact(3).map(|p| [p[0], p[1], p[2]]).collect()
    }

    fn distinct_colours(pixels: &[[u8; 3]]) -> usize {
        pixels.iter().collect::<std::collections::HashSet<_>>().len()
    }

    fn bar_pixels(pixels: &[[u8; 3]]) -> usize {
        let bar = [BAR_COLOR.0, BAR_COLOR.1, BAR_COLOR.2];
        pixels.iter().filter(|p| **p == bar).count()
    }

    fn season(n: usize) -> Vec<EpisodeScore> {
        (1..=n)
            .map(|i| {
                let avg = 1.0 + ((i * 37) % 41) as f64 / 10.0;
                ep(&format!("E{i}"), Some(avg), (i * 7 % 60) as u32 + 1)
            })
            .collect()
    }

    #[test]
    fn one_episode() {
        let png =
            season_chart("Soundtrack #1 — Season 1 · this server", &[ep("E1", Some(4.3), 27)])
                .unwrap();
        let px = decode(&png);
        assert!(distinct_colours(&px) >= 3);
        assert!(bar_pixels(&px) > 1000, "the bar is drawn");
    }

    #[test]
    fn forty_episodes() {
        let png = season_chart("Long season", &season(40)).unwrap();
        let px = decode(&png);
        assert!(distinct_colours(&px) >= 3);
        assert!(bar_pixels(&px) > 40 * 100);
    }

    #[test]
    fn all_without_votes() {
        let eps: Vec<_> = (1..=8).map(|i| ep(&format!("E{i}"), None, 0)).collect();
        let px = decode(&season_chart("Nobody voted", &eps).unwrap());
        assert!(distinct_colours(&px) >= 3);
        assert_eq!(bar_pixels(&px), 0, "no bars without votes");
    }

    #[test]
    fn mixed_and_odd_values() {
        let eps = vec![
            ep("E1", Some(4.3), 27),
            ep("E2", None, 0),
            ep("E3–4", Some(5.0), 1),
            ep("E5", Some(f64::NAN), 3),
            ep("E6", Some(9.0), 2),
            ep("E7", Some(-1.0), 2),
            ep("a very long episode label indeed", Some(1.0), 4),
        ];
        let px = decode(&season_chart("Mixed", &eps).unwrap());
        assert!(bar_pixels(&px) > 0);
    }

    #[test]
    fn non_ascii_labels_do_not_panic() {
        let eps = vec![ep("1화", Some(4.8), 120), ep("2화", Some(4.6), 98), ep("E3–4", None, 0)];
        let png = season_chart("사랑의 불시착 — Season 1 · this server", &eps).unwrap();
        decode(&png);
        let long_title = "사랑의 불시착 ".repeat(40);
        season_chart(&long_title, &season(25)).unwrap();
        season_chart("", &season(3)).unwrap();
    }

    /// A fan server's Korean or Japanese show is drawn in its own letters: each title's
    /// glyphs leave their own marks, where missing glyphs would all be the same empty box.
    #[test]
    fn korean_and_japanese_text_is_drawn_not_boxes() {
        use ab_glyph::Font as _;
        let cjk = ab_glyph::FontRef::try_from_slice(FONT_CJK).unwrap();
        for text in ["사랑의 불시착", "눈물의 여왕", "進撃の巨人", "鬼滅の刃", "甄嬛傳", "1화"]
        {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                assert_ne!(cjk.glyph_id(c).0, 0, "no glyph for {c} in {text}");
            }
            assert_eq!(family_for(text), CJK_FAMILY, "{text}");
        }
        assert_eq!(family_for("Crash Landing on You — Season 1"), FONT_FAMILY);

        let labels = |a: &str, b: &str| vec![ep(a, Some(4.5), 3), ep(b, Some(4.0), 2)];
        let title_band = |png: &[u8]| decode(png)[..(CHART_WIDTH * 40) as usize].to_vec();
        let label_band = |png: &[u8]| decode(png)[(CHART_WIDTH * 440) as usize..].to_vec();
        // Same lengths, spaces in the same places: as boxes these would be pixel-identical.
        let one = season_chart("사랑의 불시착", &labels("1화", "2화")).unwrap();
        let other = season_chart("눈물의 여왕님", &labels("1회", "2회")).unwrap();
        assert_ne!(title_band(&one), title_band(&other), "Korean titles drawn as boxes");
        assert_ne!(label_band(&one), label_band(&other), "Korean labels drawn as boxes");
        let kana = season_chart("進撃の巨人", &labels("1話", "2話")).unwrap();
        let other_kana = season_chart("鬼滅の刃だ", &labels("1話", "2話")).unwrap();
        assert_ne!(title_band(&kana), title_band(&other_kana), "Japanese titles drawn as boxes");
    }

    #[test]
    fn every_size_draws() {
        for n in [1, 2, 3, 12, 13, 20, 21, 30, 31, 40, 45] {
            let png = season_chart("Sizes", &season(n)).unwrap();
            assert!(png.len() > 1000, "{n} episodes");
        }
    }

    #[test]
    fn no_episodes_is_an_error() {
        assert!(matches!(season_chart("Empty", &[]), Err(ChartError::NoEpisodes)));
    }

    /// Writes sample PNGs to `$CHART_SAMPLE_DIR` when it is set (for eyeballing).
    #[test]
    fn write_sample() {
        let Some(dir) = std::env::var_os("CHART_SAMPLE_DIR") else { return };
        let dir = std::path::PathBuf::from(dir);
        let mut eps = season(16);
        eps[4] = ep("E5", None, 0);
        eps[9].label = "E10–11".into();
        let png = season_chart("Soundtrack #1 — Season 1 · this server", &eps).unwrap();
        std::fs::write(dir.join("chart-sample.png"), &png).unwrap();
        let png =
            season_chart("Crash Landing on You — Season 1 · this server", &season(40)).unwrap();
        std::fs::write(dir.join("chart-sample-40.png"), &png).unwrap();
        let few = vec![ep("E1", Some(4.3), 27), ep("E2", None, 0), ep("E3–4", Some(3.7), 1)];
        let png = season_chart("사랑의 불시착 — Season 1 · this server", &few).unwrap();
        std::fs::write(dir.join("chart-sample-3.png"), &png).unwrap();
    }

    #[test]
    fn table_format() {
        let eps = vec![ep("E1", Some(4.3), 27), ep("E2", None, 0), ep("E3–4", Some(5.0), 1)];
        assert_eq!(
            score_table(&eps),
            "Episode  Score  Votes\nE1       4.3    27\nE2       –      0\nE3–4     5.0    1"
        );
    }

    #[test]
    fn table_widens_for_long_labels() {
        let eps = vec![ep("Special 1", Some(3.25), 4), ep("E1", Some(2.0), 10)];
        assert_eq!(
            score_table(&eps),
            "Episode    Score  Votes\nSpecial 1  3.2    4\nE1         2.0    10"
        );
    }

    #[test]
    fn table_empty() {
        assert_eq!(score_table(&[]), "No episodes yet.");
    }

    #[test]
    fn table_truncates() {
        let eps = season(500);
        let table = score_table(&eps);
        assert!(table.chars().count() < 1800, "{}", table.chars().count());
        let last = table.lines().last().unwrap();
        assert!(last.starts_with("… and ") && last.ends_with(" more"), "{last}");
        let shown = table.lines().count() - 2; // header and the "more" line
        let more: usize = last["… and ".len()..last.len() - " more".len()].parse().unwrap();
        assert_eq!(shown + more, 500);
        assert!(table.lines().nth(1).unwrap().starts_with("E1 "));

        // 40 episodes fit without truncation.
        let table = score_table(&season(40));
        assert_eq!(table.lines().count(), 41);
        assert!(!table.contains('…'));
    }

    #[test]
    fn the_table_speaks_the_readers_language_in_aligned_columns() {
        let eps = vec![ep("E1", Some(4.3), 27), ep("E2", None, 0)];
        assert_eq!(
            super::score_table(&eps, Locale::for_tag("ko")),
            "회차  점수   표\nE1    4.3    27\nE2    –      0"
        );
        assert_eq!(
            super::score_table(&eps, Locale::for_tag("es-ES")),
            "Episodio  Nota   Votos\nE1        4.3    27\nE2        –      0"
        );
        assert_eq!(super::score_table(&[], Locale::for_tag("fr")), "Pas encore d’épisode.");
        let cut = super::score_table(&season(500), Locale::for_tag("ja"));
        let last = cut.lines().last().unwrap();
        assert!(last.starts_with("… ほか") && last.ends_with("件"), "{last}");
        assert!(cut.chars().count() < 1800);
    }

    /// Every word a chart draws, in every language, has a glyph in the font it is drawn in:
    /// no word of a Japanese or Korean chart comes out as boxes.
    #[test]
    fn every_word_drawn_in_every_language_has_its_glyphs() {
        use ab_glyph::Font as _;
        let cjk = ab_glyph::FontRef::try_from_slice(FONT_CJK).unwrap();
        let dejavu = ab_glyph::FontRef::try_from_slice(FONT_REGULAR).unwrap();
        let locales = std::iter::once(Locale::EN).chain(crate::i18n::translated());
        for locale in locales {
            let w = Words::of(locale);
            let drawn = [
                w.episode.clone(),
                w.episode_no_votes.clone(),
                w.episode_votes_in_bar.clone(),
                w.average.clone(),
                w.no_votes.clone(),
                w.critic.clone(),
                w.votes_text(27),
                tr!(locale, "chart-title-season", show = "Show", season = 1, scope = "x"),
                tr!(locale, "chart-title-heatmap-critic", show = "Show", scope = "x"),
                tr!(locale, "chart-title-capped", title = "Show", seasons = 40, episodes = 60),
            ];
            for word in drawn {
                let font = if family_for(&word) == CJK_FAMILY { &cjk } else { &dejavu };
                let missing: String = word
                    .chars()
                    .filter(|c| !c.is_whitespace() && font.glyph_id(*c).0 == 0)
                    .collect();
                assert!(missing.is_empty(), "{}: {word:?} lacks {missing:?}", locale.tag());
            }
        }
        assert_eq!(family_for(&Words::of(Locale::for_tag("ja")).average), CJK_FAMILY);
        assert_eq!(family_for(&Words::of(Locale::for_tag("fr")).average), FONT_FAMILY);
    }

    #[test]
    fn a_japanese_chart_is_drawn_with_japanese_words() {
        let eps = vec![ep("E1", Some(4.3), 27), ep("E2", None, 0), ep("E3", Some(3.0), 2)];
        let english = decode(&season_chart("Soundtrack #1", &eps).unwrap());
        let japanese =
            decode(&super::season_chart("Soundtrack #1", &eps, Locale::for_tag("ja")).unwrap());
        // The title band is the same; the axis words along the foot are not.
        let band = |px: &[[u8; 3]], rows: std::ops::Range<u32>| {
            px[(CHART_WIDTH * rows.start) as usize..(CHART_WIDTH * rows.end) as usize].to_vec()
        };
        assert_eq!(band(&english, 0..40), band(&japanese, 0..40));
        assert_ne!(band(&english, 460..500), band(&japanese, 460..500));
    }
}
