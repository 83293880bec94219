//! EXIF metadata in JPEG photos: a phone's photo of a screen or a document
//! carries where it was taken (GPS) and the device. [`inspect`] says
//! whether a JPEG carries EXIF and GPS; [`strip`] makes a copy without the
//! metadata segments, for the widget to upload instead.
//!
//! A JPEG is a series of segments (`FF xx` marker, 2-byte big-endian
//! length counting itself, data) up to the start of scan (`FF DA`), after
//! which the compressed image runs to the end. EXIF lives in an APP1
//! segment starting `Exif\0\0` (a TIFF structure; GPS is the IFD0 entry
//! with tag `0x8825`); XMP in an APP1 starting with the Adobe namespace can
//! carry the same facts. Every read is bounds-checked: truncated or forged
//! input gives an error, never a panic.
//!
//! Stripping drops every APP1 segment (EXIF and XMP) and nothing else:
//! the image data, the colour profile (APP2) and the JFIF header stay. One
//! fact comes back: a photo taken with the phone turned says so in the
//! EXIF Orientation tag, and without it would show sideways to support.
//! When the EXIF had an orientation other than "normal", the copy gets a
//! new EXIF segment holding that one tag, nothing else.
//!
//! The receiver does not strip (the bytes it stores are the bytes whose
//! SHA-256 the ticket names); it records what [`inspect`] found.

const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;
const APP1: u8 = 0xE1;
const EXIF_HEADER: &[u8] = b"Exif\0\0";
const XMP_HEADER: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const GPS_IFD_TAG: u16 = 0x8825;
const ORIENTATION_TAG: u16 = 0x0112;
const SHORT: u16 = 3;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// An EXIF segment is present.
    pub exif: bool,
    /// The EXIF points to GPS data (a location).
    pub gps: bool,
    /// An XMP segment is present (it may hold a location too).
    pub xmp: bool,
    /// The EXIF holds more than the orientation (the device, the time…),
    /// or cannot be read to tell.
    pub device: bool,
}

impl Metadata {
    /// Anything worth removing: an EXIF with only the orientation is not.
    pub fn any(self) -> bool {
        self.device || self.gps || self.xmp
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JpegError {
    NotJpeg,
    /// A segment runs past the end, or a marker is missing.
    Malformed,
}

struct Segment<'a> {
    marker: u8,
    /// From the `FF` of the marker to the end of the segment.
    whole: &'a [u8],
    data: &'a [u8],
}

/// The segments before the scan, and the offset where the scan (or the
/// end of the image) starts.
fn segments(bytes: &[u8]) -> Result<(Vec<Segment<'_>>, usize), JpegError> {
    if bytes.get(..2) != Some(&[0xFF, SOI][..]) {
        return Err(JpegError::NotJpeg);
    }
    let mut list = Vec::new();
    let mut at = 2;
    loop {
        if bytes.get(at) != Some(&0xFF) {
            return Err(JpegError::Malformed);
        }
        let start = at;
        // Any number of fill bytes may precede a marker.
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let marker = *bytes.get(at).ok_or(JpegError::Malformed)?;
        at += 1;
        match marker {
            SOS | EOI => return Ok((list, start)),
            // Standalone markers: no length.
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let length = bytes.get(at..at + 2).ok_or(JpegError::Malformed)?;
        let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
        if length < 2 {
            return Err(JpegError::Malformed);
        }
        let end = at.checked_add(length).ok_or(JpegError::Malformed)?;
        let data = bytes.get(at + 2..end).ok_or(JpegError::Malformed)?;
        list.push(Segment {
            marker,
            whole: &bytes[start..end],
            data,
        });
        at = end;
    }
}

/// What metadata a JPEG carries.
pub fn inspect(bytes: &[u8]) -> Result<Metadata, JpegError> {
    let (list, _) = segments(bytes)?;
    let mut found = Metadata::default();
    for segment in list.iter().filter(|s| s.marker == APP1) {
        if let Some(tiff) = segment.data.strip_prefix(EXIF_HEADER) {
            let tags = ifd0(tiff);
            found.exif = true;
            found.gps |= tags.as_ref().is_some_and(|t| t.has(GPS_IFD_TAG));
            found.device |= tags.is_none_or(|t| t.entries.iter().any(|e| e.tag != ORIENTATION_TAG));
        } else if segment.data.starts_with(XMP_HEADER) {
            found.xmp = true;
        }
    }
    Ok(found)
}

/// A copy of the JPEG without its APP1 (EXIF and XMP) segments, but for
/// an orientation other than "normal", kept where the EXIF was.
pub fn strip(bytes: &[u8]) -> Result<Vec<u8>, JpegError> {
    let (list, scan) = segments(bytes)?;
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, SOI]);
    let mut orientation_kept = false;
    for segment in &list {
        if segment.marker != APP1 {
            out.extend_from_slice(segment.whole);
            continue;
        }
        let turned = segment
            .data
            .strip_prefix(EXIF_HEADER)
            .and_then(ifd0)
            .and_then(|t| t.orientation())
            .filter(|o| (2..=8).contains(o));
        if let (Some(orientation), false) = (turned, orientation_kept) {
            out.extend_from_slice(&orientation_only(orientation));
            orientation_kept = true;
        }
    }
    out.extend_from_slice(bytes.get(scan..).unwrap_or_default());
    Ok(out)
}

