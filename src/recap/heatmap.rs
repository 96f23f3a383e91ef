//! `/ratings` for a whole show: every season as a row of episode cells coloured by the
//! community score (red through yellow to green, the way fans read episode-rating heatmaps),
//! the score in the cell and the votes beneath it; optionally a row of the critic's ratings
//! under each season. A text version of the same numbers goes with it for screen readers.
//!
//! Plain data in, PNG bytes and text out.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::chart::{
    clean_average, draw_err, encode_png, ensure_fonts, family_for, score_table, truncate_chars,
    ChartError, EpisodeScore, Words, BACKGROUND, EMPTY_SLOT, MUTED, TEXT,
};
use crate::i18n::Locale;
use crate::tr;

/// One season of the show: its number and its episodes in order.
#[derive(Debug, Clone, PartialEq)]
pub struct SeasonScores {
    pub season: u32,
    /// `episodes[i]` covers episode `numbers[i]` (a double episode: `(3, Some(4))`).
    pub episodes: Vec<EpisodeScore>,
    pub numbers: Vec<(u32, Option<u32>)>,
    /// The critic's rating of each episode on the five-point scale, beside `episodes`.
    pub critic: Vec<Option<f64>>,
}

/// The grid stops here; later episodes and seasons are left out and the title says so.
pub const MAX_COLUMNS: u32 = 60;
pub const MAX_SEASONS: usize = 40;

const CELL_WIDTH: u32 = 56;
const CELL_HEIGHT: u32 = 46;
const ROW_LABEL_WIDTH: u32 = 96;
const TITLE_HEIGHT: u32 = 48;
const HEADER_HEIGHT: u32 = 24;
const MARGIN: u32 = 16;
const MIN_WIDTH: u32 = 560;
const MAX_TITLE_CHARS: usize = 80;
const TABLE_LIMIT: usize = 1800;

