//! Parsing untrusted HTML into a [`scraper::Html`] with a bound on nesting.
//!
//! html5ever builds the tree without recursion, but several of its steps
//! ("has an element in scope", the active formatting elements) walk the stack
//! of open elements, so a page nesting elements n deep costs O(n²); and code
//! that walks the tree afterwards (selectors matching ancestors, our block
//! walker) pays per level too. Instead of guessing html5ever's tree
//! construction with a pre-scan (implied end tags, foster parenting, foreign
//! content and the adoption agency all change the depth), the sink below
//! records the depth html5ever actually gives every node it inserts, and the
//! input is fed in small chunks so parsing stops soon after a node lands
//! deeper than [`MAX_DEPTH`]. Real articles nest a few dozen levels.

use std::borrow::Cow;
use std::collections::HashMap;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NextParserState, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, ExpandedName, LocalName, Namespace, ParseOpts, Parser, QualName};
use scraper::Html;

/// Deepest element nesting parsed; deeper pages are refused.
pub const MAX_DEPTH: usize = 512;

/// Work allowed for html5ever's walks of its open elements, counted as the
/// depth of every node inserted and of every parse error (ignored end tags
/// walk the stack too). A 3 MB page averaging 100 levels stays below it; a
/// page that stays just under [`MAX_DEPTH`] for megabytes does not, and would
/// cost seconds.
const MAX_WORK: u64 = 32 << 20;

/// Input handed to html5ever between depth checks. Small enough that the
/// levels one chunk can add beyond the limit (a `<b>` is 3 bytes) stay cheap.
const CHUNK_BYTES: usize = 4096;

/// Why a document was not parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TooDeep {
    #[error("the page nests elements more than {MAX_DEPTH} deep; not an article")]
    Depth,
    #[error("the page nests elements hundreds of levels deep throughout; not an article")]
    Work,
}

/// A node of a parsed [`Html`] tree (ego_tree's id, named without depending on ego_tree).
pub type NodeId = <Html as TreeSink>::Handle;
type Handle = NodeId;

/// scraper's own sink, plus the depth of every node placed in the tree.
struct DepthSink {
    html: Html,
    depth: HashMap<Handle, u32>,
    /// Depth of the element html5ever last inserted or popped to.
    current: u32,
    /// The deepest any node went.
    deepest: u32,
    work: u64,
    refused: Option<TooDeep>,
}

impl DepthSink {
    fn new(html: Html) -> Self {
        DepthSink { html, depth: HashMap::new(), current: 0, deepest: 0, work: 0, refused: None }
    }

    fn depth_of(&self, node: &Handle) -> u32 {
        self.depth.get(node).copied().unwrap_or(0)
    }

    fn place(&mut self, node: Handle, depth: u32) {
        if depth as usize > MAX_DEPTH {
            self.refused = Some(TooDeep::Depth);
        }
        self.depth.insert(node, depth);
        self.current = depth;
        self.deepest = self.deepest.max(depth);
        self.charge(u64::from(depth));
    }

    fn charge(&mut self, work: u64) {
        self.work += work;
        if self.work > MAX_WORK {
            self.refused = self.refused.or(Some(TooDeep::Work));
        }
    }

    fn has_parent(&self, node: &Handle) -> bool {
        self.html.tree.get(*node).is_some_and(|n| n.parent().is_some())
    }
}

