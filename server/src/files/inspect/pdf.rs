//! A PDF: one document from `%PDF-` to its last `%%EOF`, nothing after it but line ends, and no
//! active content however it is spelled. Names are read as a PDF reader reads them (`#xx`
//! escapes undone, so `/J#61vaScript` is `/JavaScript`), and compressed streams — where object
//! streams hide whole dictionaries — are inflated, within limits, and read the same way. A stream
//! of objects in a compression this check cannot undo is refused: what cannot be read cannot be
//! vouched for.

use super::{find_last, Rejection, MAX_PACKING_RATIO, MAX_UNPACKED_BYTES};
use std::io::Read;

/// Names that make a PDF run or carry something: scripts, launch actions, embedded files, rich
/// media, forms that submit or import data, and XFA forms (which carry scripts of their own).
const ACTIVE_NAMES: [&[u8]; 9] = [
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"SubmitForm",
    b"ImportData",
    b"XFA",
];
/// The most streams read from one file.
const MAX_STREAMS: usize = 20_000;

/// Checks a PDF.
pub(super) fn check(bytes: &[u8]) -> Result<(), Rejection> {
    let end = find_last(bytes, b"%%EOF").ok_or(Rejection::Damaged)?;
    if !bytes[end + 5..].iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Rejection::Damaged);
    }
    let streams: Vec<Stream> = streams(bytes).take(MAX_STREAMS + 1).collect();
    if streams.len() > MAX_STREAMS {
        return Err(Rejection::TooBig);
    }
    // The document's own text: everything but the streams' data (pictures and fonts are
    // binary, where a name would only be chance).
    let mut outside = 0;
    for stream in streams.iter().map(|s| s.data.clone()).chain(std::iter::once(bytes.len()..bytes.len())) {
        if has_active_name(&bytes[outside..stream.start]) {
            return Err(Rejection::Active);
        }
        outside = stream.end;
    }
    let allowed =
        MAX_UNPACKED_BYTES.min(u64::try_from(bytes.len()).unwrap_or(u64::MAX).saturating_mul(MAX_PACKING_RATIO));
    let mut inflated_total = 0u64;
    for stream in streams {
        let (dictionary, data) = (&bytes[stream.dictionary], &bytes[stream.data]);
        // Dictionaries hide only in object streams; other streams draw pages or hold pictures,
        // fonts and cross-references.
        if !names(dictionary).any(|n| n == b"ObjStm") {
            continue;
        }
        let filters = names(dictionary).filter(|n| n.ends_with(b"Decode")).collect::<Vec<_>>();
        match filters.as_slice() {
            [] => {
                if has_active_name(data) {
                    return Err(Rejection::Active);
                }
            }
            [flate] if flate == b"FlateDecode" => {
                let left = allowed - inflated_total;
                let mut inflated = Vec::new();
                let read = flate2::read::ZlibDecoder::new(data)
                    .take(left + 1)
                    .read_to_end(&mut inflated)
                    .unwrap_or(inflated.len());
                inflated_total += u64::try_from(read).unwrap_or(u64::MAX);
                if inflated_total > allowed {
                    return Err(Rejection::TooBig);
                }
                if has_active_name(&inflated) {
                    return Err(Rejection::Active);
                }
            }
            _ => return Err(Rejection::Active),
        }
    }
    Ok(())
}

/// Whether any name in `bytes`, its escapes undone, is one of [`ACTIVE_NAMES`].
fn has_active_name(bytes: &[u8]) -> bool {
    names(bytes).any(|name| ACTIVE_NAMES.contains(&name.as_slice()))
}

/// Every name (`/Name`) in `bytes`, with its `#xx` escapes undone.
fn names(bytes: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes.get(at..)?.iter().position(|b| *b == b'/')? + 1;
        let end = bytes[start..].iter().position(|b| ends_name(*b)).map_or(bytes.len(), |n| start + n);
        at = end;
        Some(unescape(&bytes[start..end]))
    })
}

/// Whether `b` ends a name: white space or a delimiter.
fn ends_name(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0 || b"()<>[]{}/%".contains(&b)
}

