//! The preview and the PDF come from one layout: every text run the
//! preview paints starts where the PDF writer put the same run, on every
//! page of every seed.

use egui::{Pos2, RawInput, Shape, Vec2};
use lopdf::Object;
use lopdf::content::Content;
use planwright::layout::{self, PageSettings, Role};

/// Where each run starts (x, baseline, in points from the page's top-left)
/// as the preview paints it.
fn preview_starts(ctx: &egui::Context, page: &layout::Page) -> Vec<(f32, f32)> {
    let mut shapes = Vec::new();
    let mut output = ctx.run_ui(RawInput::default(), |ui| {
        shapes = ui
            .painter()
            .fonts_mut(|f| planwright::ui::preview::page_shapes(f, page, Pos2::ZERO, 1.0, 0.125));
    });
    // No GPU: the font atlas is not uploaded anywhere.
    output.textures_delta.clear();
    shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text(text) => {
                let row = text.galley.rows.first()?;
                let glyph = row.glyphs.first()?;
                // The first glyph's pen position on its baseline, turned
                // with the text about the galley's corner.
                let local = Vec2::new(row.pos.x + glyph.pos.x, row.pos.y + glyph.pos.y);
                let (sin, cos) = text.angle.sin_cos();
                let turned =
                    Vec2::new(local.x * cos - local.y * sin, local.x * sin + local.y * cos);
                let start = text.pos + turned;
                Some((start.x, start.y))
            }
            _ => None,
        })
        .collect()
}

fn number(object: &Object) -> f32 {
    match object {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        other => panic!("a number in the content stream, not {other:?}"),
    }
}

/// Where each shown string starts on each PDF page, top-down, with the
/// laid-out runs' widths standing in for the pen's travel over a string
/// (the writer shows each run with its glyphs' advances, which is how the
/// layout measured it).
fn pdf_starts(bytes: &[u8], document: &layout::Document) -> Vec<Vec<(f32, f32)>> {
    let pdf = lopdf::Document::load_mem(bytes).expect("the PDF reads back");
    let mut pages = Vec::new();
    for (index, (_, id)) in pdf.get_pages().into_iter().enumerate() {
        let page = &document.pages[index];
        // The watermark is drawn as glyph outlines, not as text.
        let mut runs = page
            .text_runs()
            .filter(|r| !r.text.is_empty() && r.role != Role::Watermark);
        let content = Content::decode(&pdf.get_page_content(id)).unwrap();
        let mut starts = Vec::new();
        let (mut x, mut y, mut size) = (0.0, 0.0, 0.0);
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => size = number(&op.operands[1]),
                "Tm" => {
                    x = number(&op.operands[4]);
                    y = page.height - number(&op.operands[5]);
                }
                "TJ" | "Tj" => {
                    let items = match &op.operands[0] {
                        Object::Array(items) => items.clone(),
                        single => vec![single.clone()],
                    };
                    for item in items {
                        match item {
                            Object::String(s, _) if s.is_empty() => {}
                            Object::String(codes, _) => {
                                starts.push((x, y));
                                let run = runs.next().expect("no more runs than strings");
                                x += run.width;
                                // A run that ends a line of its words is
                                // drawn with a space after it (two bytes a code).
                                if codes.len() / 2 > run.text.chars().count() {
                                    x += run.face.width(" ", run.size);
                                }
                            }
                            adjust => x -= number(&adjust) * size / 1000.0,
                        }
                    }
                }
                _ => {}
            }
        }
        pages.push(starts);
    }
    pages
}

#[test]
fn the_preview_paints_every_run_where_the_pdf_prints_it() {
    let ctx = egui::Context::default();
    planwright::ui::install_fonts(&ctx);
    // Fine pixels, so egui's rounding to pixels stays far below a point.
    ctx.set_pixels_per_point(8.0);
    let mut seeds: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 4);
    for seed in seeds {
        let plan = planwright::model::file::load(&seed).expect("a seed loads");
        let document = layout::layout(&plan, &PageSettings::default());
        let bytes = planwright::pdf::render(&document).expect("the seed prints");
        let printed = pdf_starts(&bytes, &document);
        assert_eq!(printed.len(), document.pages.len(), "{}", seed.display());
        let mut runs = 0;
        for (index, page) in document.pages.iter().enumerate() {
            // The PDF draws the watermark as outlines (no text to compare).
            let mut text_only = page.clone();
            text_only
                .items
                .retain(|item| item.as_text().is_none_or(|r| r.role != Role::Watermark));
            let painted = preview_starts(&ctx, &text_only);
            let name = format!("{} page {}", seed.display(), index + 1);
            assert_eq!(painted.len(), printed[index].len(), "{name}: runs");
            for (n, (p, q)) in painted.iter().zip(&printed[index]).enumerate() {
                let close = (p.0 - q.0).abs() < 0.15 && (p.1 - q.1).abs() < 0.15;
                assert!(close, "{name}, run {n}: preview {p:?}, PDF {q:?}");
            }
            runs += painted.len();
        }
        assert!(runs > 1000, "{}: {runs} runs compared", seed.display());
    }
}