/// Draws the grid, its words in `locale`. `critic` adds a row of the critic's ratings under
/// every season.
pub fn show_heatmap(
    title: &str,
    seasons: &[SeasonScores],
    critic: bool,
    locale: Locale,
) -> Result<Vec<u8>, ChartError> {
    if seasons.iter().all(|s| s.episodes.is_empty()) {
        return Err(ChartError::NoEpisodes);
    }
    ensure_fonts()?;
    let shown = &seasons[..seasons.len().min(MAX_SEASONS)];
    let columns = shown
        .iter()
        .flat_map(|s| s.numbers.iter().map(|(first, last)| last.unwrap_or(*first)))
        .max()
        .unwrap_or(1)
        .clamp(1, MAX_COLUMNS);
    let rows_per_season = if critic { 2 } else { 1 };
    let rows = (shown.len() * rows_per_season) as u32;
    let width = (ROW_LABEL_WIDTH + columns * CELL_WIDTH + 2 * MARGIN).max(MIN_WIDTH);
    let height = TITLE_HEIGHT + HEADER_HEIGHT + rows * CELL_HEIGHT + 2 * MARGIN;

    let mut title = truncate_chars(title, MAX_TITLE_CHARS);
    if seasons.len() > MAX_SEASONS || seasons.iter().flat_map(|s| &s.numbers).any(|n| n.0 > columns)
    {
        title = tr!(
            locale,
            "chart-title-capped",
            title = title,
            seasons = MAX_SEASONS,
            episodes = columns
        );
    }

    let mut rgb = vec![0u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        root.fill(&BACKGROUND).map_err(draw_err)?;
        let text = |t: &str, size: f64| (family_for(t), size).into_font().color(&TEXT);
        root.draw(&Text::new(
            title.clone(),
            (MARGIN as i32, MARGIN as i32),
            (family_for(&title), 22.0, FontStyle::Bold).into_font().color(&TEXT),
        ))
        .map_err(draw_err)?;

        let grid_left = (MARGIN + ROW_LABEL_WIDTH) as i32;
        let grid_top = (MARGIN + TITLE_HEIGHT + HEADER_HEIGHT) as i32;
        let (cell_w, cell_h) = (CELL_WIDTH as i32, CELL_HEIGHT as i32);
        for column in 1..=columns as i32 {
            let label = format!("E{column}");
            let centre = grid_left + (column - 1) * cell_w + cell_w / 2;
            let style = text(&label, 14.0).color(&MUTED).pos(Pos::new(HPos::Center, VPos::Bottom));
            root.draw(&Text::new(label, (centre, grid_top - 4), style)).map_err(draw_err)?;
        }

        for (i, season) in shown.iter().enumerate() {
            let top = grid_top + (i * rows_per_season) as i32 * cell_h;
            let label = format!("S{}", season.season);
            let style = text(&label, 16.0).pos(Pos::new(HPos::Left, VPos::Center));
            root.draw(&Text::new(label, (MARGIN as i32, top + cell_h / 2), style))
                .map_err(draw_err)?;
            if critic {
                let label = Words::of(locale).critic.as_str();
                let style = text(label, 14.0).color(&MUTED).pos(Pos::new(HPos::Left, VPos::Center));
                root.draw(&Text::new(label, (MARGIN as i32, top + cell_h + cell_h / 2), style))
                    .map_err(draw_err)?;
            }
            for ((episode, &(first, last)), critic_score) in
                season.episodes.iter().zip(&season.numbers).zip(&season.critic)
            {
                if first == 0 || first > columns {
                    continue;
                }
                let span = last.unwrap_or(first).min(columns).saturating_sub(first) as i32 + 1;
                let left = grid_left + (first as i32 - 1) * cell_w;
                let cell = |row: i32| {
                    [
                        (left + 2, top + row * cell_h + 2),
                        (left + span * cell_w - 2, top + (row + 1) * cell_h - 2),
                    ]
                };
                let average = clean_average(episode);
                root.draw(&Rectangle::new(cell(0), colour_for(average).filled()))
                    .map_err(draw_err)?;
                let centre = left + span * cell_w / 2;
                match average {
                    Some(average) => {
                        let score = format!("{average:.1}");
                        let style = (family_for(&score), 16.0, FontStyle::Bold)
                            .into_font()
                            .color(&BLACK)
                            .pos(Pos::new(HPos::Center, VPos::Center));
                        root.draw(&Text::new(score, (centre, top + cell_h / 2 - 7), style))
                            .map_err(draw_err)?;
                        let votes = episode.votes.to_string();
                        let style = (family_for(&votes), 12.0)
                            .into_font()
                            .color(&RGBColor(0x20, 0x22, 0x25))
                            .pos(Pos::new(HPos::Center, VPos::Center));
                        root.draw(&Text::new(votes, (centre, top + cell_h / 2 + 11), style))
                            .map_err(draw_err)?;
                    }
                    None => {
                        let style =
                            text("–", 16.0).color(&MUTED).pos(Pos::new(HPos::Center, VPos::Center));
                        root.draw(&Text::new("–", (centre, top + cell_h / 2), style))
                            .map_err(draw_err)?;
                    }
                }
                if critic {
                    let score = critic_score.filter(|s| s.is_finite()).map(|s| s.clamp(0.0, 5.0));
                    root.draw(&Rectangle::new(cell(1), colour_for(score).filled()))
                        .map_err(draw_err)?;
                    let (label, colour) = match score {
                        Some(score) => (format!("{score:.1}"), BLACK),
                        None => ("–".to_string(), MUTED),
                    };
                    let style = (family_for(&label), 15.0)
                        .into_font()
                        .color(&colour)
                        .pos(Pos::new(HPos::Center, VPos::Center));
                    root.draw(&Text::new(label, (centre, top + cell_h + cell_h / 2), style))
                        .map_err(draw_err)?;
                }
            }
        }
        root.present().map_err(draw_err)?;
    }
    encode_png(&rgb, (width, height))
}

