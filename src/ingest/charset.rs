//! Bytes of an article to text, in the encoding the page says it uses.
//!
//! The order is the HTML standard's: a byte order mark, then the charset of
//! the HTTP `Content-Type`, then a `<meta charset>` / `<meta http-equiv=
//! Content-Type>` near the top; undeclared text is UTF-8 when it is valid
//! UTF-8 and Windows-1252 otherwise (what browsers assume for Western pages).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use std::sync::LazyLock as Lazy;

/// How far into the document a `<meta>` charset is looked for. The standard
/// says 1024 bytes; pages with long `<head>`s put it later, so a bit more.
const META_SCAN_BYTES: usize = 4096;

/// The bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binary;

static META_CHARSET_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})"#)
        .expect("valid regex")
});

/// The `charset` parameter of a `Content-Type` header value.
pub fn content_type_charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']))
    })
}

/// The encoding a `<meta>` near the top declares. A page cannot declare
/// itself UTF-16 this way (it would not be ASCII-readable); the standard
/// reads such a declaration as UTF-8.
fn meta_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_SCAN_BYTES)];
    let label = META_CHARSET_RE.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    Some(if encoding == UTF_16LE || encoding == UTF_16BE { UTF_8 } else { encoding })
}

/// Decodes `bytes`; `content_type` is the HTTP header, if there was one.
/// Refuses NUL bytes outside UTF-16 (images, archives, executables) and text
/// that decodes to more than 5% control or replacement characters.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<String, Binary> {
    let (encoding, bom_len) = match Encoding::for_bom(bytes) {
        Some(found) => found,
        None => {
            let declared = content_type
                .and_then(content_type_charset)
                .and_then(|label| Encoding::for_label(label.as_bytes()))
                .or_else(|| meta_encoding(bytes));
            let encoding = declared.unwrap_or_else(|| {
                if std::str::from_utf8(bytes).is_ok() {
                    UTF_8
                } else {
                    WINDOWS_1252
                }
            });
            (encoding, 0)
        }
    };
    let utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    if !utf16 && bytes.contains(&0) {
        return Err(Binary);
    }
    let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
    if text.contains('\0') || mostly_garbage(&text) {
        return Err(Binary);
    }
    Ok(match text {
        Cow::Borrowed(s) => s.to_string(),
        Cow::Owned(s) => s,
    })
}

