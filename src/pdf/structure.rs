//! Writes the [`Structure`] into the PDF with lopdf: the structure tree
//! and its parent tree, the pages' `/StructParents` and `/Tabs`, the
//! catalog's `/MarkInfo`, and XMP metadata naming the title and PDF/UA.

use super::file::{Serialised, integer, name, object_bytes, reference};
use super::tags::{Element, Kid, Structure};
use lopdf::{Dictionary, Object, ObjectId, Stream};

/// Returns the structure elements, already serialised: thousands of
/// small dictionaries, written once each straight to bytes.
pub fn write(
    doc: &mut lopdf::Document,
    structure: &Structure,
    title: &str,
) -> lopdf::Result<Serialised> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let annotations = annotate(doc, &pages, structure)?;
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = (structure.elements.iter())
        .map(|_| doc.new_object_id())
        .collect();
    let mut elements = Serialised::default();
    for (index, (element, &id)) in structure.elements.iter().zip(&ids).enumerate() {
        let parent = element.parent.map_or(root, |p| ids[p]);
        elements.push(id.0, |out| {
            element_bytes(out, index, element, parent, &ids, &pages, &annotations)
        });
    }
    let mut numbers = Vec::new();
    for (index, (&page, owners)) in pages.iter().zip(&structure.owners).enumerate() {
        numbers.push(Object::Integer(index as i64));
        let refs = owners.iter().map(|&e| Object::Reference(ids[e])).collect();
        numbers.push(Object::Array(refs));
        let page = doc.get_dictionary_mut(page)?;
        page.set("StructParents", index as i64);
        page.set("Tabs", Object::Name(b"S".to_vec()));
    }
    // Each annotation's StructParent key follows the pages' keys.
    let mut next_key = pages.len() as i64;
    let links: rustc_hash::FxHashMap<Kid, usize> = (structure.elements.iter())
        .enumerate()
        .filter_map(|(id, element)| match element.kids[..] {
            [kid @ Kid::Annotation { .. }] => Some((kid, id)),
            _ => None,
        })
        .collect();
    for (page, annotations) in annotations.iter().enumerate() {
        for (index, &annotation) in annotations.iter().enumerate() {
            let Some(&link) = links.get(&Kid::Annotation { page, index }) else {
                continue;
            };
            doc.get_dictionary_mut(annotation)?
                .set("StructParent", next_key);
            numbers.push(Object::Integer(next_key));
            numbers.push(Object::Reference(ids[link]));
            next_key += 1;
        }
    }
    let parent_tree = doc.add_object(Dictionary::from_iter(vec![(
        "Nums",
        Object::Array(numbers),
    )]));
    let tree_root = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"StructTreeRoot".to_vec())),
        (
            "K",
            Object::Array(ids.first().map(|&d| d.into()).into_iter().collect()),
        ),
        ("ParentTree", Object::Reference(parent_tree)),
        ("ParentTreeNextKey", Object::Integer(next_key)),
    ]);
    doc.objects.insert(root, Object::Dictionary(tree_root));
    let metadata = doc.add_object(xmp(title));
    let catalog = doc.catalog_mut()?;
    catalog.set("StructTreeRoot", root);
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter(vec![("Marked", Object::Boolean(true))]),
    );
    catalog.set("Metadata", metadata);
    Ok(elements)
}

