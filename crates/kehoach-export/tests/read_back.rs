//! The consolidated workbook read back with calamine, from a real period:
//! Bến Tre 2018 imported into SQLite, its 2026 period opened, one agency's
//! report accepted, a coordinating agency's input, the others missing.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::PathBuf;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use kehoach_export::consolidation_xlsx;
use kehoach_import::ImportOptions;
use kehoach_store::reporting::consolidation::Consolidation;
use kehoach_store::reporting::contributions::ContributionDraft;
use kehoach_store::reporting::entries::EntryFields;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::{EntryStatus, FundSource};
use kehoach_store::{Actor, NewUser, Principal, Role, Store};
use kehoach_vi::Lang;

const CONTRIBUTION: &str = "Phối hợp tổ chức hội nghị tuyên truyền";

/// (results, funds, evidence) of the two entries the lead agency fills.
fn fields() -> [EntryFields; 2] {
    [
        EntryFields {
            status: Some(EntryStatus::Done),
            results: "Đã tổ chức 12 lớp tập huấn cho cán bộ cơ sở".into(),
            difficulties: "Thiếu kinh phí đối ứng".into(),
            recommendations: "Bổ sung nguồn vốn năm sau".into(),
            evidence_number: "Số 45/BC-SLĐTBXH".into(),
            evidence_date: Some("2026-03-05".into()),
            funds: vec![(FundSource::StateBudget, 1500.5), (FundSource::Oda, 200.0)],
            ..EntryFields::default()
        },
        EntryFields {
            status: Some(EntryStatus::Late),
            results: "Hoàn thành khảo sát ở 3 huyện, còn chậm ở Thạnh Phú".into(),
            funds: vec![(FundSource::Ngo, 75.0), (FundSource::Enterprise, 12000.0)],
            ..EntryFields::default()
        },
    ]
}

struct Scene {
    consolidation: Consolidation,
    names: HashMap<i64, String>,
    lead: String,
    missing: String,
    coordinating: String,
    shared_task: i64,
    filled_tasks: Vec<i64>,
}

async fn principal(store: &Store, login: &str, role: Role, agency: Option<i64>) -> Principal {
    let new = NewUser {
        login,
        display_name: login,
        role,
        agency_id: agency,
        password: "mật khẩu đủ dài",
    };
    store
        .create_user(new, &Actor::command_line())
        .await
        .expect("create user");
    let user = store
        .user_by_login(login)
        .await
        .expect("user")
        .expect("exists");
    Principal::from(&user)
}

fn ben_tre_2018() -> PathBuf {
    let dir = kehoach_import::corpus::corpus_dir().expect("the corpus");
    kehoach_import::corpus::corpus_documents(&dir)
        .expect("list the corpus")
        .into_iter()
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("ben-tre-2018"))
        })
        .expect("Bến Tre 2018 in the corpus")
}