fn mostly_garbage(text: &str) -> bool {
    let (mut bad, mut total) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if (c.is_control() && !c.is_whitespace()) || c == '\u{fffd}' {
            bad += 1;
        }
    }
    bad * 20 > total.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::article::{parse_article, Format, Hints};
    use encoding_rs::EUC_KR;

    const SAMPLE_HTML: &str = include_str!("../../tests/data/soundtrack-1-s01e02.html");

    /// The sample page with its numeric character references written out as
    /// characters (’ – … and the like), so that the encodings have work to do.
    fn sample_with_characters() -> String {
        let mut out = String::new();
        let mut rest = SAMPLE_HTML;
        while let Some(at) = rest.find("&#") {
            out.push_str(&rest[..at]);
            let after = &rest[at + 2..];
            let end = after.find(';').unwrap_or(0);
            let code = after[..end]
                .strip_prefix(['x', 'X'])
                .map_or_else(|| after[..end].parse().ok(), |h| u32::from_str_radix(h, 16).ok());
            match code.and_then(char::from_u32) {
                Some(c) if end > 0 => {
                    out.push(c);
                    rest = &after[end + 1..];
                }
                _ => {
                    out.push_str("&#");
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn with_meta(html: &str, meta: &str) -> String {
        html.replacen(r#"<meta charset="UTF-8">"#, meta, 1)
    }

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{} cannot write the sample", encoding.name());
        bytes.into_owned()
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        std::iter::once(0xfeff_u16)
            .chain(text.encode_utf16())
            .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    }

    fn assert_same_article(decoded: &str) {
        let hints = Hints::default();
        let expected = parse_article(SAMPLE_HTML, Format::Html, &hints).unwrap();
        assert_eq!(parse_article(decoded, Format::Html, &hints).unwrap(), expected);
    }

    #[test]
    fn sample_written_out_has_non_ascii_characters() {
        let text = sample_with_characters();
        assert!(text.contains('’') && text.contains('–'), "the sample changed");
        assert_same_article(&text);
    }

    #[test]
    fn windows_1252_and_latin_1_from_meta_header_or_guess() {
        let text = sample_with_characters();
        for meta in [
            r#"<meta charset="windows-1252">"#,
            r#"<meta charset='ISO-8859-1'>"#,
            r#"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">"#,
        ] {
            let page = with_meta(&text, meta);
            let bytes = encode(WINDOWS_1252, &page);
            assert!(std::str::from_utf8(&bytes).is_err());
            assert_eq!(decode(&bytes, None).unwrap(), page, "{meta}");
            assert_same_article(&page);
        }
        // Declared only in the HTTP header, which wins over a wrong <meta>.
        let bytes = encode(WINDOWS_1252, &text);
        assert_eq!(decode(&bytes, Some("text/html; charset=\"Windows-1252\"")).unwrap(), text);
        // Not declared at all and not UTF-8.
        let undeclared = with_meta(&text, "");
        let bytes = encode(WINDOWS_1252, &undeclared);
        assert_eq!(decode(&bytes, None).unwrap(), undeclared);
        assert_eq!(decode(&bytes, Some("text/html")).unwrap(), undeclared);
    }

    #[test]
    fn utf16_with_bom() {
        let text = sample_with_characters();
        for big_endian in [false, true] {
            let bytes = utf16(&text, big_endian);
            assert!(bytes.contains(&0));
            assert_eq!(decode(&bytes, None).unwrap(), text);
            // The BOM wins over a header that says otherwise.
            assert_eq!(decode(&bytes, Some("text/html; charset=iso-8859-1")).unwrap(), text);
        }
        assert_same_article(&decode(&utf16(&text, true), None).unwrap());
    }

    #[test]
    fn euc_kr_from_meta_or_header() {
        // The show's Korean title, so that there is Korean text to decode. EUC-KR has no
        // en dash: the encoder writes it as a character reference, as a browser would.
        let text = sample_with_characters().replacen("<title>", "<title>사운드트랙 #1 ", 1);
        let page = with_meta(&text, r#"<meta charset="euc-kr">"#);
        let (bytes, _, _) = EUC_KR.encode(&page);
        let expected = page.replace('–', "&#8211;");
        assert_eq!(decode(&bytes, None).unwrap(), expected);
        assert_same_article(&expected);
        let (bytes, _, _) = EUC_KR.encode(&text);
        let decoded = decode(&bytes, Some("text/html;charset=EUC-KR")).unwrap();
        assert!(decoded.contains("<title>사운드트랙 #1 "));
        assert_same_article(&decoded);
    }

    #[test]
    fn binary_is_refused() {
        let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
        assert_eq!(decode(png, None), Err(Binary));
        assert_eq!(decode(png, Some("text/html; charset=windows-1252")), Err(Binary));
        assert_eq!(decode(b"GIF89a\x01\0\x01\0\x80\0\0", None), Err(Binary));
        // NULs in a page that does not say UTF-16.
        let mut page = encode(WINDOWS_1252, &sample_with_characters());
        page.extend_from_slice(&[0; 16]);
        assert_eq!(decode(&page, None), Err(Binary));
        // Control characters.
        assert_eq!(decode(&b"\x01\x02\x03\x04ab".repeat(50), None), Err(Binary));
        assert_eq!(decode(b"", None), Ok(String::new()));
    }

    #[test]
    fn charset_parameter() {
        assert_eq!(content_type_charset("text/html; charset=UTF-8"), Some("UTF-8"));
        assert_eq!(content_type_charset("text/html;Charset=\"euc-kr\" ; q=1"), Some("euc-kr"));
        assert_eq!(content_type_charset("text/html"), None);
    }
}
