//! Writes the finished lopdf document as file bytes: streams loose, every
//! other object packed into compressed object streams, and a compressed
//! cross-reference stream. `pack` writes the object streams out first, so
//! they deflate alongside the pages' content; `write` then writes the file
//! in one pass. lopdf's own writer clones each packed object and
//! serialises it three times; with thousands of structure elements that
//! cost more than the rest of the render.

use flate2::{Compression, write::ZlibEncoder};
use lopdf::{Dictionary, Object, StringFormat};
use std::io::Write;
use std::ops::Range;

/// Objects per object stream: a plan's whole structure tree (the largest
/// seed's is about 4,000 elements) goes in one, since each stream costs a
/// fresh compressor, zeroed, and a bigger one deflates smaller; a reader
/// inflates a few hundred KB to reach any object.
const PER_STREAM: usize = 10_000;

/// Where the cross-reference stream finds an object.
#[derive(Clone, Copy)]
enum Entry {
    Free,
    At(usize),
    Packed { stream: u32, index: u16 },
}

/// Objects already in PDF syntax, packed as they are: the structure
/// tree's thousands of elements go straight to bytes, never through
/// lopdf's dictionaries.
#[derive(Default)]
pub struct Serialised {
    ids: Vec<u32>,
    ends: Vec<usize>,
    bytes: Vec<u8>,
}

impl Serialised {
    /// Object `id`, written by `write`, and the line end that follows
    /// it in an object stream.
    pub fn push(&mut self, id: u32, write: impl FnOnce(&mut Vec<u8>)) {
        write(&mut self.bytes);
        self.bytes.push(b'\n');
        self.ids.push(id);
        self.ends.push(self.bytes.len());
    }

    /// Each object's id and where its bytes are.
    fn objects(&self) -> impl Iterator<Item = (u32, Range<usize>)> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        (self.ids.iter().zip(starts.zip(&self.ends))).map(|(&id, (start, &end))| (id, start..end))
    }
}

/// One object of an object stream: one of lopdf's, or one already
/// written (where in [`Serialised`]'s bytes).
enum Packed<'d> {
    Object(&'d Object),
    Bytes(Range<usize>),
}

/// An object stream: its objects' numbers and offsets (`header`), then
/// lopdf's objects written out (`body`), then a stretch of the written
/// ones; deflated (`data`) alongside the pages' content streams.
pub struct ObjectStream {
    id: u32,
    count: usize,
    header: Vec<u8>,
    body: Vec<u8>,
    written: Range<usize>,
    data: Vec<u8>,
}

impl ObjectStream {
    /// Its size before deflating.
    pub fn len(&self) -> usize {
        self.header.len() + self.body.len() + self.written.len()
    }

    pub fn compress(&mut self, serialised: &Serialised) -> std::io::Result<()> {
        let written = &serialised.bytes[self.written.clone()];
        self.data = deflate(&[&self.header, &self.body, written])?;
        Ok(())
    }
}

/// Which object goes in which object stream, and those streams written:
/// every object but streams (and any of a later generation).
pub struct Packing {
    entries: Vec<Entry>,
    pub streams: Vec<ObjectStream>,
}

pub fn pack(doc: &lopdf::Document, serialised: &Serialised) -> Packing {
    let last = (doc.objects.keys().map(|id| id.0))
        .chain(serialised.ids.iter().copied())
        .max()
        .unwrap_or(0);
    let mut entries = vec![Entry::Free; last as usize + 1];
    let packed: Vec<(u32, Packed)> = (doc.objects.iter())
        .filter(|(id, object)| id.1 == 0 && !matches!(object, Object::Stream(_)))
        .map(|((id, _), object)| (*id, Packed::Object(object)))
        .chain((serialised.objects()).map(|(id, range)| (id, Packed::Bytes(range))))
        .collect();
    let mut streams = Vec::new();
    for (number, chunk) in packed.chunks(PER_STREAM).enumerate() {
        let id = last + 1 + number as u32;
        let mut stream = ObjectStream {
            id,
            count: chunk.len(),
            header: Vec::new(),
            body: Vec::new(),
            written: 0..0,
            data: Vec::new(),
        };
        // lopdf's objects come first, written out here; the written ones
        // after them are one stretch of `serialised`, deflated in place.
        for (index, (object_id, object)) in chunk.iter().enumerate() {
            entries[*object_id as usize] = Entry::Packed {
                stream: id,
                index: index as u16,
            };
            integer(&mut stream.header, i64::from(*object_id));
            stream.header.push(b' ');
            let offset = stream.body.len() + stream.written.len();
            integer(&mut stream.header, offset as i64);
            stream.header.push(b' ');
            match object {
                Packed::Object(object) => {
                    debug_assert!(stream.written.is_empty(), "lopdf's objects come first");
                    object_bytes(&mut stream.body, object);
                    stream.body.push(b'\n');
                }
                Packed::Bytes(range) if stream.written.is_empty() => stream.written = range.clone(),
                Packed::Bytes(range) => stream.written.end = range.end,
            }
        }
        streams.push(stream);
    }
    Packing { entries, streams }
}