/// One structure element's dictionary. No /Type: it is optional, and
/// thousands of elements are written.
fn element_bytes(
    out: &mut Vec<u8>,
    index: usize,
    element: &Element,
    parent: ObjectId,
    ids: &[ObjectId],
    pages: &[ObjectId],
    annotations: &[Vec<ObjectId>],
) {
    let first_page = element.kids.iter().find_map(|kid| match kid {
        Kid::Content { page, .. } => Some(*page),
        Kid::Element(_) | Kid::Annotation { .. } => None,
    });
    out.extend_from_slice(b"<</S");
    name(out, element.tag.as_bytes());
    out.extend_from_slice(b"/P ");
    reference(out, parent);
    out.extend_from_slice(b"/K");
    // A lone kid is written bare, as most writers do: smaller, and some
    // checkers look for a heading's MCID there.
    let many = element.kids.len() != 1;
    if many {
        out.push(b'[');
    }
    for kid in &element.kids {
        match *kid {
            Kid::Element(child) => {
                space(out);
                reference(out, ids[child]);
            }
            Kid::Content { page, mcid } if Some(page) == first_page => {
                space(out);
                integer(out, mcid.into());
            }
            Kid::Content { page, mcid } => {
                out.extend_from_slice(b"<</Type/MCR/Pg ");
                reference(out, pages[page]);
                out.extend_from_slice(b"/MCID ");
                integer(out, mcid.into());
                out.extend_from_slice(b">>");
            }
            Kid::Annotation { page, index } => {
                out.extend_from_slice(b"<</Type/OBJR/Pg ");
                reference(out, pages[page]);
                out.extend_from_slice(b"/Obj ");
                reference(out, annotations[page][index]);
                out.extend_from_slice(b">>");
            }
        }
    }
    if many {
        out.push(b']');
    }
    if let Some(page) = first_page {
        out.extend_from_slice(b"/Pg ");
        reference(out, pages[page]);
    }
    if let Some(alt) = &element.alt {
        out.extend_from_slice(b"/Alt");
        object_bytes(out, &text_string(alt));
    }
    if element.tag == "Note" {
        // PDF/UA wants every note to have an ID of its own.
        out.extend_from_slice(b"/ID");
        object_bytes(out, &Object::string_literal(format!("note{index}")));
    }
    if let Some(numbering) = element.numbering {
        out.extend_from_slice(b"/A<</O/List/ListNumbering/");
        out.extend_from_slice(numbering.as_bytes());
        out.extend_from_slice(b">>");
    }
    let scope: Option<&[u8]> = match (element.tag, element.heads_row) {
        // Header rows head the columns beneath them; a headerless
        // table's first cells head their rows.
        ("TH", true) => Some(b"Row"),
        ("TH", false) => Some(b"Column"),
        _ => None,
    };
    if scope.is_some() || element.row_span > 1 {
        out.extend_from_slice(b"/A<</O/Table");
        if let Some(scope) = scope {
            out.extend_from_slice(b"/Scope");
            name(out, scope);
        }
        if element.row_span > 1 {
            out.extend_from_slice(b"/RowSpan ");
            integer(out, element.row_span.into());
        }
        out.extend_from_slice(b">>");
    }
    out.extend_from_slice(b">>");
}

/// A space between a number and what it would run into.
fn space(out: &mut Vec<u8>) {
    if out.last() != Some(&b'[') {
        out.push(b' ');
    }
}

/// Makes each page's link annotations objects of their own (a Link
/// element refers to them), each with `/Contents` saying where it goes;
/// returns their ids, page by page.
fn annotate(
    doc: &mut lopdf::Document,
    pages: &[ObjectId],
    structure: &Structure,
) -> lopdf::Result<Vec<Vec<ObjectId>>> {
    let mut ids = Vec::with_capacity(pages.len());
    for (&page, descriptions) in pages.iter().zip(&structure.links) {
        let annotations = match doc.get_dictionary(page)?.get(b"Annots") {
            Ok(Object::Array(annotations)) => annotations.clone(),
            _ => Vec::new(),
        };
        let mut page_ids = Vec::new();
        for (annotation, description) in annotations.into_iter().zip(descriptions) {
            let mut annotation = match annotation {
                Object::Reference(id) => doc.get_dictionary(id)?.clone(),
                Object::Dictionary(dict) => dict,
                _ => continue,
            };
            annotation.set("Contents", text_string(description));
            page_ids.push(doc.add_object(annotation));
        }
        let refs = page_ids.iter().map(|&id| Object::Reference(id)).collect();
        doc.get_dictionary_mut(page)?
            .set("Annots", Object::Array(refs));
        ids.push(page_ids);
    }
    Ok(ids)
}

/// The XMP packet: the title (PDF/UA wants it here as well as in the
/// document information) and the PDF/UA-1 claim. Left uncompressed, as
/// metadata readers expect.
fn xmp(title: &str) -> Stream {
    let title = escape(title);
    let packet = format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:format>application/pdf</dc:format>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#
    );
    let dict = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Metadata".to_vec())),
        ("Subtype", Object::Name(b"XML".to_vec())),
    ]);
    Stream::new(dict, packet.into_bytes()).with_compression(false)
}

/// A PDF text string: as it is when ASCII, else UTF-16BE with its mark.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::string_literal(text);
    }
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
