//! Draws the charts of a page as lean, accessible SVG with plotters.
//!
//! plotters lays the chart out (scales, ticks, axis labels); [`SvgKelas`], a plotters
//! [`DrawingBackend`], writes what it draws as SVG elements that carry a CSS class instead of
//! colour, width and font attributes. The theme's stylesheet gives the classes their look, so a
//! page with many charts repeats no style, and the colours live in one place (`style.css`, rules
//! under `svg.grafik`). Coordinates are whole units of the view box. Every chart is
//! `<svg role="img">` with a `<title>` and a `<desc>` from the site stage; its numbers are in a
//! table next to it.
//!
//! Classes: `s0`…`s4` the series (colour and dash pattern), `al` an allocation outline, `ref`
//! the 100% line, `tg` the target line, `gr` grid lines, `ax` axes and ticks; text takes `e`
//! (anchored at its end), `m` (middle), `t` (hanging below its point), `c` (centred on it),
//! `b` (bold), `w` (white, on a dark cell).
//!
//! The load grid ([`IsiGrafik::Beban`]) has no scale to lay out: it is written directly, one
//! `<path>` per load class (`b0`…`b4`) holding all of that class's cells.

use std::fmt::Write;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};

use crate::format::{persen, ribuan, tanggal_singkat};
use crate::lang::Lang;
use crate::site::grafik::{
    Grafik, GrafikBatang, GrafikBeban, GrafikWaktu, IsiGrafik, KelasBeban, Satuan,
};

/// The width of every chart's view box. The page scales it to the column width; at this size
/// a 12-unit label is about 11 px on a 360 px phone.
const LEBAR: u32 = 360;
/// Font size of all chart text, in view-box units (the stylesheet uses the same).
const HURUF: f64 = 12.0;

/// Key colours: what plotters is told to draw with. [`SvgKelas`] turns each into its class;
/// the real colours are in the stylesheet.
const SERI: [RGBColor; 5] = [
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0xc2, 0x55, 0x00),
    RGBColor(0x00, 0x7a, 0x5a),
    RGBColor(0xaa, 0x33, 0x77),
    RGBColor(0x44, 0x44, 0x44),
];
const SUMBU: RGBColor = RGBColor(0x57, 0x60, 0x6a);
const KISI: RGBColor = RGBColor(0xd0, 0xd7, 0xde);
const ALOKASI: RGBColor = RGBColor(0x7a, 0x86, 0x90);
const REFERENSI: RGBColor = RGBColor(0x33, 0x33, 0x33);
const TARGET: RGBColor = RGBColor(0xb0, 0x00, 0x20);
const TEKS: RGBColor = RGBColor(0x1b, 0x1f, 0x24);

fn kelas(c: BackendColor) -> &'static str {
    const NAMA: [&str; 5] = ["s0", "s1", "s2", "s3", "s4"];
    let rgb = c.rgb;
    if let Some(i) = SERI.iter().position(|s| (s.0, s.1, s.2) == rgb) {
        return NAMA[i];
    }
    match rgb {
        x if x == (SUMBU.0, SUMBU.1, SUMBU.2) => "ax",
        x if x == (KISI.0, KISI.1, KISI.2) => "gr",
        x if x == (ALOKASI.0, ALOKASI.1, ALOKASI.2) => "al",
        x if x == (REFERENSI.0, REFERENSI.1, REFERENSI.2) => "ref",
        x if x == (TARGET.0, TARGET.1, TARGET.2) => "tg",
        _ => "",
    }
}

/// A plotters backend writing SVG elements with classes (see the module docs).
struct SvgKelas<'a> {
    lebar: u32,
    tinggi: u32,
    /// Straight lines, merged into one `<path>` per class.
    garis: Vec<(&'static str, String)>,
    /// Shapes, in drawing order.
    bentuk: String,
    /// Text, drawn last so nothing covers it.
    teks: String,
    out: &'a mut String,
}

impl<'a> SvgKelas<'a> {
    fn new(out: &'a mut String, lebar: u32, tinggi: u32) -> SvgKelas<'a> {
        SvgKelas {
            lebar,
            tinggi,
            garis: Vec::new(),
            bentuk: String::new(),
            teks: String::new(),
            out,
        }
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    escape_into(&mut s, text);
    s
}

type Hasil = Result<(), DrawingErrorKind<std::fmt::Error>>;

impl DrawingBackend for SvgKelas<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        (self.lebar, self.tinggi)
    }