/// Red (1) through yellow (3) to green (5); no score: an empty slot.
fn colour_for(score: Option<f64>) -> RGBColor {
    const LOW: (f64, f64, f64) = (224.0, 82.0, 82.0);
    const MID: (f64, f64, f64) = (242.0, 193.0, 78.0);
    const HIGH: (f64, f64, f64) = (87.0, 187.0, 110.0);
    let Some(score) = score else { return EMPTY_SLOT };
    let t = ((score - 1.0) / 4.0).clamp(0.0, 1.0);
    let (from, to, t) = if t < 0.5 { (LOW, MID, t * 2.0) } else { (MID, HIGH, t * 2.0 - 1.0) };
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
}

/// The same numbers as text, season by season, within a message's room, in `locale`.
pub fn heatmap_table(seasons: &[SeasonScores], critic: bool, locale: Locale) -> String {
    let mut out = String::new();
    for (i, season) in seasons.iter().enumerate() {
        let heading = tr!(locale, "table-season", season = season.season);
        let mut block = format!("{heading}\n{}", score_table(&season.episodes, locale));
        if critic {
            let critic: Vec<String> = season
                .episodes
                .iter()
                .zip(&season.critic)
                .map(|(e, c)| match c {
                    Some(c) => format!("{} {c:.1}", e.label),
                    None => format!("{} –", e.label),
                })
                .collect();
            block.push('\n');
            block.push_str(&tr!(locale, "table-critic", scores = critic.join(", ")));
        }
        let separator = if out.is_empty() { "" } else { "\n\n" };
        let more = format!("\n\n{}", tr!(locale, "table-more-seasons", count = seasons.len() - i));
        if out.chars().count() + separator.len() + block.chars().count() + more.chars().count()
            > TABLE_LIMIT
        {
            out.push_str(&more);
            break;
        }
        out.push_str(separator);
        out.push_str(&block);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show_heatmap(
        title: &str,
        seasons: &[SeasonScores],
        critic: bool,
    ) -> Result<Vec<u8>, ChartError> {
        super::show_heatmap(title, seasons, critic, Locale::EN)
    }

    fn heatmap_table(seasons: &[SeasonScores], critic: bool) -> String {
        super::heatmap_table(seasons, critic, Locale::EN)
    }

    fn season(number: u32, scores: &[Option<f64>]) -> SeasonScores {
        SeasonScores {
            season: number,
            episodes: scores
                .iter()
                .enumerate()
                .map(|(i, s)| EpisodeScore {
                    label: format!("E{}", i + 1),
                    average: *s,
                    votes: if s.is_some() { 3 } else { 0 },
                })
                .collect(),
            numbers: (1..=scores.len() as u32).map(|n| (n, None)).collect(),
            critic: scores.iter().map(|s| s.map(|s| 5.0 - s / 2.0)).collect(),
        }
    }

    fn pixels(png: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
        let decoder = png::Decoder::new(png);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        let px = buf[..info.buffer_size()].chunks_exact(3).map(|p| [p[0], p[1], p[2]]).collect();
        (info.width, info.height, px)
    }

    /// Every season is a row: a good episode is drawn green, a bad one red, an unrated
    /// one as an empty slot, and the critic's row doubles the rows.
    #[test]
    fn every_season_is_a_row_coloured_by_its_scores() {
        let seasons = [season(1, &[Some(4.9), Some(1.2), None]), season(2, &[Some(3.0)])];
        let (width, height, px) = pixels(&show_heatmap("Dear Harbor", &seasons, false).unwrap());
        let (_, critic_height, _) = pixels(&show_heatmap("Dear Harbor", &seasons, true).unwrap());
        assert_eq!(critic_height - height, 2 * CELL_HEIGHT, "one critic row per season");
        assert!(width >= MIN_WIDTH);
        let count = |c: RGBColor| px.iter().filter(|p| **p == [c.0, c.1, c.2]).count();
        let area = ((CELL_WIDTH - 4) * (CELL_HEIGHT - 4)) as usize / 2;
        assert!(count(colour_for(Some(4.9))) > area, "the good episode is green");
        assert!(count(colour_for(Some(1.2))) > area, "the bad episode is red");
        assert!(count(colour_for(Some(3.0))) > area, "season 2's episode is drawn");
        assert!(count(EMPTY_SLOT) > area, "the unrated episode is an empty slot");
    }

    #[test]
    fn long_shows_are_capped_and_empty_shows_refused() {
        let many: Vec<SeasonScores> = (1..=50).map(|n| season(n, &[Some(4.0); 80])).collect();
        let (width, height, _) = pixels(&show_heatmap("Long", &many, true).unwrap());
        assert!(width <= ROW_LABEL_WIDTH + MAX_COLUMNS * CELL_WIDTH + 2 * MARGIN);
        assert!(height <= TITLE_HEIGHT + HEADER_HEIGHT + 80 * CELL_HEIGHT + 2 * MARGIN);
        assert!(matches!(show_heatmap("None", &[], false), Err(ChartError::NoEpisodes)));
        let table = heatmap_table(&many, true);
        assert!(table.chars().count() <= TABLE_LIMIT, "{}", table.len());
        assert!(table.ends_with("more seasons"), "{table}");
    }

    /// Writes sample PNGs to `$CHART_SAMPLE_DIR` when it is set (for eyeballing).
    #[test]
    fn write_sample() {
        let Some(dir) = std::env::var_os("CHART_SAMPLE_DIR") else { return };
        let dir = std::path::PathBuf::from(dir);
        let scores = |n: usize, seed: usize| -> Vec<Option<f64>> {
            (0..n)
                .map(|i| (i % 7 != 5).then(|| 1.0 + ((i * 37 + seed * 11) % 41) as f64 / 10.0))
                .collect()
        };
        let seasons: Vec<_> =
            (1..=4).map(|s| season(s, &scores(8 + s as usize * 2, s as usize))).collect();
        let png = show_heatmap("사랑의 불시착 · community ratings, this server", &seasons, false)
            .unwrap();
        std::fs::write(dir.join("heatmap.png"), png).unwrap();
        let png = show_heatmap("Dear Harbor · community and critic", &seasons, true).unwrap();
        std::fs::write(dir.join("heatmap-critic.png"), png).unwrap();
    }

    #[test]
    fn colours_run_from_red_through_yellow_to_green() {
        let red = colour_for(Some(1.0));
        let yellow = colour_for(Some(3.0));
        let green = colour_for(Some(5.0));
        assert!(red.0 > red.1 && green.1 > green.0 && yellow.0 > 200 && yellow.1 > 150);
        assert_eq!(colour_for(None), EMPTY_SLOT);
    }

    #[test]
    fn the_table_lists_every_season_and_the_critic() {
        let table = heatmap_table(&[season(1, &[Some(4.5)]), season(2, &[None])], true);
        assert!(table.starts_with("Season 1\nEpisode  Score  Votes\nE1       4.5    3"), "{table}");
        assert!(table.contains("Critic: E1 2.8"), "{table}");
        assert!(table.contains("Season 2\n"), "{table}");
    }

    #[test]
    fn the_table_reads_in_french() {
        let seasons = [season(1, &[Some(4.5)]), season(2, &[None])];
        let table = super::heatmap_table(&seasons, true, Locale::for_tag("fr"));
        assert!(table.starts_with("Saison 1\nÉpisode  Note   Votes\nE1       4.5    3"), "{table}");
        assert!(table.contains("Critique : E1 2.8"), "{table}");
        assert!(table.contains("Saison 2\n"), "{table}");
    }
}
