//! Writes the [`Structure`] into the PDF with lopdf: the structure tree
//! and its parent tree, the pages' `/StructParents` and `/Tabs`, the
//! catalog's `/MarkInfo`, and XMP metadata naming the title and PDF/UA.

use super::tags::{Kid, Structure};
use lopdf::{Dictionary, Object, ObjectId, Stream};

pub fn write(doc: &mut lopdf::Document, structure: &Structure, title: &str) -> lopdf::Result<()> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = (structure.elements.iter())
        .map(|_| doc.new_object_id())
        .collect();
    for (element, &id) in structure.elements.iter().zip(&ids) {
        let first_page = element.kids.iter().find_map(|kid| match kid {
            Kid::Content { page, .. } => Some(*page),
            Kid::Element(_) => None,
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
            })
            .collect();
        let mut dict = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"StructElem".to_vec())),
            ("S", Object::Name(element.tag.as_bytes().to_vec())),
            (
                "P",
                Object::Reference(element.parent.map_or(root, |p| ids[p])),
            ),
            ("K", Object::Array(kids)),
        ]);
        if let Some(page) = first_page {
            dict.set("Pg", pages[page]);
        }
        if element.tag == "TH" {
            // Planwright's header rows head the columns beneath them.
            let scope = Dictionary::from_iter(vec![
                ("O", Object::Name(b"Table".to_vec())),
                ("Scope", Object::Name(b"Column".to_vec())),
            ]);
            dict.set("A", scope);
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
        ("ParentTreeNextKey", Object::Integer(pages.len() as i64)),
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

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
