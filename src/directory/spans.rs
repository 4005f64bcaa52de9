//! Maps between positions in a TOML file and field paths (`contacts[1].value`), for messages.

use std::ops::Range;
use toml_edit::{Document, Item, Value};

pub fn line_of(content: &str, offset: usize) -> usize {
    let end = offset.min(content.len());
    content.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[derive(Clone, Copy)]
enum Node<'a> {
    Item(&'a Item),
    Value(&'a Value),
    Table(&'a toml_edit::Table),
}

impl<'a> Node<'a> {
    fn span(self) -> Option<Range<usize>> {
        match self {
            Node::Item(i) => i.span(),
            Node::Value(v) => v.span(),
            Node::Table(t) => t.span(),
        }
    }

    /// Children keyed by name (with the key's own span) or by index.
    fn children(self) -> Vec<(String, bool, Option<Range<usize>>, Node<'a>)> {
        let mut out = Vec::new();
        match self {
            Node::Item(Item::Table(t)) => {
                for (k, v) in t.iter() {
                    out.push((
                        k.to_string(),
                        false,
                        t.key(k).and_then(|k| k.span()),
                        Node::Item(v),
                    ));
                }
            }
            Node::Item(Item::ArrayOfTables(a)) => {
                for (i, t) in a.iter().enumerate() {
                    out.push((i.to_string(), true, t.span(), Node::Table(t)));
                }
            }
            Node::Item(Item::Value(v)) | Node::Value(v) => match v {
                Value::Array(a) => {
                    for (i, v) in a.iter().enumerate() {
                        out.push((i.to_string(), true, v.span(), Node::Value(v)));
                    }
                }
                Value::InlineTable(t) => {
                    for (k, v) in t.iter() {
                        out.push((
                            k.to_string(),
                            false,
                            t.key(k).and_then(|k| k.span()),
                            Node::Value(v),
                        ));
                    }
                }
                _ => {}
            },
            Node::Item(Item::None) => {}
            Node::Table(t) => {
                for (k, v) in t.iter() {
                    out.push((
                        k.to_string(),
                        false,
                        t.key(k).and_then(|k| k.span()),
                        Node::Item(v),
                    ));
                }
            }
        }
        out
    }
}

fn join(path: &str, seg: &str, index: bool) -> String {
    if index {
        format!("{path}[{seg}]")
    } else if path.is_empty() {
        seg.to_string()
    } else {
        format!("{path}.{seg}")
    }
}

/// The byte span of a field path, or of its nearest existing ancestor.
pub fn span_of(doc: &Document<&str>, path: &str) -> Option<Range<usize>> {
    let mut node = Node::Item(doc.as_item());
    let mut best: Option<Range<usize>> = None;
    for seg in segments(path) {
        let found = node
            .children()
            .into_iter()
            .find(|(name, _, _, _)| *name == seg);
        match found {
            Some((_, _, key_span, child)) => {
                best = key_span.or_else(|| child.span()).or(best);
                node = child;
            }
            None => break,
        }
    }
    best
}

fn segments(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            out.push(rest[..i].to_string());
            rest = &rest[i..];
            while let Some(end) = rest.find(']') {
                out.push(rest[1..end].to_string());
                rest = &rest[end + 1..];
            }
        } else {
            out.push(rest.to_string());
        }
    }
    out
}

/// The deepest field path whose key or value covers `offset`: names the field of a parse error.
pub fn path_at(doc: &Document<&str>, offset: usize) -> String {
    fn walk(node: Node<'_>, path: String, offset: usize) -> Option<String> {
        for (name, index, key_span, child) in node.children() {
            let here = join(&path, &name, index);
            let in_key = key_span.as_ref().is_some_and(|s| s.contains(&offset));
            let in_value = child
                .span()
                .is_some_and(|s| s.start <= offset && offset <= s.end);
            if in_key {
                return Some(here);
            }
            if let Some(deeper) = walk(child, here.clone(), offset) {
                return Some(deeper);
            }
            if in_value {
                return Some(here);
            }
        }
        None
    }
    walk(Node::Item(doc.as_item()), String::new(), offset).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "id = \"x\"\ncategories = [\"crisis\", \"nope\"]\n\n[[contacts]]\nkind = \"phone\"\nvalue = \"1\"\n\n[[contacts]]\nkind = \"web\"\nvalue = \"bad\"\nhours = { kind = \"weekly\" }\n";

    #[test]
    fn paths_find_their_lines() {
        let doc = Document::parse(SRC).unwrap();
        let line = |p: &str| span_of(&doc, p).map(|s| line_of(SRC, s.start));
        assert_eq!(line("id"), Some(1));
        assert_eq!(line("categories[1]"), Some(2));
        assert_eq!(line("contacts[1].value"), Some(10));
        assert_eq!(line("contacts[0].kind"), Some(5));
        assert_eq!(line("contacts[1].hours.kind"), Some(11));
    }

    #[test]
    fn offsets_name_their_fields() {
        let doc = Document::parse(SRC).unwrap();
        let at = |needle: &str| path_at(&doc, SRC.find(needle).unwrap());
        assert_eq!(at("\"nope\""), "categories[1]");
        assert_eq!(at("\"bad\""), "contacts[1].value");
        assert_eq!(at("\"weekly\""), "contacts[1].hours.kind");
    }
}