/// An APP1 segment with an EXIF whose IFD0 holds the orientation alone
/// (big-endian TIFF: header, one entry, no next IFD).
fn orientation_only(orientation: u16) -> Vec<u8> {
    let mut tiff = b"MM\0*\0\0\0\x08\0\x01".to_vec();
    tiff.extend_from_slice(&ORIENTATION_TAG.to_be_bytes());
    tiff.extend_from_slice(&SHORT.to_be_bytes());
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let length = 2 + EXIF_HEADER.len() + tiff.len();
    let mut segment = vec![0xFF, APP1];
    segment.extend_from_slice(&u16::try_from(length).unwrap_or(u16::MAX).to_be_bytes());
    segment.extend_from_slice(EXIF_HEADER);
    segment.extend_from_slice(&tiff);
    segment
}

/// One IFD0 entry: its tag, type, and the 4 bytes of its value or offset.
struct Entry {
    tag: u16,
    kind: u16,
    value: [u8; 4],
}

struct Ifd0 {
    big_endian: bool,
    entries: Vec<Entry>,
}

impl Ifd0 {
    fn has(&self, tag: u16) -> bool {
        self.entries.iter().any(|e| e.tag == tag)
    }

    /// The Orientation tag's value (1 to 8 when valid), if it is a SHORT.
    fn orientation(&self) -> Option<u16> {
        let e = self
            .entries
            .iter()
            .find(|e| e.tag == ORIENTATION_TAG && e.kind == SHORT)?;
        let pair = [e.value[0], e.value[1]];
        Some(if self.big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        })
    }
}