/// The file: lopdf's streams (already compressed) loose, the packed
/// objects in their object streams (already deflated), and the
/// cross-reference stream.
pub fn write(doc: &lopdf::Document, packing: Packing) -> std::io::Result<Vec<u8>> {
    let Packing {
        mut entries,
        streams,
    } = packing;
    let mut out = Vec::with_capacity(1 << 20);
    out.extend_from_slice(format!("%PDF-{}\n", doc.version).as_bytes());
    out.extend_from_slice(b"%\xE2\xE3\xCF\xD3\n");
    let loose = (doc.objects.iter())
        .filter(|(id, object)| id.1 != 0 || matches!(object, Object::Stream(_)));
    for ((id, generation), object) in loose {
        entries[*id as usize] = Entry::At(out.len());
        out.extend_from_slice(format!("{id} {generation} obj\n").as_bytes());
        object_bytes(&mut out, object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let mut next_id = entries.len() as u32;
    for stream in &streams {
        debug_assert_eq!(stream.id, next_id, "object streams follow the last object");
        next_id += 1;
        entries.push(Entry::At(out.len()));
        out.extend_from_slice(
            format!(
                "{} 0 obj\n<</Type/ObjStm/N {}/First {}/Filter/FlateDecode/Length {}>>stream\n",
                stream.id,
                stream.count,
                stream.header.len(),
                stream.data.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(&stream.data);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    let xref_id = next_id;
    let xref_at = out.len();
    entries.push(Entry::At(xref_at));
    // Each row is written as its difference from the row above (the PNG
    // "Up" predictor): an object stream's entries differ only in their
    // index, so the table deflates to a few hundred bytes, not 6 KB.
    let mut table = Vec::with_capacity(entries.len() * 8);
    let mut above = [0u8; 7];
    for (id, entry) in entries.iter().enumerate() {
        let (kind, field, generation): (u8, u32, u16) = match *entry {
            Entry::Free if id == 0 => (0, 0, 65535),
            Entry::Free => (0, 0, 0),
            Entry::At(offset) => (1, offset_u32(offset)?, 0),
            Entry::Packed { stream, index } => (2, stream, index),
        };
        let mut row = [0u8; 7];
        row[0] = kind;
        row[1..5].copy_from_slice(&field.to_be_bytes());
        row[5..].copy_from_slice(&generation.to_be_bytes());
        table.push(2);
        table.extend(
            row.iter()
                .zip(above)
                .map(|(byte, up)| byte.wrapping_sub(up)),
        );
        above = row;
    }
    let data = deflate(&[&table])?;
    out.extend_from_slice(
        format!(
            "{xref_id} 0 obj\n<</Type/XRef/Size {}/W[1 4 2]/DecodeParms<</Columns 7/Predictor 12>>/Filter/FlateDecode/Length {}",
            entries.len(),
            data.len()
        )
        .as_bytes(),
    );
    // The trailer's own keys (Root, Info, ID), less those this stream sets.
    let stale: [&[u8]; 9] = [
        b"Size",
        b"Prev",
        b"XRefStm",
        b"Type",
        b"W",
        b"Index",
        b"Filter",
        b"Length",
        b"DecodeParms",
    ];
    for (key, value) in doc.trailer.iter() {
        if stale.contains(&key.as_slice()) {
            continue;
        }
        name(&mut out, key);
        separate(&mut out, value);
        object_bytes(&mut out, value);
    }
    out.extend_from_slice(b">>stream\n");
    out.extend_from_slice(&data);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    Ok(out)
}

fn offset_u32(offset: usize) -> std::io::Result<u32> {
    u32::try_from(offset).map_err(|_| std::io::Error::other("the PDF is over 4 GB"))
}

/// The fastest level, as for the pages' content: the structure tree is
/// most of what is packed, and deflating it was most of what tagging
/// cost. On the largest seed level 1 costs 13 M instructions less than
/// level 2 (and 56 M less than the default 6), for 7 KB more (of 330 KB).
pub fn deflate(parts: &[&[u8]]) -> std::io::Result<Vec<u8>> {
    // Room for what deflate usually leaves of a PDF's objects.
    let size: usize = parts.iter().map(|part| part.len()).sum();
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(size / 4), Compression::fast());
    for part in parts {
        encoder.write_all(part)?;
    }
    encoder.finish()
}

/// An object as PDF syntax. A stream's `/Length` is its content's.
pub fn object_bytes(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(value) => integer(out, *value),
        Object::Real(value) => out.extend_from_slice(value.to_string().as_bytes()),
        Object::Name(bytes) => name(out, bytes),
        Object::String(bytes, StringFormat::Literal) => literal(out, bytes),
        Object::String(bytes, StringFormat::Hexadecimal) => {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push(b'<');
            for &byte in bytes {
                out.extend_from_slice(&[HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]]);
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    separate(out, item);
                }
                object_bytes(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => dictionary(out, dict, None),
        Object::Stream(stream) => {
            dictionary(out, &stream.dict, Some(stream.content.len()));
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference(id) => reference(out, *id),
    }
}

/// `length`, when given, replaces any `/Length` the dictionary has.
fn dictionary(out: &mut Vec<u8>, dict: &Dictionary, length: Option<usize>) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict.iter() {
        if length.is_some() && key == b"Length" {
            continue;
        }
        name(out, key);
        separate(out, value);
        object_bytes(out, value);
    }
    if let Some(length) = length {
        out.extend_from_slice(b"/Length ");
        integer(out, length as i64);
    }
    out.extend_from_slice(b">>");
}

/// A space before a value that would otherwise run into what precedes it.
fn separate(out: &mut Vec<u8>, value: &Object) {
    if matches!(
        value,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    ) {
        out.push(b' ');
    }
}

pub fn integer(out: &mut Vec<u8>, value: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// The bytes a name may hold as they are: `!`..`~` but the delimiters.
const REGULAR: [bool; 256] = {
    let mut regular = [false; 256];
    let mut byte = 33;
    while byte <= 126 {
        regular[byte] = !matches!(
            byte as u8,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%' | b'#'
        );
        byte += 1;
    }
    regular
};

/// White space, delimiters and bytes outside `!`..`~` as `#xx`.
pub fn name(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'/');
    let plain = |byte: &u8| REGULAR[usize::from(*byte)];
    // Names are almost always plain: copied whole, not byte by byte.
    if bytes.iter().all(plain) {
        out.extend_from_slice(bytes);
        return;
    }
    for byte in bytes {
        if plain(byte) {
            out.push(*byte);
        } else {
            out.extend_from_slice(format!("#{byte:02X}").as_bytes());
        }
    }
}

/// `id generation R`; every object here is generation 0.
pub fn reference(out: &mut Vec<u8>, (id, generation): (u32, u16)) {
    integer(out, id.into());
    match generation {
        0 => out.extend_from_slice(b" 0 R"),
        _ => {
            out.push(b' ');
            integer(out, generation.into());
            out.extend_from_slice(b" R");
        }
    }
}

/// Every parenthesis, backslash and carriage return escaped: always
/// balanced, and a CR is not read as a line end.
fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &byte in bytes {
        match byte {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(byte),
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Document, Stream};

    /// Every kind of object, and more than one object stream's worth,
    /// reads back as written.
    #[test]
    fn objects_read_back_as_written() {
        let mut doc = Document::with_version("1.7");
        let name = doc.add_object(Object::Name(b"A b#(/\xE9".to_vec()));
        doc.add_object(Object::string_literal("a (b) ( \\ c\r)"));
        doc.add_object(Object::String(
            vec![0xfe, 0xff, 0, 65],
            StringFormat::Hexadecimal,
        ));
        doc.add_object(Object::Array(vec![
            Object::Integer(-12),
            Object::Real(1.5),
            Object::Null,
            Object::Boolean(true),
            Object::Boolean(false),
            Object::Reference(name),
            Object::Name(b"N".to_vec()),
            Object::Integer(0),
        ]));
        let mut dict = Dictionary::new();
        dict.set("Length", 999);
        dict.set("Kind", Object::Name(b"Test".to_vec()));
        doc.add_object(Stream::new(dict, b"q 1 0 0 1 0 0 cm Q".to_vec()));
        for number in 0..(PER_STREAM as i64 + 7) {
            doc.add_object(Object::Integer(number * 1000));
        }
        let catalog = doc.add_object(Dictionary::from_iter(vec![(
            "Type",
            Object::Name(b"Catalog".to_vec()),
        )]));
        doc.trailer.set("Root", catalog);

        let mut serialised = Serialised::default();
        let raw = doc.new_object_id();
        serialised.push(raw.0, |out| out.extend_from_slice(b"<</Raw true>>"));
        let mut packing = pack(&doc, &serialised);
        for stream in &mut packing.streams {
            stream.compress(&serialised).expect("deflated");
        }
        let bytes = write(&doc, packing).expect("written");
        let read = Document::load_mem(&bytes).expect("read back");
        for (&id, object) in &doc.objects {
            let back = read.get_object(id).expect("every object read back");
            match (object, back) {
                (Object::Stream(written), Object::Stream(back)) => {
                    assert_eq!(written.content, back.content);
                    assert_eq!(back.dict.get(b"Length").ok(), Some(&Object::Integer(18)));
                    assert_eq!(back.dict.get(b"Kind").ok(), written.dict.get(b"Kind").ok());
                }
                _ => assert_eq!(object, back, "object {id:?}"),
            }
        }
        assert_eq!(
            read.trailer.get(b"Root").ok(),
            Some(&Object::Reference(catalog))
        );
    }
}
