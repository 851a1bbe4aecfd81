use super::*;

fn document() -> Vec<&'static str> {
    vec![
        "Công an tỉnh chủ trì; Công an tỉnh phối hợp.",
        "Ủy ban nhân dân tỉnh giao Công an tỉnh.",
        "Sở Tài chính và Công an tnh thực hiện.",
        "Kiên Giang và tỉnh Kiên Giang; Kien Giang.",
        "Đảm bảo cả mọi người; đảm bảo an toàn; Đm bảo.",
        "mục tiêu sn xuất; sản xuất sạch; sản xuất.",
        "Tnh hình chung.",
        "dinhh dưỡng, dinh dưỡng, dinh dưỡng.",
        "cmọi người",
        "mạng Internet; qua lnternet",
        "hiệu quả; qua đó; hiệu qủa",
    ]
}

fn repaired(line: &str) -> (String, Vec<(String, String)>) {
    let repairer = Repairer::from_document(document());
    let (text, repairs) = repairer.repair_line(line);
    (
        text,
        repairs.into_iter().map(|r| (r.before, r.after)).collect(),
    )
}

#[test]
fn restores_dropped_letter_from_context() {
    let (text, repairs) = repaired("Sở Tài chính và Công an tnh thực hiện.");
    assert_eq!(text, "Sở Tài chính và Công an tỉnh thực hiện.");
    assert_eq!(repairs, vec![("tnh".into(), "tỉnh".into())]);
}

#[test]
fn keeps_capitals_and_columns() {
    let repairer = Repairer::from_document(document());
    let (text, repairs) = repairer.repair_line("Đm bảo.");
    assert_eq!(text, "Đảm bảo.");
    assert_eq!(repairs.first().map(|r| r.column), Some(0));
}

#[test]
fn fixes_misread_marks_and_doubled_letters() {
    assert_eq!(repaired("Kien Giang").0, "Kiên Giang");
    assert_eq!(repaired("dinhh dưỡng").0, "dinh dưỡng");
    assert_eq!(repaired("qua lnternet").0, "qua internet");
    assert_eq!(repaired("hiệu qủa").0, "hiệu quả");
}

#[test]
fn splits_glued_words() {
    assert_eq!(repaired("cmọi người").0, "cả mọi người");
}

#[test]
fn leaves_ambiguous_and_valid_words() {
    // tỉnh and tính, equally common, and no intact pair to choose between them.
    let repairer = Repairer::from_document(["tỉnh tính", "tính; tỉnh", "xyz tnh qqq"]);
    let (text, repairs) = repairer.repair_line("xyz tnh qqq");
    assert_eq!(text, "xyz tnh qqq");
    assert!(repairs.is_empty());
    let line = "Công an tỉnh, UBND, KH&ĐT, b) 2030";
    assert_eq!(repaired(line).0, line);
}

#[test]
fn counts_invalid_words() {
    let repairer = Repairer::from_document(document());
    // tnh, Kien, Đm, sn, Tnh, dinhh, cmọi, lnternet, qủa
    assert_eq!(repairer.invalid_words(), 9);
    assert_eq!(Repairer::count_invalid_words(document()), 9);
    assert_eq!(
        repairer.count_invalid_in("Công an tnh, UBND, Kien Giang, Tỉnh"),
        2
    );
    assert_eq!(
        repairer.lines_with_invalid_words(),
        &[2, 3, 4, 5, 6, 7, 8, 9, 10]
    );
}

/// Lines of random pieces of Vietnamese, punctuation, tags, odd spaces and
/// combining marks: counting and repair must never panic and must keep the
/// text outside the repaired words.
#[test]
fn never_panics_on_odd_text() {
    const PIECES: [&str; 24] = [
        "tỉnh",
        "tnh",
        "Tnh",
        "cả",
        "c",
        "mọi",
        "cmọi",
        "\u{A0}",
        " ",
        "  ",
        ",",
        ".",
        "<b>",
        "<",
        ">",
        "&",
        "2030",
        "\u{301}",
        "Đ",
        "ĐT",
        "’",
        "\u{1F600}",
        "qủa",
        "l",
    ];
    let mut state = 7u32;
    let mut next = move || {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (state >> 16) as usize
    };
    let lines: Vec<String> = (0..300)
        .map(|_| {
            (0..next() % 12)
                .map(|_| PIECES[next() % PIECES.len()])
                .collect::<String>()
        })
        .collect();
    let repairer = Repairer::from_document(lines.iter().map(String::as_str));
    for (index, invalid) in repairer.invalid_words_per_line() {
        assert_eq!(repairer.count_invalid_in(&lines[index]), invalid);
        assert_eq!(
            repairer.repair_document_line(index, &lines[index]),
            repairer.repair_line(&lines[index]),
            "{:?}",
            lines[index]
        );
    }
    for line in &lines {
        let (fixed, repairs) = repairer.repair_line(line);
        let removed: usize = repairs.iter().map(|r| r.before.len()).sum();
        let added: usize = repairs.iter().map(|r| r.after.len()).sum();
        assert_eq!(fixed.len() + removed, line.len() + added, "{line:?}");
        let after = repairer.count_invalid_in(&fixed);
        assert!(after <= repairer.count_invalid_in(line));
        let before = repairer.count_invalid_in(line);
        if let Some(told) = repairer.count_invalid_after(before, &repairs) {
            assert_eq!(told, after, "{line:?}");
        }
    }
}
