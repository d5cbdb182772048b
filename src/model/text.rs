//! Inline rich text: runs of characters with bold, italic, underline,
//! superscript and links. Not markdown: `A*-G` and `6473*` are literal.

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One run of text with the same style.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub italic: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub underline: bool,
    /// Raised and smaller, as in footnote markers (`1st`, `*`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub superscript: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    pub fn is_plain(&self) -> bool {
        !self.bold && !self.italic && !self.underline && !self.superscript && self.link.is_empty()
    }
}

/// A paragraph's worth of styled runs.
///
/// In RON, text with no styling is written as a plain string (`"Purpose"`),
/// styled text as a list of spans (`[(text: "Note", bold: true), (text: " …")]`),
/// so diffs of ordinary prose stay readable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rich(pub Vec<Span>);

impl Rich {
    pub fn plain(text: impl Into<String>) -> Self {
        let text = text.into();
        if text.is_empty() {
            Rich(Vec::new())
        } else {
            Rich(vec![Span::plain(text)])
        }
    }

    /// The text without styling.
    pub fn to_plain(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| s.text.trim().is_empty())
    }

    pub fn is_plain(&self) -> bool {
        self.0.iter().all(Span::is_plain)
    }

    /// Merges neighbouring spans of the same style and drops empty ones, so
    /// that equal-looking text has one representation.
    pub fn normalized(mut self) -> Self {
        let mut out: Vec<Span> = Vec::with_capacity(self.0.len());
        for span in self.0.drain(..) {
            if span.text.is_empty() {
                continue;
            }
            match out.last_mut() {
                Some(last) if same_style(last, &span) => last.text.push_str(&span.text),
                _ => out.push(span),
            }
        }
        Rich(out)
    }
}

fn same_style(a: &Span, b: &Span) -> bool {
    a.bold == b.bold
        && a.italic == b.italic
        && a.underline == b.underline
        && a.superscript == b.superscript
        && a.link == b.link
}

impl From<&str> for Rich {
    fn from(s: &str) -> Self {
        Rich::plain(s)
    }
}

impl From<String> for Rich {
    fn from(s: String) -> Self {
        Rich::plain(s)
    }
}

impl Serialize for Rich {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [] => serializer.serialize_str(""),
            [only] if only.is_plain() => serializer.serialize_str(&only.text),
            spans => spans.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Rich {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        string_or_list(
            deserializer,
            "a string, or a list of spans like [(text: \"…\", bold: true)]",
            |s| Rich::plain(s),
            Rich,
        )
    }
}

/// Reads a value written either as a plain string or as a list of items,
/// the two forms [`Rich`] and table cells are saved in.
pub(super) fn string_or_list<'de, D, T, Item>(
    deserializer: D,
    expecting: &'static str,
    from_str: fn(&str) -> T,
    from_list: fn(Vec<Item>) -> T,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    Item: Deserialize<'de>,
{
    struct StringOrList<T, Item> {
        expecting: &'static str,
        from_str: fn(&str) -> T,
        from_list: fn(Vec<Item>) -> T,
    }
    impl<'de, T, Item: Deserialize<'de>> Visitor<'de> for StringOrList<T, Item> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            Ok((self.from_str)(v))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element::<Item>()? {
                items.push(item);
            }
            Ok((self.from_list)(items))
        }
    }
    deserializer.deserialize_any(StringOrList {
        expecting,
        from_str,
        from_list,
    })
}
