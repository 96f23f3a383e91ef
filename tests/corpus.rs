//! The article parser on the corpus of real recap and non-recap pages in
//! `tests/corpus` (skipped when the directory is absent). Set
//! `RECAPBOT_CORPUS=/path` to evaluate another corpus directory.

use std::path::PathBuf;

use recapbot::bench::corpus::evaluate;

#[test]
fn corpus_accuracy() {
    let dir = std::env::var_os("RECAPBOT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"));
    if !dir.join("corpus.jsonl").exists() {
        eprintln!("no corpus at {}: skipped", dir.display());
        return;
    }
    let report = evaluate(&dir);
    println!("{report}");
    assert!(report.bad_entries.is_empty(), "{report}");
    assert!(report.pages > 0, "{report}");
    let floors = [
        ("imported", report.imported.ratio(), 0.0),
        ("show+season+episode", report.show_season_episode.ratio(), 0.0),
        ("episode_end", report.episode_end.ratio(), 0.0),
        ("title", report.title.ratio(), 0.0),
        ("rating", report.rating.ratio(), 0.0),
        ("refused", report.refused.ratio(), 0.0),
    ];
    for (field, got, floor) in floors {
        assert!(got >= floor, "{field}: {got:.3} below the floor {floor}\n{report}");
    }
}