    fn ensure_prepared(&mut self) -> Hasil {
        Ok(())
    }

    fn present(&mut self) -> Hasil {
        for (k, d) in &self.garis {
            let _ = write!(self.out, "<path class=\"{k}\" d=\"{d}\"/>");
        }
        self.garis.clear();
        self.out.push_str(&self.bentuk);
        self.bentuk.clear();
        self.out.push_str(&self.teks);
        self.teks.clear();
        Ok(())
    }

    fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> Hasil {
        // charts are drawn with shapes only
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Hasil {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let k = kelas(s.color());
        let d = match self.garis.iter_mut().find(|(c, _)| *c == k) {
            Some((_, d)) => d,
            None => {
                self.garis.push((k, String::new()));
                &mut self
                    .garis
                    .last_mut()
                    .ok_or(DrawingErrorKind::DrawingError(std::fmt::Error))?
                    .1
            }
        };
        // horizontal and vertical lines (all of the axes and grid) in their short forms
        if from.1 == to.1 {
            let _ = write!(d, "M{} {}H{}", from.0, from.1, to.0);
        } else if from.0 == to.0 {
            let _ = write!(d, "M{} {}V{}", from.0, from.1, to.1);
        } else {
            let _ = write!(d, "M{} {}L{} {}", from.0, from.1, to.0, to.1);
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Hasil {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (a.0.min(b.0), a.1.min(b.1));
        let (w, h) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
        let k = kelas(s.color());
        let o = if fill { "" } else { " o" };
        let _ = write!(
            self.bentuk,
            "<rect class=\"{k}{o}\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\"/>"
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Hasil {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let path: Vec<BackendCoord> = path.into_iter().collect();
        let k = kelas(s.color());
        // two-point lines of the axes and reference lines join the per-class `<path>`
        if let [a, b] = path[..]
            && matches!(k, "ax" | "gr" | "ref" | "tg")
        {
            return self.draw_line(a, b, s);
        }
        let mut points = String::new();
        let mut last = None;
        for p in path {
            if last == Some(p) {
                continue;
            }
            if last.is_some() {
                points.push(' ');
            }
            let _ = write!(points, "{},{}", p.0, p.1);
            last = Some(p);
        }
        if points.is_empty() {
            return Ok(());
        }
        let _ = write!(self.bentuk, "<polyline class=\"{k}\" points=\"{points}\"/>");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Hasil {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let o = if fill { "" } else { " o" };
        let _ = write!(
            self.bentuk,
            "<circle class=\"{}{o}\" cx=\"{}\" cy=\"{}\" r=\"{r}\"/>",
            kelas(s.color()),
            c.0,
            c.1
        );
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> Hasil {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let points: Vec<String> = vert
            .into_iter()
            .map(|p| format!("{},{}", p.0, p.1))
            .collect();
        let _ = write!(
            self.bentuk,
            "<polygon class=\"{}\" points=\"{}\"/>",
            kelas(s.color()),
            points.join(" ")
        );
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, s: &T, pos: BackendCoord) -> Hasil {
        if s.color().alpha == 0.0 || text.trim().is_empty() {
            return Ok(());
        }
        let mut k = String::new();
        match s.anchor().h_pos {
            HPos::Left => {}
            HPos::Right => k.push('e'),
            HPos::Center => k.push('m'),
        }
        match s.anchor().v_pos {
            VPos::Top => k.push_str(" t"),
            VPos::Center => k.push_str(" c"),
            VPos::Bottom => {}
        }
        if matches!(s.style(), FontStyle::Bold) {
            k.push_str(" b");
        }
        let k = k.trim();
        let _ = write!(self.teks, "<text x=\"{}\" y=\"{}\"", pos.0, pos.1);
        if !k.is_empty() {
            let _ = write!(self.teks, " class=\"{k}\"");
        }
        self.teks.push('>');
        escape_into(&mut self.teks, text);
        self.teks.push_str("</text>");
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        _: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        // a sans-serif font averages a little over half an em per character
        let w = (text.chars().count() as f64 * HURUF * 0.56).ceil() as u32;
        Ok((w, HURUF as u32))
    }
}

fn gaya_teks(anchor: Pos) -> TextStyle<'static> {
    TextStyle::from(("sans-serif", HURUF).into_font())
        .color(&TEKS)
        .pos(anchor)
}

/// Draws `g` as an `<svg>` element, or an empty string when it has nothing to draw (or plotters
/// fails, which would be a bug: the page still has the table).
pub fn gambar(g: &Grafik, lang: Lang) -> String {
    let tinggi = match &g.isi {
        IsiGrafik::Waktu(_) => 220,
        IsiGrafik::Batang(b) => {
            let legenda = if b.legenda.is_some() { 18 } else { 0 };
            (b.baris.len() as u32) * 30 + 24 + legenda
        }
        IsiGrafik::Beban(b) => tinggi_beban(b),
    };
    let lebar = match &g.isi {
        IsiGrafik::Beban(b) => lebar_beban(b),
        _ => LEBAR,
    };
    let mut isi = String::new();
    let ok = if let IsiGrafik::Beban(b) = &g.isi {
        beban(&mut isi, b, lang)
    } else {
        let backend = SvgKelas::new(&mut isi, LEBAR, tinggi);
        let area = backend.into_drawing_area();
        let drawn = match &g.isi {
            IsiGrafik::Waktu(w) => waktu(&area, w, lang),
            IsiGrafik::Batang(b) => batang(&area, b, lang),
            IsiGrafik::Beban(_) => None,
        };
        drawn.is_some() && area.present().is_ok()
    };
    if !ok || isi.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(isi.len() + g.judul.len() + g.deskripsi.len() + 200);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"grafik\" viewBox=\"0 0 {lebar} {tinggi}\" role=\"img\" aria-labelledby=\"{id}-j\" aria-describedby=\"{id}-d\"><title id=\"{id}-j\">{}</title><desc id=\"{id}-d\">{}</desc>",
        escape(&g.judul),
        escape(&g.deskripsi),
        id = g.id,
    );
    out.push_str(&isi);
    out.push_str("</svg>");
    out
}

/// One line through `points` (plotters' `LineSeries` needs a feature beyond `svg_backend`).
fn linja<X: Clone, Y: Clone>(
    points: impl IntoIterator<Item = (X, Y)>,
    warna: RGBColor,
) -> [PathElement<(X, Y)>; 1] {
    [PathElement::new(
        points.into_iter().collect::<Vec<_>>(),
        warna,
    )]
}

type Area<'a, 'b> = DrawingArea<SvgKelas<'b>, Shift>;

/// Cumulative realisation per day as a share of the allocation, one line per programme, with
/// the 100% line, the target day and each line's label at its end.
fn waktu(area: &Area, w: &GrafikWaktu, lang: Lang) -> Option<()> {
    let mulai = crate::analysis::harian::nomor_hari(w.mulai);
    let hari = (crate::analysis::harian::nomor_hari(w.sampai) - mulai).max(1);
    let persen_seri: Vec<Vec<f64>> = w
        .seri
        .iter()
        .map(|s| {
            s.kumulatif
                .iter()
                .map(|&k| {
                    if s.alokasi == 0 {
                        0.0
                    } else {
                        k as f64 * 100.0 / s.alokasi as f64
                    }
                })
                .collect()
        })
        .collect();
    let puncak = persen_seri
        .iter()
        .flatten()
        .fold(100.0f64, |a, &b| a.max(b));
    // room above the 100% line for its label and the target's
    let atas = (puncak / 25.0).ceil() * 25.0 + 15.0;
    // a day on the axis; with its year when that is not the year the axis starts in
    let tanggal = |d: &i32| {
        w.mulai
            .checked_add(jiff::Span::new().days(i64::from(*d)))
            .map(|t| {
                if t.year() == w.mulai.year() {
                    tanggal_singkat(t, lang)
                } else {
                    format!("{} {}", tanggal_singkat(t, lang), t.year())
                }
            })
            .unwrap_or_default()
    };
    // room on the right for the longest end-of-line label
    let panjang = w
        .seri
        .iter()
        .map(|s| s.label.chars().count())
        .max()
        .unwrap_or(0);
    let kanan = ((panjang as f64 * HURUF * 0.7) as u32 + 6).clamp(40, LEBAR / 2);
    let mut chart = ChartBuilder::on(area)
        .margin_top(8)
        .margin_left(4)
        .margin_right(kanan)
        .margin_bottom(4)
        .x_label_area_size(18)
        .y_label_area_size(38)
        .build_cartesian_2d(0i32..hari, 0f64..atas)
        .ok()?;
    let label = gaya_teks(Pos::new(HPos::Center, VPos::Top));
    let persen_sumbu = |v: &f64| format!("{v:.0}%");
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(KISI)
        .light_line_style(TRANSPARENT)
        .axis_style(SUMBU)
        .x_labels(4)
        .y_labels(5)
        .x_label_formatter(&tanggal)
        .y_label_formatter(&persen_sumbu)
        .label_style(label)
        .draw()
        .ok()?;

    // the allocation (100%) and the target day
    chart
        .draw_series(linja([(0, 100.0), (hari, 100.0)], REFERENSI))
        .ok()?;
    let seratus = chart.backend_coord(&(0, 100.0));
    area.draw(&Text::new(
        w.label_alokasi.clone(),
        (seratus.0 + 4, seratus.1 - 3),
        gaya_teks(Pos::new(HPos::Left, VPos::Bottom)),
    ))
    .ok()?;
    if let Some(t) = w.target {
        let x = crate::analysis::harian::nomor_hari(t) - mulai;
        if (0..=hari).contains(&x) {
            chart
                .draw_series(linja([(x, 0.0), (x, atas)], TARGET))
                .ok()?;
            let (anchor, dx) = if x > hari / 2 {
                (HPos::Right, -3)
            } else {
                (HPos::Left, 3)
            };
            let pos = chart.backend_coord(&(x, atas));
            area.draw(&Text::new(
                w.label_target.clone(),
                (pos.0 + dx, pos.1 + 2),
                gaya_teks(Pos::new(anchor, VPos::Top)),
            ))
            .ok()?;
        }
    }

    // the lines, with their labels at their ends pushed apart so they do not overlap
    let mut ujung: Vec<(i32, i32, usize)> = Vec::new();
    for (i, seri) in persen_seri.iter().enumerate() {
        let warna = SERI[i % SERI.len()];
        let mut titik: Vec<(i32, f64)> = Vec::new();
        for (d, &v) in seri.iter().enumerate() {
            let d = d as i32;
            // a point where the line turns: the first, the last, and where the value changes
            let berubah = d == 0 || seri[d as usize - 1] != v;
            let akhir = d as usize + 1 == seri.len();
            if berubah && d > 0 {
                titik.push((d - 1, seri[d as usize - 1]));
            }
            if berubah || akhir {
                titik.push((d, v));
            }
        }
        titik.dedup();
        let Some(&terakhir) = titik.last() else {
            continue;
        };
        chart.draw_series(linja(titik, warna)).ok()?;
        let p = chart.backend_coord(&terakhir);
        ujung.push((p.0, p.1, i));
    }
    ujung.sort_by_key(|&(_, y, i)| (y, i));
    // the labels stand in the right margin, clear of the target line
    let x = chart.backend_coord(&(hari, 0.0)).0;
    let mut bawah_sebelumnya = i32::MIN;
    for (_, y, i) in ujung {
        let y = y.max(bawah_sebelumnya.saturating_add(HURUF as i32 + 1));
        bawah_sebelumnya = y;
        area.draw(&Text::new(
            w.seri[i].label.clone(),
            (x + 4, y),
            gaya_teks(Pos::new(HPos::Left, VPos::Center)),
        ))
        .ok()?;
    }
    Some(())
}

/// Horizontal bars with their labels above them; the outline is the full extent (the
/// allocation, or 100%), the fill the value.
fn batang(area: &Area, b: &GrafikBatang, lang: Lang) -> Option<()> {
    if b.baris.is_empty() {
        return None;
    }
    let puncak = b
        .baris
        .iter()
        .fold(0.0f64, |a, r| a.max(r.penuh).max(r.isi));
    // a rate chart always reaches 100%; a KPM chart its largest allocation
    let kanan = puncak.max(1.0);
    let n = b.baris.len() as f64;
    let legenda = if b.legenda.is_some() { 18 } else { 0 };
    let (area_legenda, area_batang) = area.split_vertically(legenda);
    // room for half of the first and last axis labels, which are centred on their ticks
    let mut chart = ChartBuilder::on(&area_batang)
        .margin_left(16)
        .margin_right(22)
        .margin_top(4)
        .x_label_area_size(20)
        .build_cartesian_2d(0f64..kanan, 0f64..n)
        .ok()?;
    let label = gaya_teks(Pos::new(HPos::Center, VPos::Top));
    let sumbu = |v: &f64| match b.satuan {
        Satuan::Persen => persen(*v, lang).replace(",0%", "%").replace(".0%", "%"),
        Satuan::Kpm => ribuan(v.round() as i64, lang),
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .bold_line_style(KISI)
        .light_line_style(TRANSPARENT)
        .axis_style(SUMBU)
        .x_labels(5)
        .x_label_formatter(&sumbu)
        .label_style(label)
        .draw()
        .ok()?;
    if b.satuan == Satuan::Persen {
        chart
            .draw_series(linja([(1.0, 0.0), (1.0, n)], REFERENSI))
            .ok()?;
    }
    for (i, r) in b.baris.iter().enumerate() {
        // row i from the top: its label in the upper part of the band, its bar below
        let atas = n - i as f64;
        let bar_atas = atas - 0.5;
        let bar_bawah = atas - 0.9;
        if r.penuh > 0.0 {
            chart
                .draw_series([Rectangle::new(
                    [(0.0, bar_atas), (r.penuh, bar_bawah)],
                    Color::stroke_width(&ALOKASI, 1),
                )])
                .ok()?;
        }
        if r.isi > 0.0 {
            chart
                .draw_series([Rectangle::new(
                    [(0.0, bar_atas), (r.isi.min(kanan), bar_bawah)],
                    SERI[0].filled(),
                )])
                .ok()?;
        }
        let kiri = chart.backend_coord(&(0.0, bar_atas));
        let kanan_px = chart.backend_coord(&(kanan, bar_atas));
        area.draw(&Text::new(
            r.label.clone(),
            (kiri.0, kiri.1 - 3),
            gaya_teks(Pos::new(HPos::Left, VPos::Bottom)),
        ))
        .ok()?;
        area.draw(&Text::new(
            r.nilai_label.clone(),
            (kanan_px.0, kanan_px.1 - 3),
            gaya_teks(Pos::new(HPos::Right, VPos::Bottom)),
        ))
        .ok()?;
    }
    if let Some((penuh, isi)) = &b.legenda {
        // outside the plotting area: a filled and an outlined swatch with their names
        let y = 4;
        let x0 = 4;
        let area = &area_legenda;
        area.draw(&Rectangle::new(
            [(x0, y), (x0 + 14, y + 10)],
            SERI[0].filled(),
        ))
        .ok()?;
        area.draw(&Text::new(
            isi.clone(),
            (x0 + 18, y + 5),
            gaya_teks(Pos::new(HPos::Left, VPos::Center)),
        ))
        .ok()?;
        let x1 = x0 + 18 + (isi.chars().count() as f64 * HURUF * 0.56) as i32 + 14;
        area.draw(&Rectangle::new(
            [(x1, y), (x1 + 14, y + 10)],
            Color::stroke_width(&ALOKASI, 1),
        ))
        .ok()?;
        area.draw(&Text::new(
            penuh.clone(),
            (x1 + 18, y + 5),
            gaya_teks(Pos::new(HPos::Left, VPos::Center)),
        ))
        .ok()?;
    }
    Some(())
}

/// The load grid's layout: the names' column, the header (months and days), a row per point,
/// the legend.
const BEBAN_LABEL: i64 = 112;
const BEBAN_KEPALA: i64 = 32;
const BEBAN_BARIS: i64 = 18;
const BEBAN_LEGENDA: i64 = 26;

/// The narrowest a day's column gets; a longer schedule makes the grid wider than [`LEBAR`].
const BEBAN_SEL_MIN: i64 = 4;
const BEBAN_SEL_MAKS: i64 = 48;

fn lebar_sel(b: &GrafikBeban) -> i64 {
    let n = (b.hari.len() as i64).max(1);
    ((LEBAR as i64 - BEBAN_LABEL - 4) / n).clamp(BEBAN_SEL_MIN, BEBAN_SEL_MAKS)
}

fn lebar_beban(b: &GrafikBeban) -> u32 {
    (LEBAR as i64).max(BEBAN_LABEL + b.hari.len() as i64 * lebar_sel(b) + 4) as u32
}

fn tinggi_beban(b: &GrafikBeban) -> u32 {
    (BEBAN_KEPALA + b.baris.len() as i64 * BEBAN_BARIS + BEBAN_LEGENDA) as u32
}

/// A label cut to `lebar` view-box units, with `…` when cut.
fn potong(label: &str, lebar: i64) -> String {
    let muat = ((lebar as f64) / (HURUF * 0.56)).floor() as usize;
    if label.chars().count() <= muat {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(muat.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

fn teks_svg(out: &mut String, x: i64, y: i64, kelas: &str, text: &str) {
    let _ = write!(out, "<text x=\"{x}\" y=\"{y}\"");
    if !kelas.is_empty() {
        let _ = write!(out, " class=\"{kelas}\"");
    }
    out.push('>');
    escape_into(out, text);
    out.push_str("</text>");
}

/// Writes the load grid: a column per day (the month above its first day, the day's number
/// above each column, every few days when columns are narrow), a row per payment point with
/// its name on the left, each cell filled by its [`KelasBeban`] and an over-capacity cell
/// marked `!` as well, and a legend below. `false` when there is nothing to draw.
fn beban(out: &mut String, b: &GrafikBeban, lang: Lang) -> bool {
    let n = b.hari.len() as i64;
    if n == 0 || b.baris.is_empty() {
        return false;
    }
    let lebar_sel = lebar_sel(b);
    let celah = if lebar_sel >= 10 { 2 } else { 1 };
    // the day numbers need about 16 units each
    let setiap = (16 + lebar_sel - 1) / lebar_sel;
    let mut teks = String::new();
    let mut bulan_lalu = None;
    for (i, d) in b.hari.iter().enumerate() {
        let x = BEBAN_LABEL + i as i64 * lebar_sel;
        if bulan_lalu != Some((d.year(), d.month())) {
            bulan_lalu = Some((d.year(), d.month()));
            let label = format!("{} {}", lang.month_short(d.month()), d.year());
            teks_svg(&mut teks, x, 12, "", &label);
        }
        if i as i64 % setiap == 0 {
            teks_svg(
                &mut teks,
                x + (lebar_sel - celah) / 2,
                BEBAN_KEPALA - 6,
                "m",
                &d.day().to_string(),
            );
        }
    }
    let mut sel: [String; 5] = Default::default();
    for (r, baris) in b.baris.iter().enumerate() {
        let y = BEBAN_KEPALA + r as i64 * BEBAN_BARIS;
        teks_svg(
            &mut teks,
            BEBAN_LABEL - 6,
            y + (BEBAN_BARIS - 2) / 2,
            "e c",
            &potong(&baris.label, BEBAN_LABEL - 8),
        );
        for (i, beban) in baris.beban.iter().enumerate() {
            let x = BEBAN_LABEL + i as i64 * lebar_sel;
            let k = KelasBeban::dari(*beban);
            let _ = write!(
                sel[k as usize],
                "M{x} {y}h{}v{}h-{}z",
                lebar_sel - celah,
                BEBAN_BARIS - 2,
                lebar_sel - celah
            );
            if k == KelasBeban::Melebihi && lebar_sel >= 10 {
                teks_svg(
                    &mut teks,
                    x + (lebar_sel - celah) / 2,
                    y + (BEBAN_BARIS - 2) / 2,
                    "m c b w",
                    "!",
                );
            }
        }
    }
    // the legend: a swatch and a label per class, on one line
    let y = BEBAN_KEPALA + b.baris.len() as i64 * BEBAN_BARIS + 8;
    let mut x = 4;
    for k in KelasBeban::SEMUA {
        let _ = write!(sel[k as usize], "M{x} {y}h12v12h-12z");
        let label = k.label(&b.kosong);
        teks_svg(&mut teks, x + 16, y + 6, "c", label);
        x += 16 + (label.chars().count() as f64 * HURUF * 0.56).ceil() as i64 + 12;
    }
    for k in KelasBeban::SEMUA {
        let _ = write!(
            out,
            "<path class=\"{}\" d=\"{}\"/>",
            k.css(),
            sel[k as usize]
        );
    }
    out.push_str(&teks);
    true
}