async fn scene(store: &Store) -> Scene {
    let (_, outcome) = store
        .import_file(
            &ben_tre_2018(),
            ImportOptions::default(),
            &Actor::command_line(),
        )
        .await
        .expect("import");
    let plan = outcome.plan_id();
    let mut agencies = store.agencies().await.expect("agencies");
    agencies.sort_by_key(|a| (-a.leads, a.id));
    let names: HashMap<i64, String> = agencies.iter().map(|a| (a.id, a.name.clone())).collect();
    let (a, b) = (agencies[0].id, agencies[1].id);
    let dpi = principal(store, "dpi", Role::Coordinator, None).await;
    let generated = store
        .generate_periods(&dpi, plan, 2026, &GenerationOptions::default())
        .await
        .expect("generate");
    let period = generated.periods[0].id;
    store.open_period(&dpi, period).await.expect("open");

    let reporter = principal(store, "rep-a", Role::Reporter, Some(a)).await;
    let report = store
        .report_for(&reporter, period, a)
        .await
        .expect("report");
    let mut filled_tasks = Vec::new();
    for (entry, fields) in report.entries.iter().zip(fields()) {
        store
            .save_entry(&reporter, entry.row.id, entry.row.version, &fields)
            .await
            .expect("save");
        filled_tasks.push(entry.row.task_id);
    }
    store
        .submit_report(&reporter, report.row.id)
        .await
        .expect("submit");

    // The first agency after the four leading most tasks that coordinates
    // one of A's tasks gives its input (as in the store's reporting scene).
    let a_tasks: Vec<i64> = report.entries.iter().map(|e| e.row.task_id).collect();
    let mut coordinating = None;
    for other in agencies.iter().skip(4) {
        let tasks = store.agency_tasks(other.id).await.expect("tasks");
        if let Some(t) = tasks
            .iter()
            .find(|t| t.role == "coordinating" && a_tasks.contains(&t.task_id))
        {
            coordinating = Some((other.id, t.task_id));
            break;
        }
    }
    let (e, shared_task) = coordinating.expect("some agency coordinates a task of A");
    let rep_e = principal(store, "rep-e", Role::Reporter, Some(e)).await;
    let draft = ContributionDraft {
        period_id: period,
        task_id: shared_task,
        agency_id: e,
        text: CONTRIBUTION,
        expected_version: None,
        submit: true,
    };
    store
        .save_contribution(&rep_e, &draft)
        .await
        .expect("contribute");
    store
        .accept_report(&dpi, report.row.id)
        .await
        .expect("accept");

    let consolidation = store
        .consolidation(&dpi, period)
        .await
        .expect("consolidation");
    Scene {
        consolidation,
        lead: names[&a].clone(),
        missing: names[&b].clone(),
        coordinating: names[&e].clone(),
        names,
        shared_task,
        filled_tasks,
    }
}