/// The entries of IFD0 of a TIFF structure, or `None` if it cannot be read.
fn ifd0(tiff: &[u8]) -> Option<Ifd0> {
    let big_endian = match tiff.get(..4)? {
        b"MM\0*" => true,
        b"II*\0" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b = tiff.get(at..at.checked_add(2)?)?;
        Some(if big_endian {
            u16::from_be_bytes([b[0], b[1]])
        } else {
            u16::from_le_bytes([b[0], b[1]])
        })
    };
    let b = tiff.get(4..8)?;
    let offset = if big_endian {
        u32::from_be_bytes([b[0], b[1], b[2], b[3]])
    } else {
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    };
    let ifd = usize::try_from(offset).ok()?;
    let count = usize::from(u16_at(ifd)?);
    let entries = (0..count)
        .map(|i| {
            let at = ifd.checked_add(2 + 12 * i)?;
            let value = tiff.get(at.checked_add(8)?..at.checked_add(12)?)?;
            Some(Entry {
                tag: u16_at(at)?,
                kind: u16_at(at + 2)?,
                value: [value[0], value[1], value[2], value[3]],
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Ifd0 {
        big_endian,
        entries,
    })
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// A minimal JPEG: SOI, APP0 (JFIF), an optional APP1 `app1`, a
    /// quantisation table, the scan and EOI.
    pub fn jpeg(app1: Option<&[u8]>) -> Vec<u8> {
        let mut b = vec![0xFF, SOI];
        b.extend_from_slice(b"\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00");
        if let Some(data) = app1 {
            b.extend_from_slice(&[0xFF, APP1]);
            b.extend_from_slice(&u16::try_from(data.len() + 2).unwrap().to_be_bytes());
            b.extend_from_slice(data);
        }
        b.extend_from_slice(b"\xFF\xDB\x00\x04\x00\x01");
        b.extend_from_slice(b"\xFF\xDA\x00\x02\x12\x34\xFF\x00\x56\xFF\xD9");
        b
    }

    /// EXIF with IFD0 holding `tags` (little-endian TIFF).
    pub fn exif(tags: &[u16]) -> Vec<u8> {
        let mut d = EXIF_HEADER.to_vec();
        d.extend_from_slice(b"II*\0\x08\0\0\0");
        d.extend_from_slice(&u16::try_from(tags.len()).unwrap().to_le_bytes());
        for tag in tags {
            d.extend_from_slice(&tag.to_le_bytes());
            d.extend_from_slice(&[4, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
        }
        d.extend_from_slice(&[0, 0, 0, 0]);
        d
    }

    /// EXIF with IFD0 holding `(tag, type, value)` entries (little-endian).
    fn exif_with(entries: &[(u16, u16, u16)]) -> Vec<u8> {
        let mut d = EXIF_HEADER.to_vec();
        d.extend_from_slice(b"II*\0\x08\0\0\0");
        d.extend_from_slice(&u16::try_from(entries.len()).unwrap().to_le_bytes());
        for (tag, kind, value) in entries {
            d.extend_from_slice(&tag.to_le_bytes());
            d.extend_from_slice(&kind.to_le_bytes());
            d.extend_from_slice(&1u32.to_le_bytes());
            d.extend_from_slice(&value.to_le_bytes());
            d.extend_from_slice(&[0, 0]);
        }
        d.extend_from_slice(&[0, 0, 0, 0]);
        d
    }

    /// The orientation in the (first) EXIF of `bytes`.
    fn orientation_of(bytes: &[u8]) -> Option<u16> {
        let (list, _) = segments(bytes).ok()?;
        list.iter()
            .find_map(|s| s.data.strip_prefix(EXIF_HEADER))
            .and_then(ifd0)?
            .orientation()
    }

    #[test]
    fn a_turned_photo_keeps_its_orientation_and_nothing_else() {
        let make = (0x010F, 2, 0);
        let gps = (GPS_IFD_TAG, 4, 26);
        let turned = jpeg(Some(&exif_with(&[make, (ORIENTATION_TAG, SHORT, 6), gps])));
        let found = inspect(&turned).unwrap();
        assert!(found.device && found.gps && found.any());
        let stripped = strip(&turned).unwrap();
        let after = inspect(&stripped).unwrap();
        assert!(after.exif && !after.any(), "{after:?}");
        assert_eq!(orientation_of(&stripped), Some(6));
        // Stripping again changes nothing; the rest is the plain JPEG's.
        assert_eq!(strip(&stripped).unwrap(), stripped);
        assert_eq!(stripped.len(), jpeg(None).len() + orientation_only(6).len());
        // "Normal" (1), or no valid value, is not worth a segment.
        for value in [1, 0, 9] {
            let upright = jpeg(Some(&exif_with(&[make, (ORIENTATION_TAG, SHORT, value)])));
            assert_eq!(strip(&upright).unwrap(), jpeg(None), "{value}");
        }
        // An orientation alone is nothing to remove.
        let alone = jpeg(Some(&exif_with(&[(ORIENTATION_TAG, SHORT, 8)])));
        assert!(!inspect(&alone).unwrap().any());
    }

    #[test]
    fn finds_exif_and_gps() {
        assert_eq!(inspect(&jpeg(None)), Ok(Metadata::default()));
        let camera = inspect(&jpeg(Some(&exif(&[0x010F, 0x0112])))).unwrap();
        assert!(camera.exif && camera.device && !camera.gps);
        let located = inspect(&jpeg(Some(&exif(&[0x010F, GPS_IFD_TAG])))).unwrap();
        assert!(located.exif && located.gps);
        let xmp = [XMP_HEADER, b"<x:xmpmeta/>"].concat();
        assert!(inspect(&jpeg(Some(&xmp))).unwrap().xmp);
    }

    #[test]
    fn stripping_removes_app1_only() {
        let with = jpeg(Some(&exif(&[GPS_IFD_TAG])));
        let stripped = strip(&with).unwrap();
        assert_eq!(stripped, jpeg(None));
        assert_eq!(inspect(&stripped), Ok(Metadata::default()));
        assert_eq!(strip(&jpeg(None)).unwrap(), jpeg(None));
    }

    #[test]
    fn truncated_or_foreign_input_is_an_error() {
        let with = jpeg(Some(&exif(&[GPS_IFD_TAG])));
        for cut in 0..30 {
            assert!(inspect(&with[..cut]).is_err(), "{cut}");
            assert!(strip(&with[..cut]).is_err(), "{cut}");
        }
        assert_eq!(inspect(b"\x89PNG"), Err(JpegError::NotJpeg));
        assert_eq!(
            inspect(b"\xFF\xD8\xFF\xE1\x00\x01"),
            Err(JpegError::Malformed)
        );
    }
}
