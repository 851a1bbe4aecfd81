use super::*;
use crate::syllable::Tone;

/// Written for these tests: every letter of the alphabet with every tone it takes.
const PARAGRAPH: &str =
    "Kế hoạch hành động của tỉnh nhằm thực hiện các mục tiêu phát triển bền vững \
đến năm 2030: giảm nghèo, bảo đảm y tế, giáo dục và nước sạch cho mọi người dân; \
ưu tiên trẻ em, phụ nữ và người khuyết tật. Quỹ hỗ trợ sẽ được kiểm tra hằng quý; \
ắt hẳn kẽ hở ở đầu nguồn sẽ được lấp, lũy tre xanh mướt, thuở ấy ỷ lại, \
khuỷu tay, quyển vở, ngoẹo cổ, cũng như vậy ỵ; ặc ằn ẵm ẳng ẩm ẫm ậu ấm ầm ẹ ẽ ề ễ ệ ể ĩ ị ỉ \
ỏ õ ọ ồ ổ ỗ ộ ờ ở ỡ ớ ợ ừ ử ữ ứ ự ỳ ỷ ỹ ý ủ ũ ụ ù ú.";

/// Capitals: TCVN3 has none with tones, VNI has all.
const CAPITALS: &str = "Đ Ă Â Ê Ô Ơ Ư Việt Nam";
const VNI_CAPITALS: &str = "ĐỒNG THÁP, ỦY BAN NHÂN DÂN TỈNH, QUẢNG NGÃI, ƯỚC TÍNH, Ỵ";

#[test]
fn tcvn3_round_trip() {
    let text = format!("{PARAGRAPH} {CAPITALS}");
    let bytes = tcvn3::encode(&text).unwrap_or_else(|| panic!("unencodable"));
    assert!(!bytes.is_ascii());
    assert_eq!(decode(&bytes, LegacyEncoding::Tcvn3), text);
    // A letter no TCVN3 font has a code for.
    assert_eq!(tcvn3::encode("Ấ"), None);
}

#[test]
fn tcvn3_chart_samples() {
    // "tỉnh" and "được" as TCVN3 bytes read from the chart.
    assert_eq!(decode(b"t\xD8nh", LegacyEncoding::Tcvn3), "tỉnh");
    assert_eq!(decode(b"\xAE\xAD\xEEc", LegacyEncoding::Tcvn3), "được");
}

#[test]
fn vni_round_trip() {
    let text = format!("{PARAGRAPH} {CAPITALS} {VNI_CAPITALS}");
    let bytes = vni::encode(&text).unwrap_or_else(|| panic!("unencodable"));
    assert_eq!(decode(&bytes, LegacyEncoding::Vni), text);
}

#[test]
fn vni_chart_samples() {
    // "Việt Nam", "người", "tỉnh" as VNI-Windows bytes read from the chart.
    assert_eq!(decode(b"Vie\xE4t Nam", LegacyEncoding::Vni), "Việt Nam");
    assert_eq!(decode(b"ng\xF6\xF4\xF8i", LegacyEncoding::Vni), "người");
    assert_eq!(decode(b"t\xE6nh", LegacyEncoding::Vni), "tỉnh");
}

/// Text as Windows-1258 bytes, the way Vietnamese Windows wrote it: letters
/// with their shape, the tone as a combining mark after them.
fn to_1258(text: &str) -> Vec<u8> {
    let mut spelt = String::new();
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        match crate::syllable::split_tone(lower) {
            Some((base, tone)) if !c.is_ascii() => {
                let base = if c.is_uppercase() {
                    base.to_uppercase().next().unwrap_or(base)
                } else {
                    base
                };
                spelt.push(base);
                spelt.push_str(match tone {
                    Tone::Level => "",
                    Tone::Grave => "\u{300}",
                    Tone::Acute => "\u{301}",
                    Tone::Tilde => "\u{303}",
                    Tone::Hook => "\u{309}",
                    Tone::Dot => "\u{323}",
                });
            }
            _ => spelt.push(c),
        }
    }
    let (bytes, _, unmappable) = WINDOWS_1258.encode(&spelt);
    assert!(!unmappable, "{spelt}");
    bytes.into_owned()
}

#[test]
fn windows_1258_composes_tones() {
    let bytes = to_1258(PARAGRAPH);
    assert!(bytes.contains(&0xD2), "tone marks as combining bytes");
    assert_eq!(decode(&bytes, LegacyEncoding::Windows1258), PARAGRAPH);
}

#[test]
fn detects_each_encoding() {
    let tcvn3 = tcvn3::encode(PARAGRAPH).unwrap_or_default();
    let vni = vni::encode(PARAGRAPH).unwrap_or_default();
    let w1258 = to_1258(PARAGRAPH);
    for (bytes, expected) in [
        (tcvn3, LegacyEncoding::Tcvn3),
        (vni, LegacyEncoding::Vni),
        (w1258, LegacyEncoding::Windows1258),
    ] {
        let (found, text) = detect(&bytes).unwrap_or_else(|| panic!("{expected:?} not detected"));
        assert_eq!(found, expected);
        assert_eq!(text, PARAGRAPH);
    }
}

#[test]
fn refuses_latin1_and_noise() {
    let french = "Le système éducatif français: élèves, écoles et lycées à côté de la forêt.";
    let (bytes, _, _) = WINDOWS_1252.encode(french);
    assert_eq!(detect(&bytes), None);
    let mut state = 0x2545_f491_u32;
    let noise: Vec<u8> = (0..4000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            0x20 + ((state >> 16) % 0xE0) as u8
        })
        .collect();
    assert_eq!(detect(&noise), None);
}

#[test]
fn mojibake_from_vni_font() {
    let vni = vni::encode(PARAGRAPH).unwrap_or_default();
    let shown = WINDOWS_1252
        .decode_without_bom_handling(&vni)
        .0
        .into_owned();
    assert_eq!(
        fix_mojibake(&shown),
        Some((LegacyEncoding::Vni, PARAGRAPH.to_string()))
    );
    assert_eq!(fix_mojibake(PARAGRAPH), None);
    assert_eq!(fix_mojibake("plain ascii"), None);
}