fn text(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an xlsx");
    let range = book.worksheet_range(name).expect("the sheet");
    // Row 0 of the range is the sheet's first row: the title sits in A1.
    assert_eq!(range.start(), Some((0, 0)));
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The task's target code and its label in the "Nhiệm vụ" column: Bến Tre
/// 2018 numbers its targets (1.1, 1.2…), not its tasks, so the label is the
/// task's text alone.
fn task_label(c: &Consolidation, task: i64) -> (String, String) {
    let t = c
        .tasks
        .iter()
        .find(|t| t.task_id == task)
        .expect("task listed");
    assert_eq!(t.code, None);
    let target = t
        .target_code
        .clone()
        .expect("the reported tasks have targets");
    (target, t.text.clone())
}

fn check_by_task(s: &Scene, bytes: &[u8]) {
    let rows = sheet(bytes, "Theo đầu việc");
    assert!(text(rows[0].first()).contains("Năm 2026"));
    assert!(text(rows[1].first()).contains("30/11/2026"));
    assert!(text(rows[1].first()).contains("10/12/2026"));
    let header: Vec<String> = rows[2].iter().map(|c| text(Some(c))).collect();
    assert_eq!(
        header,
        [
            "STT",
            "Mục tiêu",
            "Mục tiêu cụ thể",
            "Nhiệm vụ",
            "Cơ quan chủ trì",
            "Tình trạng",
            "Kết quả",
            "Khó khăn, vướng mắc",
            "Kiến nghị",
            "Văn bản minh chứng",
            "Kinh phí (Ngân sách nhà nước)",
            "Kinh phí (ODA)",
            "Kinh phí (Tổ chức phi chính phủ)",
            "Kinh phí (FDI)",
            "Kinh phí (Doanh nghiệp, tư nhân)",
            "Kinh phí (Khác)",
            "Ý kiến phối hợp",
        ]
    );
    let body = &rows[3..];
    // Every task of the plan has a row; only A's accepted entries are filled.
    assert_eq!(body.len(), s.consolidation.tasks.len());
    let accepted = s
        .consolidation
        .tasks
        .iter()
        .map(|t| t.entries.len())
        .sum::<usize>();
    let reported = body.iter().filter(|r| !text(r.get(4)).is_empty()).count();
    assert_eq!(reported, accepted);
    assert!(body
        .iter()
        .filter(|r| !text(r.get(4)).is_empty())
        .all(|r| text(r.get(4)) == s.lead));

    let row_of = |task: i64| {
        let (target, label) = task_label(&s.consolidation, task);
        body.iter()
            .find(|r| text(r.get(2)) == target && text(r.get(3)) == label)
            .unwrap_or_else(|| panic!("a row for a task of target {target}"))
    };
    // Hand-checked: A's first two tasks in document order are the first
    // two of target 1.1 (it leads the eight tasks of 1.1), and Sở Công
    // Thương coordinates the first.
    let targets: Vec<String> = s
        .filled_tasks
        .iter()
        .map(|&t| task_label(&s.consolidation, t).0)
        .collect();
    assert_eq!(targets, ["1.1", "1.1"]);
    assert_eq!(s.shared_task, s.filled_tasks[0]);
    assert_eq!(body[0].first(), Some(&Data::Float(1.0)));
    assert_eq!(text(body[0].get(1)), "1");
    for (task, fields) in s.filled_tasks.iter().zip(fields()) {
        assert_eq!(text(row_of(*task).get(6)), fields.results);
    }
    let first = row_of(s.filled_tasks[0]);
    assert_eq!(text(first.get(5)), "Hoàn thành");
    assert_eq!(text(first.get(7)), "Thiếu kinh phí đối ứng");
    assert_eq!(text(first.get(8)), "Bổ sung nguồn vốn năm sau");
    assert_eq!(text(first.get(9)), "Số 45/BC-SLĐTBXH, ngày 05/03/2026");
    let funds = |row: &[Data]| -> Vec<Option<f64>> {
        (10..16)
            .map(|col| match row.get(col) {
                Some(Data::Float(f)) => Some(*f),
                Some(Data::Int(i)) => Some(*i as f64),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        funds(first),
        [Some(1500.5), Some(200.0), None, None, None, None]
    );
    let second = row_of(s.filled_tasks[1]);
    assert_eq!(text(second.get(5)), "Chậm tiến độ");
    assert_eq!(
        funds(second),
        [None, None, Some(75.0), None, Some(12000.0), None]
    );
    // The coordinating agency's input sits on its task's row.
    assert_eq!(
        text(row_of(s.shared_task).get(16)),
        format!("{}: {CONTRIBUTION}", s.coordinating)
    );
    let with_input = body.iter().filter(|r| !text(r.get(16)).is_empty()).count();
    assert_eq!(with_input, 1);
}

fn check_outstanding(s: &Scene, bytes: &[u8]) {
    let rows = sheet(bytes, "Chưa báo cáo");
    let header: Vec<String> = rows[2].iter().map(|c| text(Some(c))).collect();
    assert_eq!(header, ["STT", "Cơ quan", "Tình trạng báo cáo"]);
    let listed: Vec<(String, String)> = rows[3..]
        .iter()
        .map(|r| (text(r.get(1)), text(r.get(2))))
        .collect();
    assert_eq!(listed.len(), s.consolidation.outstanding.len());
    assert!(listed.contains(&(s.missing.clone(), "Chưa gửi báo cáo".to_string())));
    assert!(!listed.iter().any(|(name, _)| *name == s.lead));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_consolidated_workbook_reads_back() {
    let dir = std::env::temp_dir().join(format!(
        "kehoach-export-test-{}",
        kehoach_store::accounts::random_token()
    ));
    let url = format!("sqlite://{}", dir.join("test.db").display());
    let store = Store::open(&url).await.expect("open sqlite");
    let s = scene(&store).await;
    assert_eq!(s.lead, "Sở Lao động - Thương binh và Xã hội");
    assert_eq!(s.missing, "Sở Nông nghiệp và Phát triển nông thôn");
    assert_eq!(s.coordinating, "Sở Công Thương");

    let vi = consolidation_xlsx(&s.consolidation, &s.names, Lang::Vi).expect("export");
    check_by_task(&s, &vi);
    check_outstanding(&s, &vi);

    let en = consolidation_xlsx(&s.consolidation, &s.names, Lang::En).expect("export");
    let rows = sheet(&en, "By task");
    assert_eq!(text(rows[2].get(3)), "Task");
    assert!(text(rows[1].first()).contains("30 Nov 2026"));
    let outstanding = sheet(&en, "Outstanding");
    assert!(outstanding[3..]
        .iter()
        .any(|r| text(r.get(1)) == s.missing && text(r.get(2)) == "Not submitted"));

    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}
