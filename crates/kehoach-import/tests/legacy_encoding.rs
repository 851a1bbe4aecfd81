//! Documents in the 8-bit Vietnamese encodings read as the same text as UTF-8.

use kehoach_import::read::read_document;
use kehoach_import::{import_bytes, ImportOptions, ReadFailure};
use kehoach_vi::legacy::{tcvn3, vni};

/// A small plan written for this test (no capitals with tones: TCVN3 fonts
/// keep those in a separate capital font).
const PLAN: &str = "Kế hoạch hành động của tỉnh thực hiện mục tiêu phát triển bền vững đến năm 2030
Mục tiêu 1: Chấm dứt mọi hình thức nghèo ở mọi nơi
1.1. Đến năm 2030, giảm tỷ lệ hộ nghèo, bảo đảm nước sạch cho người dân.
Chủ trì: Sở Lao động - Thương binh và Xã hội
Phối hợp: các sở, ngành và Ủy ban nhân dân các huyện, thành phố
Mục tiêu 2: Xóa đói, bảo đảm an ninh lương thực, cải thiện dinh dưỡng
2.1. Đến năm 2030, chấm dứt nạn đói, bảo đảm mọi người được tiếp cận lương thực.
";

fn plan_json(name: &str, bytes: &[u8]) -> serde_json::Value {
    let imported = import_bytes(name, bytes, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::to_value(&imported.plan).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn tcvn3_and_vni_files_read_as_the_utf8_text() {
    // Ủ has no TCVN3 code: the TCVN3 copy spells that one word in lowercase.
    let tcvn3_plan = PLAN.replace("Ủy", "ủy");
    let cases = [
        (
            "plan-tcvn3.txt",
            tcvn3::encode(&tcvn3_plan),
            tcvn3_plan.clone(),
            "TCVN3",
        ),
        (
            "plan-vni.txt",
            vni::encode(PLAN),
            PLAN.to_string(),
            "VNI-Windows",
        ),
    ];
    for (name, bytes, expected, encoding) in cases {
        let bytes = bytes.unwrap_or_else(|| panic!("{name}: unencodable"));
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "{name} must not be UTF-8"
        );
        let legacy = read_document(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let utf8 = read_document("plan.txt", expected.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(legacy.lines, utf8.lines, "{name}");
        assert_eq!(legacy.converted_from, Some(encoding), "{name}");
        assert_eq!(utf8.converted_from, None);
        // The same plan, and one diagnostic more: the conversion, said once.
        let mut converted = plan_json(name, &bytes);
        let diagnostics = converted["diagnostics"]
            .as_array_mut()
            .unwrap_or_else(|| panic!("{name}: no diagnostics"));
        let before = diagnostics.len();
        diagnostics.retain(|d| d["code"] != "converted-encoding");
        assert_eq!(before - diagnostics.len(), 1, "{name}");
        assert_eq!(
            converted,
            plan_json("plan.txt", expected.as_bytes()),
            "{name}"
        );
    }
}

#[test]
fn random_8bit_bytes_are_refused_with_a_clear_message() {
    let mut state = 0x1234_5678_u32;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            match (state >> 16) % 8 {
                0 => b' ',
                1 => b'\n',
                _ => 0x80 + ((state >> 20) % 0x80) as u8,
            }
        })
        .collect();
    let err = import_bytes("noise.txt", &noise, &ImportOptions::default())
        .err()
        .unwrap_or_else(|| panic!("noise was imported"));
    let ReadFailure::Encoding(message) = &err.failure else {
        panic!("wrong failure: {err}");
    };
    assert!(message.contains("not UTF-8"), "{message}");
    assert!(message.contains("TCVN3, VNI or Windows-1258"), "{message}");
    assert!(err.to_string().starts_with("noise.txt: "), "{err}");
}

#[test]
fn utf8_text_typed_in_a_vni_font_is_converted() {
    let vni = vni::encode(PLAN).unwrap_or_else(|| panic!("unencodable"));
    let shown: String = vni.iter().map(|&b| cp1252(b)).collect();
    let read = read_document("pasted.txt", shown.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let utf8 = read_document("plan.txt", PLAN.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.lines, utf8.lines);
    assert_eq!(read.converted_from, Some("VNI-Windows"));
}

/// VNI bytes as a Latin font shows them (they are all in Latin-1's letter range).
fn cp1252(b: u8) -> char {
    char::from(b)
}
