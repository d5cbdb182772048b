//! Writes the [`Structure`] into the PDF with lopdf: the structure tree
//! and its parent tree, the pages' `/StructParents` and `/Tabs`, the
//! catalog's `/MarkInfo`, and XMP metadata naming the title and PDF/UA.

use super::tags::{Kid, Structure};
use lopdf::{Dictionary, Object, ObjectId, Stream};

pub fn write(doc: &mut lopdf::Document, structure: &Structure, title: &str) -> lopdf::Result<()> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let annotations = annotate(doc, &pages, structure)?;
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = (structure.elements.iter())
        .map(|_| doc.new_object_id())
        .collect();
    for (index, (element, &id)) in structure.elements.iter().zip(&ids).enumerate() {
        let first_page = element.kids.iter().find_map(|kid| match kid {
            Kid::Content { page, .. } => Some(*page),
            Kid::Element(_) | Kid::Annotation { .. } => None,
        });
        let kids: Vec<Object> = (element.kids.iter())
            .map(|kid| match *kid {
                Kid::Element(child) => Object::Reference(ids[child]),
                Kid::Content { page, mcid } if Some(page) == first_page => {
                    Object::Integer(mcid.into())
                }
                Kid::Content { page, mcid } => Object::Dictionary(Dictionary::from_iter(vec![
                    ("Type", Object::Name(b"MCR".to_vec())),
                    ("Pg", Object::Reference(pages[page])),
                    ("MCID", Object::Integer(mcid.into())),
                ])),
                Kid::Annotation { page, index } => Object::Dictionary(Dictionary::from_iter(vec![
                    ("Type", Object::Name(b"OBJR".to_vec())),
                    ("Pg", Object::Reference(pages[page])),
                    ("Obj", Object::Reference(annotations[page][index])),
                ])),
            })
            .collect();
        // No /Type: it is optional, and thousands of elements are
        // written (and, in object streams, serialized) each time.
        let mut dict = Dictionary::from_iter(vec![
            ("S", Object::Name(element.tag.as_bytes().to_vec())),
            (
                "P",
                Object::Reference(element.parent.map_or(root, |p| ids[p])),
            ),
            ("K", single_or_array(kids)),
        ]);
        if let Some(page) = first_page {
            dict.set("Pg", pages[page]);
        }
        if let Some(alt) = &element.alt {
            dict.set("Alt", text_string(alt));
        }
        if element.tag == "Note" {
            // PDF/UA wants every note to have an ID of its own.
            dict.set("ID", Object::string_literal(format!("note{index}")));
        }
        let mut attributes = vec![("O", Object::Name(b"Table".to_vec()))];
        if element.tag == "TH" {
            // Header rows head the columns beneath them; a headerless
            // table's first cells head their rows.
            let scope: &[u8] = if element.heads_row { b"Row" } else { b"Column" };
            attributes.push(("Scope", Object::Name(scope.to_vec())));
        }
        if element.row_span > 1 {
            attributes.push(("RowSpan", Object::Integer(i64::from(element.row_span))));
        }
        if attributes.len() > 1 {
            dict.set("A", Dictionary::from_iter(attributes));
        }
        doc.objects.insert(id, Object::Dictionary(dict));
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
    let links: std::collections::HashMap<Kid, usize> = (structure.elements.iter())
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
    Ok(())
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

/// A lone kid is written bare, as most writers do: smaller, and some
/// checkers look for a heading's MCID there.
fn single_or_array(mut kids: Vec<Object>) -> Object {
    match kids.len() {
        1 => kids.remove(0),
        _ => Object::Array(kids),
    }
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