/// A name's bytes with `#xx` turned into the byte they stand for.
fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut k = 0;
    while k < raw.len() {
        let hex = raw
            .get(k + 1..k + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (raw[k], hex) {
            (b'#', Some(byte)) => {
                out.push(byte);
                k += 3;
            }
            (byte, _) => {
                out.push(byte);
                k += 1;
            }
        }
    }
    out
}

/// Where a stream's dictionary (the text since the previous `obj`) and its data (from after
/// `stream` and its line end to `endstream`) are.
struct Stream {
    dictionary: std::ops::Range<usize>,
    data: std::ops::Range<usize>,
}

/// Every stream of `bytes`, in order.
fn streams(bytes: &[u8]) -> impl Iterator<Item = Stream> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let found = at + find(&bytes[at..], b"stream")?;
        let after = found + b"stream".len();
        at = after;
        // `endstream` also contains `stream`: only a keyword that starts a stream counts.
        if found >= 3 && &bytes[found - 3..found] == b"end" {
            continue;
        }
        let data_start = match bytes.get(after..after + 2) {
            Some(b"\r\n") => after + 2,
            Some([b'\n', _]) | Some([b'\r', _]) => after + 1,
            _ => continue,
        };
        let data_end = data_start + find(&bytes[data_start..], b"endstream")?;
        let dictionary_start = bytes[..found].windows(3).rposition(|w| w == b"obj").unwrap_or(0);
        at = data_end;
        return Some(Stream { dictionary: dictionary_start..found, data: data_start..data_end });
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::super::{inspect, samples, Rejection};
    use std::io::Write;

    fn with_catalog(extra: &str) -> Vec<u8> {
        let pdf = String::from_utf8(samples::pdf("Hi")).expect("ascii");
        pdf.replace("/Type /Catalog", &format!("/Type /Catalog {extra}")).into_bytes()
    }

    /// A PDF with an object stream holding `objects`, compressed.
    fn with_object_stream(objects: &str, filter: &str) -> Vec<u8> {
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        zlib.write_all(objects.as_bytes()).expect("deflate");
        let data = zlib.finish().expect("deflate");
        let mut object =
            format!("9 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter {filter} /Length {} >>\nstream\n", data.len())
                .into_bytes();
        object.extend_from_slice(&data);
        object.extend_from_slice(b"\nendstream\nendobj\n");
        let mut pdf = samples::pdf("Hi");
        let at = pdf.windows(4).position(|w| w == b"xref").expect("xref");
        pdf.splice(at..at, object);
        pdf
    }

    #[test]
    fn active_content_is_refused_however_it_is_spelled() {
        assert!(inspect(&samples::pdf("Hello")).is_ok());
        for extra in [
            "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
            "/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>",
            "/OpenAction << /S /#4C#61#75#6E#63#68 /F (calc.exe) >>",
            "/Names << /EmbeddedFiles 7 0 R >>",
            "/AcroForm << /XFA 8 0 R >>",
        ] {
            assert_eq!(inspect(&with_catalog(extra)).err(), Some(Rejection::Active), "{extra}");
        }
        // A script inside a compressed object stream.
        let hidden = with_object_stream("7 0 << /S /JavaScript /JS (app.alert(1)) >>", "/FlateDecode");
        assert_eq!(inspect(&hidden).err(), Some(Rejection::Active));
        let plain = with_object_stream("7 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", "/FlateDecode");
        assert!(inspect(&plain).is_ok());
        // Objects in a compression that is not undone here cannot be vouched for.
        let opaque = with_object_stream("7 0 << /S /JavaScript >>", "[/ASCIIHexDecode /FlateDecode]");
        assert_eq!(inspect(&opaque).err(), Some(Rejection::Active));
    }

    #[test]
    fn a_stream_that_inflates_to_far_more_than_the_file_is_refused() {
        let bomb = with_object_stream(&" ".repeat(50 << 20), "/FlateDecode");
        assert!(bomb.len() < 200_000, "{}", bomb.len());
        assert_eq!(inspect(&bomb).err(), Some(Rejection::TooBig));
    }
}
