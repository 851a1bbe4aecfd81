//! The official report of a real period (Bến Tre 2018, 2026, one agency's
//! report accepted) written as .docx and .xlsx, then read back by
//! independent readers: python-docx and openpyxl (PyPI), and LibreOffice
//! (Debian) converting the .docx to PDF, whose text pdftotext extracts.

mod official;

use std::path::Path;

use kehoach_export::consolidation_xlsx_titled;
use kehoach_export::official::{
    goal_heading, official_appendix_xlsx, official_report_docx, OfficialReport, ReportHeading,
    APPENDIX, APPENDIX_TITLE, KIND, MOTTO, MOTTO_COUNTRY, OUTSTANDING_SECTION, RESULTS_SECTION,
};
use kehoach_export::TaskTitles;
use kehoach_store::Store;
use kehoach_vi::Lang;
use official::scene::{fields, scene, Scene, CONTRIBUTION};
use official::tools;
use serde_json::Value;

const TITLE: &str = "Kết quả thực hiện Kế hoạch hành động năm 2026";

fn heading() -> ReportHeading {
    ReportHeading {
        parent_body: "UBND TỈNH BẾN TRE".into(),
        issuing_body: "SỞ TÀI CHÍNH".into(),
        number: "125/BC-STC".into(),
        place: "Bến Tre".into(),
        date: "2026-12-10".into(),
        title: TITLE.into(),
        recipients: vec![
            "UBND tỉnh".into(),
            "Bộ Tài chính".into(),
            "Lưu: VT, KHTH".into(),
        ],
        signer_title: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".into(),
        signer_name: "Nguyễn Văn A".into(),
    }
}

/// The goal headings the report must carry: every goal of the plan that
/// has tasks, in the plan's order, named from the plan tree.
fn expected_goals(s: &Scene) -> Vec<String> {
    s.tree
        .goals
        .iter()
        .filter(|g| g.task_count() > 0)
        .map(|g| goal_heading(Some(&g.code), Some(&g.title)))
        .collect()
}

