//! The article's body the way a reader's view finds it, for pages that mark no article
//! container of their own (no `<article>`, `<main>` or `.entry-content`): dom_smoothie, a
//! port of Mozilla's Readability, scores the page's blocks and keeps the article's.
//!
//! Readability parses the page again with its own html5ever and walks it recursively, outside
//! the depth and work limits of [`super::dom`]; it runs only on pages that already passed
//! them, and only within the tighter bounds below, so no page costs more than our own walk.

use dom_smoothie::{Config, Readability};

/// Deepest nesting handed to Readability. Real articles nest a few dozen levels; a deeper
/// page keeps our own walk, which never recurses.
pub const MAX_DEPTH: u32 = 96;

/// Largest page handed to Readability (it parses the page a second time).
pub const MAX_BYTES: usize = 2 << 20;

/// Elements Readability may score before giving up on a page. Within these bounds a 2 MB
/// page 90 levels deep took 0.12 s at most in a release build (the 419-page corpus is text,
/// so `recapbot bench` does not time this path).
const MAX_ELEMENTS: usize = 20_000;

/// The article's HTML as Readability extracts it, if the page is within bounds and
/// Readability finds an article in it.
pub fn article_html(page: &str, deepest: u32) -> Option<String> {
    if deepest > MAX_DEPTH || page.len() > MAX_BYTES {
        return None;
    }
    let config = Config { max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    // A third-party walk over hostile markup: should it ever panic, the page keeps our own
    // walk instead of taking the import (or the feed poll) down with it.
    let article =
        std::panic::catch_unwind(|| Readability::new(page, None, Some(config)).ok()?.parse().ok())
            .ok()??;
    let content = article.content.to_string();
    (!article.text_content.trim().is_empty()).then_some(content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::article::Hints;
    use crate::ingest::article::{parse_article, Format};
    use crate::ingest::dom::{nested, on_small_stack};

    /// A blog theme of bare `<div>`s whose class names say nothing: a menu, a sidebar of other
    /// posts and a footer around the one post.
    fn div_soup() -> String {
        let paragraphs: String = [
            "Ro-woon finally tells Hwan-ki what her father said, and he listens without a word.",
            "The team at Brain splits over the new campaign, and Ji-hye's name comes up again.",
            "By the end of the hour the two of them sit on the barbershop steps until dawn.",
        ]
        .iter()
        .map(|p| format!("<p>{} {}</p>", p, "It is a quiet, careful scene. ".repeat(6)))
        .collect();
        format!(
            "<html><head><title>Introverted Boss Episode 12 Recap</title></head><body>\
             <div class=\"r1\"><a href=\"/\">Home</a> <a href=\"/dramas\">Dramas</a> \
             <a href=\"/news\">News</a></div>\
             <div class=\"r2\"><div class=\"r3\"><h1>Introverted Boss Episode 12 Recap</h1>\
             <div class=\"r4\">{paragraphs}</div></div>\
             <div class=\"r5\"><div>Popular posts</div>\
             <a href=\"/a\">Mr. Queen Episode 3 Recap</a><br><a href=\"/b\">Vincenzo Episode 9 \
             Recap</a><br><a href=\"/c\">Start-Up Episode 1 Recap</a></div></div>\
             <div class=\"r6\">Leave a comment. Copyright 2021 dramacoffee</div></body></html>"
        )
    }

    #[test]
    fn a_page_without_an_article_container_is_read_as_a_reader_would() {
        let a = parse_article(&div_soup(), Format::Html, &Hints::default()).unwrap();
        assert_eq!((a.show.as_str(), a.episode), ("Introverted Boss", 12));
        assert!(a.recap.starts_with("Ro-woon finally tells Hwan-ki"), "{}", a.recap);
        assert!(a.recap.contains("barbershop steps"), "{}", a.recap);
        for furniture in ["Popular posts", "Vincenzo", "Leave a comment", "Dramas"] {
            assert!(!a.recap.contains(furniture), "{furniture} in {}", a.recap);
        }
    }

    #[test]
    fn deep_or_huge_pages_keep_our_own_walk() {
        assert!(article_html(&div_soup(), MAX_DEPTH + 1).is_none());
        let huge = format!("{}{}", div_soup(), " ".repeat(MAX_BYTES));
        assert!(article_html(&huge, 10).is_none());
    }

    /// As deep as Readability is ever handed, on a tokio worker's 2 MB stack.
    #[test]
    fn the_deepest_page_handed_over_does_not_overflow_a_worker_stack() {
        let page = format!(
            "<html><body>{}<p>{}</p></body></html>",
            nested("div", MAX_DEPTH as usize - 4, false),
            "Words of a recap. ".repeat(100)
        );
        let found = on_small_stack(move || article_html(&page, MAX_DEPTH));
        assert!(found.is_some_and(|html| html.contains("Words of a recap.")));
    }
}