impl TreeSink for DepthSink {
    type Handle = Handle;
    type Output = Self;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&mut self, msg: Cow<'static, str>) {
        self.charge(u64::from(self.current));
        self.html.parse_error(msg)
    }

    fn get_document(&mut self) -> Handle {
        self.html.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        self.html.elem_name(target)
    }

    fn create_element(
        &mut self,
        name: QualName,
        attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> Handle {
        self.html.create_element(name, attrs, flags)
    }

    fn create_comment(&mut self, text: StrTendril) -> Handle {
        self.html.create_comment(text)
    }

    fn create_pi(&mut self, target: StrTendril, data: StrTendril) -> Handle {
        self.html.create_pi(target, data)
    }

    fn append(&mut self, parent: &Handle, child: NodeOrText<Handle>) {
        if let NodeOrText::AppendNode(node) = &child {
            let depth = self.depth_of(parent) + 1;
            self.place(*node, depth);
        }
        self.html.append(parent, child)
    }

    // Same branching as scraper's, so that the depth goes where the node goes.
    fn append_based_on_parent_node(
        &mut self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if self.has_parent(element) {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(
        &mut self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.html.append_doctype_to_document(name, public_id, system_id)
    }

    fn mark_script_already_started(&mut self, node: &Handle) {
        self.html.mark_script_already_started(node)
    }

    fn pop(&mut self, node: &Handle) {
        self.current = self.depth_of(node).saturating_sub(1);
        self.html.pop(node)
    }

    // A template's contents live in a separate fragment node; without a depth
    // of its own, nested templates would restart the count at every level.
    fn get_template_contents(&mut self, target: &Handle) -> Handle {
        let contents = self.html.get_template_contents(target);
        let depth = self.depth_of(target) + 1;
        self.place(contents, depth);
        contents
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.html.same_node(x, y)
    }

    fn set_quirks_mode(&mut self, mode: QuirksMode) {
        self.html.set_quirks_mode(mode)
    }

    fn append_before_sibling(&mut self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        if let NodeOrText::AppendNode(node) = &new_node {
            let depth = self.depth_of(sibling);
            self.place(*node, depth);
        }
        self.html.append_before_sibling(sibling, new_node)
    }

    fn add_attrs_if_missing(&mut self, target: &Handle, attrs: Vec<Attribute>) {
        self.html.add_attrs_if_missing(target, attrs)
    }

    fn remove_from_parent(&mut self, target: &Handle) {
        self.html.remove_from_parent(target)
    }

    // The adoption agency moves children one level down without telling us;
    // the recorded depths then run short by one per such move, which needs a
    // misnested formatting end tag each time, so the bound still holds within
    // a small factor.
    fn reparent_children(&mut self, node: &Handle, new_parent: &Handle) {
        self.html.reparent_children(node, new_parent)
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.html.is_mathml_annotation_xml_integration_point(handle)
    }

    fn set_current_line(&mut self, line_number: u64) {
        self.html.set_current_line(line_number)
    }

    fn complete_script(&mut self, node: &Handle) -> NextParserState {
        self.html.complete_script(node)
    }
}

/// Parses a whole HTML document, like [`Html::parse_document`].
pub fn parse_document(input: &str) -> Result<Html, TooDeep> {
    parse_measured(input).map(|(html, _)| html)
}

/// [`parse_document`], with the deepest nesting the tree reached.
pub fn parse_measured(input: &str) -> Result<(Html, u32), TooDeep> {
    let parser =
        html5ever::parse_document(DepthSink::new(Html::new_document()), ParseOpts::default());
    run(parser, input)
}

/// Parses an HTML fragment in a `<body>` context, like [`Html::parse_fragment`].
pub fn parse_fragment(input: &str) -> Result<Html, TooDeep> {
    let body = QualName::new(
        None,
        Namespace::from("http://www.w3.org/1999/xhtml"),
        LocalName::from("body"),
    );
    let parser = html5ever::parse_fragment(
        DepthSink::new(Html::new_fragment()),
        ParseOpts::default(),
        body,
        Vec::new(),
    );
    run(parser, input).map(|(html, _)| html)
}

fn run(mut parser: Parser<DepthSink>, input: &str) -> Result<(Html, u32), TooDeep> {
    let mut rest = input;
    while !rest.is_empty() {
        let mut end = CHUNK_BYTES.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (chunk, tail) = rest.split_at(end);
        parser.process(StrTendril::from_slice(chunk));
        if let Some(refused) = parser.tokenizer.sink.sink.refused {
            return Err(refused);
        }
        rest = tail;
    }
    let sink = parser.finish();
    match sink.refused {
        Some(refused) => Err(refused),
        None => Ok((sink.html, sink.deepest)),
    }
}

/// Runs `f` on a thread with a 2 MB stack (a tokio worker's), so that any
/// recursion proportional to the input's nesting fails the test.
#[cfg(test)]
pub(crate) fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn test thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// `n` nested copies of `<tag>` (optionally closed again).
#[cfg(test)]
pub(crate) fn nested(tag: &str, n: usize, close: bool) -> String {
    let mut s = format!("<{tag}>").repeat(n);
    if close {
        s.push_str(&format!("</{tag}>").repeat(n));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Selector;
    use std::time::Instant;

    #[test]
    fn same_tree_as_scraper() {
        let input = "<!DOCTYPE html><html><head><title>T</title></head><body>\
            <p>One <b>two<i>three</b> four</i></p><table><tr><td>cell</table>\
            <template><p>inside</p></template><svg><circle/></svg>é€</body></html>";
        let ours = parse_document(input).unwrap();
        let theirs = Html::parse_document(input);
        assert_eq!(ours.root_element().html(), theirs.root_element().html());
        let frag = "<p>a &amp; b</p><div>c</div>";
        assert_eq!(
            parse_fragment(frag).unwrap().root_element().html(),
            Html::parse_fragment(frag).root_element().html()
        );
        // Chunk boundaries inside multi-byte characters and tags.
        let long = format!("<p>{}</p>", "€é<b>x</b>".repeat(2000));
        assert_eq!(
            parse_fragment(&long).unwrap().root_element().html(),
            Html::parse_fragment(&long).root_element().html()
        );
    }

    #[test]
    fn nesting_up_to_the_limit_parses() {
        let ok = nested("div", MAX_DEPTH - 10, true);
        let html = parse_fragment(&ok).unwrap();
        assert_eq!(html.select(&Selector::parse("div").unwrap()).count(), MAX_DEPTH - 10);
        assert_eq!(
            parse_fragment(&nested("div", MAX_DEPTH + 10, true)).unwrap_err(),
            TooDeep::Depth
        );
    }

    #[test]
    fn deep_inputs_are_refused_quickly_on_a_small_stack() {
        let inputs = [
            nested("span", 1_000_000, false),
            nested("div", 5 * 1024 * 1024 / 5, false),
            nested("div", 500_000, true),
            nested("template", 200_000, false),
            "<table><tr><td>".repeat(200_000),
            format!("<svg>{}", nested("g", 200_000, false)),
            // Misnesting: html5ever keeps the elements open, the end tags are ignored.
            "<span><div></span>".repeat(200_000),
            "<p><b id=1><div></b>".repeat(100_000),
        ];
        for input in inputs {
            let head: String = input.chars().take(40).collect();
            let (doc, frag) = on_small_stack(move || {
                (parse_document(&input).map(|_| ()), parse_fragment(&input).map(|_| ()))
            });
            assert_eq!(doc, Err(TooDeep::Depth), "{head}");
            assert_eq!(frag, Err(TooDeep::Depth), "{head}");
        }
        assert_eq!(
            TooDeep::Depth.to_string(),
            format!("the page nests elements more than {MAX_DEPTH} deep; not an article")
        );
    }

    #[test]
    fn staying_just_under_the_limit_for_megabytes_is_refused() {
        let inputs = [
            nested("div", MAX_DEPTH - 12, true).repeat(5 * 1024 * 1024 / 5500),
            format!("{}{}", nested("span", MAX_DEPTH - 12, false), "<p></x></p>".repeat(400_000)),
        ];
        for input in inputs {
            let head: String = input.chars().take(40).collect();
            // The work budget, not the clock, is what bounds these: their times are in
            // `timings` below, kept out of the test run on a shared machine.
            let result = on_small_stack(move || parse_document(&input).map(|_| ()));
            assert_eq!(result, Err(TooDeep::Work), "{head}");
        }
        // Ordinary pages are far from the budget, also large ones a hundred levels down.
        let wide =
            "<div><section><p>Some <b>text</b> and <a href=x>a link</a>.</p></section></div>"
                .repeat(3 * 1024 * 1024 / 80);
        assert!(parse_document(&format!("{}{wide}", nested("div", 100, false))).is_ok());
    }

    /// Timings for the report: `cargo test --release --lib timings -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn timings() {
        use crate::ingest::article::{parse_article, Format, Hints};
        let page = |inner: String| {
            format!("<html><body><article><h1>Moving Episode 3 Recap</h1>{inner}</article></body></html>")
        };
        let cases = [
            ("1,000,000 nested <span>", page(nested("span", 1_000_000, false))),
            ("5 MB nested <div>", page(nested("div", 5 * 1024 * 1024 / 5, false))),
            (
                "5 MB of <div>s 500 deep",
                page(nested("div", 500, true).repeat(5 * 1024 * 1024 / 5500)),
            ),
            (
                "5 MB of <span>s 500 deep, misnested end tags",
                page(format!(
                    "{}{}",
                    nested("span", 500, false),
                    "<p></x></p>".repeat(5 * 1024 * 1024 / 11)
                )),
            ),
        ];
        for (name, input) in cases {
            let bytes = input.len();
            let (result, parsed, elapsed) = on_small_stack(move || {
                let start = Instant::now();
                let parsed = parse_document(&input).map(|_| ());
                let parse_time = start.elapsed();
                let start = Instant::now();
                let r = parse_article(&input, Format::Html, &Hints::default()).map(|_| ());
                (r, (parsed, parse_time), start.elapsed())
            });
            println!("{name} ({bytes} bytes): parse_document {parsed:?}; parse_article {result:?} in {elapsed:?}");
        }
    }

    #[test]
    fn wide_documents_are_fine() {
        let wide = "<div><p>x</p></div>".repeat(50_000);
        let html = parse_document(&wide).unwrap();
        assert_eq!(html.select(&Selector::parse("p").unwrap()).count(), 50_000);
    }
}