fn texts(paragraphs: &Value) -> Vec<String> {
    paragraphs
        .as_array()
        .expect("paragraphs")
        .iter()
        .map(|p| p["text"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A table cell's paragraphs' texts, without the empty paragraphs that
/// carry the rules under the names.
fn cell_lines(table: &Value, row: usize, col: usize) -> Vec<String> {
    texts(&table[row][col])
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect()
}

fn all_runs(dump: &Value) -> Vec<&Value> {
    let mut runs: Vec<&Value> = Vec::new();
    let paragraphs = dump["paragraphs"].as_array().into_iter().flatten();
    let cells = dump["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t.as_array().into_iter().flatten())
        .flat_map(|row| row.as_array().into_iter().flatten())
        .flat_map(|cell| cell.as_array().into_iter().flatten());
    for p in paragraphs.chain(cells) {
        runs.extend(p["runs"].as_array().into_iter().flatten());
    }
    runs
}

fn check_sections(dump: &Value) {
    let sections = dump["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 2, "the report, then the landscape appendix");
    let report = &sections[0];
    assert_eq!(report["width_mm"], 210.0);
    assert_eq!(report["height_mm"], 297.0);
    assert_eq!(report["landscape"], false);
    assert_eq!(report["different_first_page"], true);
    for s in sections {
        assert_eq!(s["top_mm"], 20.0);
        assert_eq!(s["bottom_mm"], 20.0);
        assert_eq!(s["left_mm"], 30.0);
        assert_eq!(s["right_mm"], 15.0);
    }
    assert_eq!(sections[1]["width_mm"], 297.0);
    assert_eq!(sections[1]["landscape"], true);
}

fn check_heading_table(dump: &Value) {
    let table = &dump["tables"][0];
    assert_eq!(table.as_array().map(Vec::len), Some(2));
    assert_eq!(
        cell_lines(table, 0, 0),
        ["UBND TỈNH BẾN TRE", "SỞ TÀI CHÍNH"]
    );
    assert_eq!(cell_lines(table, 0, 1), [MOTTO_COUNTRY, MOTTO]);
    assert_eq!(cell_lines(table, 1, 0), ["Số: 125/BC-STC"]);
    assert_eq!(
        cell_lines(table, 1, 1),
        ["Bến Tre, ngày 10 tháng 12 năm 2026"]
    );
    // The parent body upright, the issuing body and the motto bold, the
    // place and date in italics.
    assert_eq!(table[0][0][0]["runs"][0]["bold"], false);
    assert_eq!(table[0][0][1]["runs"][0]["bold"], true);
    assert_eq!(table[0][1][0]["runs"][0]["bold"], true);
    assert_eq!(table[0][1][1]["runs"][0]["bold"], true);
    assert_eq!(table[0][1][0]["runs"][0]["size"], 12.0);
    assert_eq!(table[0][1][1]["runs"][0]["size"], 13.0);
    assert_eq!(table[1][1][0]["runs"][0]["italic"], true);
    assert_eq!(table[1][0][0]["runs"][0]["italic"], false);
}

fn check_body(s: &Scene, dump: &Value) {
    let lines = texts(&dump["paragraphs"]);
    let at = |text: &str| {
        lines
            .iter()
            .position(|l| l == text)
            .unwrap_or_else(|| panic!("no paragraph {text:?}"))
    };
    assert!(at(KIND) < at(TITLE));
    let results = at(RESULTS_SECTION);
    let outstanding = at(OUTSTANDING_SECTION);
    assert!(at(TITLE) < results && results < outstanding);
    // Every goal's heading, in the plan's order, inside section I.
    let goals = expected_goals(s);
    assert_eq!(goals.len(), 17, "Bến Tre 2018's goals with tasks");
    let places: Vec<usize> = goals.iter().map(|g| at(g)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]));
    assert!(places.iter().all(|&p| results < p && p < outstanding));
    // The accepted entries, with the agency named and the appendix number.
    let [first, second] = fields();
    let results_line = format!(
        "- {} (Phụ lục, số 1; Hoàn thành): {}.",
        s.lead, first.results
    );
    assert!(lines.contains(&results_line), "{results_line}");
    let late = format!(
        "- {} (Phụ lục, số 2; Chậm tiến độ): {}.",
        s.lead, second.results
    );
    assert!(lines.contains(&late), "{late}");
    for text in [&first.difficulties, &first.recommendations] {
        let line = format!("- {} (Phụ lục, số 1; Hoàn thành): {text}.", s.lead);
        assert!(lines.contains(&line), "{line}");
    }
    assert!(lines.contains(&format!("- {}: {CONTRIBUTION}.", s.coordinating)));
    // Section II lists every agency that did not report, and only those.
    let listed = &lines[outstanding + 2..];
    for (_, name, _) in &s.consolidation.outstanding {
        assert!(
            listed.iter().any(|l| l.contains(name.as_str())),
            "{name} not listed"
        );
    }
    assert!(!listed.iter().any(|l| l.contains(s.lead.as_str())));
    assert!(lines.iter().any(|l| l.ends_with("./.")));
}

fn check_closing(dump: &Value) {
    let table = &dump["tables"][1];
    assert_eq!(
        cell_lines(table, 0, 0),
        [
            "Nơi nhận:",
            "- UBND tỉnh;",
            "- Bộ Tài chính;",
            "- Lưu: VT, KHTH."
        ]
    );
    let label = &table[0][0][0]["runs"][0];
    assert_eq!(
        (label["bold"].clone(), label["italic"].clone()),
        (true.into(), true.into())
    );
    assert_eq!(label["size"], 12.0);
    assert_eq!(table[0][0][1]["runs"][0]["size"], 11.0);
    assert_eq!(
        cell_lines(table, 0, 1),
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]
    );
}

fn check_appendix(s: &Scene, dump: &Value) {
    let lines = texts(&dump["paragraphs"]);
    assert!(lines.iter().any(|l| l == APPENDIX));
    assert!(lines.iter().any(|l| l == APPENDIX_TITLE));
    assert!(lines
        .iter()
        .any(|l| l == "(Kèm theo Báo cáo số 125/BC-STC ngày 10 tháng 12 năm 2026)"));
    let table = dump["tables"][2].as_array().expect("the appendix table");
    let header: Vec<String> = (0..6)
        .map(|c| cell_lines(&dump["tables"][2], 0, c).concat())
        .collect();
    assert_eq!(
        header,
        [
            "STT",
            "Mã",
            "Nhiệm vụ",
            "Cơ quan chủ trì",
            "Tình trạng",
            "Kết quả"
        ]
    );
    let accepted: usize = s.consolidation.tasks.iter().map(|t| t.entries.len()).sum();
    // The lead agency's report holds one entry per task it leads; it filled
    // the first two and sent the rest empty, and all were accepted.
    assert_eq!(accepted, 53);
    assert_eq!(table.len() - 1, accepted, "one row per accepted entry");
    let reported: Vec<_> = s
        .consolidation
        .tasks
        .iter()
        .filter(|t| !t.entries.is_empty())
        .take(2)
        .collect();
    for (row, (task, fields)) in reported.iter().zip(fields()).enumerate() {
        let cells: Vec<String> = (0..6)
            .map(|c| cell_lines(&dump["tables"][2], row + 1, c).concat())
            .collect();
        let status = if row == 0 {
            "Hoàn thành"
        } else {
            "Chậm tiến độ"
        };
        // Bến Tre 2018 numbers targets, not tasks: the code is the target's.
        assert_eq!(
            cells,
            [
                (row + 1).to_string(),
                "1.1".to_string(),
                task.text.trim().to_string(),
                s.lead.clone(),
                status.to_string(),
                fields.results.clone(),
            ]
        );
    }
}

/// Times New Roman everywhere; 13–14 pt for the body, 11–12 only for the
/// recipients and 12 for the appendix table.
fn check_fonts(dump: &Value) {
    let runs = all_runs(dump);
    assert!(runs.len() > 100);
    for r in &runs {
        assert_eq!(r["font"], "Times New Roman", "{r}");
        let size = r["size"].as_f64().expect("every run sized");
        assert!((11.0..=14.0).contains(&size), "{r}");
    }
    for p in dump["paragraphs"].as_array().expect("paragraphs") {
        for r in p["runs"].as_array().into_iter().flatten() {
            let size = r["size"].as_f64().unwrap_or_default();
            assert!((13.0..=14.0).contains(&size), "body text {r}");
        }
    }
}

fn check_xlsx(s: &Scene, dump: &Value) {
    let sheet = &dump["sheets"][0];
    assert_eq!(sheet["title"], APPENDIX);
    assert_eq!(sheet["freeze"], "A6");
    let rows = sheet["rows"].as_array().expect("rows");
    assert_eq!(rows[0][0]["value"], APPENDIX);
    assert_eq!(rows[1][0]["value"], APPENDIX_TITLE);
    let header: Vec<&str> = rows[4]
        .as_array()
        .expect("header")
        .iter()
        .filter_map(|c| c["value"].as_str())
        .collect();
    assert_eq!(header.len(), 15);
    assert_eq!(header[..3], ["STT", "Mã", "Nhiệm vụ"]);
    assert_eq!(header[8], "Kinh phí (Ngân sách nhà nước)");
    assert_eq!(header[14], "Tổng kinh phí");
    let body = &rows[5..];
    let accepted: usize = s.consolidation.tasks.iter().map(|t| t.entries.len()).sum();
    assert_eq!(body.len(), accepted);
    let first = &body[0];
    assert_eq!(first[0]["value"], 1);
    assert_eq!(first[3]["value"], s.lead.as_str());
    assert_eq!(first[6]["value"], "Thiếu kinh phí đối ứng");
    assert_eq!(first[8]["value"], 1500.5);
    assert_eq!(first[8]["format"], "#,##0.0");
    assert_eq!(first[9]["value"], 200.0);
    assert_eq!(first[14]["value"], 1700.5);
    assert_eq!(body[1][10]["value"], 75.0);
    assert_eq!(body[1][12]["value"], 12000.0);
    assert_eq!(body[1][14]["value"], 12075.0);
    assert_eq!(body[1][14]["format"], "#,##0.0");
    assert_eq!(first[2]["font"], "Times New Roman");
}

/// The text without any white space: headings wrap in the PDF, and
/// pdftotext splits some words of justified lines where the spacing was
/// stretched ("tăng c ường"), so the letters are compared in order.
fn letters(text: &str) -> String {
    text.split_whitespace().collect()
}

fn check_pdf(s: &Scene, docx: &Path, dir: &Path) {
    let (Some(soffice), Some(pdftotext)) = (tools::soffice(), tools::pdftotext()) else {
        return;
    };
    let started = std::time::Instant::now();
    let text = letters(&tools::pdf_text(&soffice, &pdftotext, docx, dir));
    eprintln!(
        "LibreOffice converted the report in {:?}",
        started.elapsed()
    );
    for expected in [
        MOTTO_COUNTRY,
        KIND,
        TITLE,
        RESULTS_SECTION,
        OUTSTANDING_SECTION,
        APPENDIX_TITLE,
    ] {
        assert!(
            text.contains(&letters(expected)),
            "the PDF lacks {expected:?}"
        );
    }
    for goal in expected_goals(s) {
        assert!(
            text.contains(&letters(&goal)),
            "the PDF lacks the goal heading {goal:?}"
        );
    }
}

/// The by-task workbook beside it (issue 4's), read by openpyxl too: its
/// frozen header, one row per task, the amounts' grouped format.
fn check_by_task_xlsx(s: &Scene, dump: &Value) {
    let sheet = &dump["sheets"][0];
    assert_eq!(sheet["title"], "Theo đầu việc");
    assert_eq!(sheet["freeze"], "A4");
    let rows = sheet["rows"].as_array().expect("rows");
    assert_eq!(rows.len() - 3, s.consolidation.tasks.len());
    let goal = &s.tree.goals[0];
    assert_eq!(
        rows[3][1]["value"],
        format!("{} {}", goal.code, goal.title).as_str()
    );
    assert_eq!(rows[3][10]["value"], 1500.5);
    assert_eq!(rows[3][10]["format"], "#,##0");
    assert_eq!(dump["sheets"][1]["freeze"], "A4");
}

fn by_task_workbook(s: &Scene) -> Vec<u8> {
    let titles = s
        .texts
        .iter()
        .map(|(&id, t)| {
            (
                id,
                TaskTitles {
                    goal: t.goal_title.clone().unwrap_or_default(),
                    target: t.target_text.clone().unwrap_or_default(),
                },
            )
        })
        .collect();
    consolidation_xlsx_titled(&s.consolidation, &s.names, &titles, Lang::Vi).expect("xlsx")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_official_report_reads_back_in_python_docx_openpyxl_and_libreoffice() {
    let dir = std::env::temp_dir().join(format!(
        "kehoach-official-{}",
        kehoach_store::accounts::random_token()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite://{}", dir.join("test.db").display());
    let store = Store::open(&url).await.expect("open sqlite");
    let s = scene(&store).await;
    store.close().await;
    assert_eq!(s.lead, "Sở Lao động - Thương binh và Xã hội");
    assert_eq!(s.coordinating, "Sở Công Thương");

    let h = heading();
    let report = OfficialReport {
        heading: &h,
        plan: &s.plan,
        consolidation: &s.consolidation,
        texts: &s.texts,
        agency_names: &s.names,
    };
    let docx = dir.join("bao-cao.docx");
    std::fs::write(&docx, official_report_docx(&report).expect("docx")).expect("write docx");
    let xlsx = dir.join("phu-luc.xlsx");
    std::fs::write(&xlsx, official_appendix_xlsx(&report).expect("xlsx")).expect("write xlsx");

    if let Some(python) = tools::python() {
        let dump = tools::dump(&python, "docx_dump.py", &docx);
        check_sections(&dump);
        check_heading_table(&dump);
        check_body(&s, &dump);
        check_closing(&dump);
        check_appendix(&s, &dump);
        check_fonts(&dump);
        check_xlsx(&s, &tools::dump(&python, "xlsx_dump.py", &xlsx));
        let by_task = dir.join("theo-dau-viec.xlsx");
        std::fs::write(&by_task, by_task_workbook(&s)).expect("write xlsx");
        check_by_task_xlsx(&s, &tools::dump(&python, "xlsx_dump.py", &by_task));
    }
    check_pdf(&s, &docx, &dir);
    // KEHOACH_OFFICIAL_OUT=folder keeps the files for a look by eye.
    if let Some(out) = std::env::var_os("KEHOACH_OFFICIAL_OUT") {
        let out = Path::new(&out);
        std::fs::create_dir_all(out).expect("output folder");
        for name in ["bao-cao.docx", "bao-cao.pdf", "phu-luc.xlsx"] {
            let _ = std::fs::copy(dir.join(name), out.join(name));
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}
