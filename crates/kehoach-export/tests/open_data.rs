//! Open data from a real store: Kiên Giang's Appendix 2 indicators as Open
//! SDG data and metadata and as SDMX-CSV, with values an agency reported.

// The same readers' plumbing as the official report's tests.
#[allow(dead_code)]
#[path = "official/tools.rs"]
mod tools;

use kehoach_export::open_data::{
    open_sdg_csv, open_sdg_metadata, open_sdg_slug, sdmx_csv, IndicatorMeta, SdmxArea, SDMX_COLUMNS,
};
use kehoach_import::ImportOptions;
use kehoach_store::reporting::indicators::NewIndicatorValue;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::series::Series;
use kehoach_store::reporting::{IndicatorStatus, Principal};
use kehoach_store::{Actor, NewUser, Role, Store};

async fn kien_giang() -> (Store, Vec<Series>, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!(
        "kehoach-open-data-{}",
        kehoach_store::accounts::random_token()
    ));
    let store = Store::open(&format!("sqlite://{}", dir.join("t.db").display()))
        .await
        .expect("store");
    let corpus = kehoach_import::corpus::corpus_dir().expect("corpus");
    let file = kehoach_import::corpus::corpus_documents(&corpus)
        .expect("files")
        .into_iter()
        .find(|f| {
            f.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("kien-giang"))
        })
        .expect("Kiên Giang");
    let (_, outcome) = store
        .import_file(&file, ImportOptions::default(), &Actor::command_line())
        .await
        .expect("import");
    let plan = outcome.plan_id();
    let system = Principal::system("test");
    let period = store
        .generate_periods(&system, plan, 2026, &GenerationOptions::default())
        .await
        .expect("periods")
        .periods
        .into_iter()
        .find(|p| p.kind == "yearly")
        .expect("yearly");
    store.open_period(&system, period.id).await.expect("open");
    let health = store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("Sở Y tế");
    store
        .create_user(
            NewUser {
                login: "syt",
                display_name: "syt",
                role: Role::Reporter,
                agency_id: Some(health),
                password: "mật khẩu thử nghiệm",
            },
            &Actor::command_line(),
        )
        .await
        .expect("user");
    let reporter = Principal::from(
        &store
            .user_by_login("syt")
            .await
            .expect("read")
            .expect("syt"),
    );
    let tree = store.plan_tree(plan, None).await.expect("tree");
    let stunting = tree
        .indicators
        .iter()
        .find(|i| i.code.as_deref() == Some("2.1"))
        .expect("2.1")
        .id;
    for (year, value, status) in [
        (2024, 9.7, IndicatorStatus::Official),
        (2025, 9.1, IndicatorStatus::Preliminary),
    ] {
        store
            .record_indicator_value(
                &reporter,
                &NewIndicatorValue {
                    period_id: period.id,
                    indicator_id: stunting,
                    agency_id: health,
                    year,
                    value: Some(value),
                    text: "",
                    status,
                },
            )
            .await
            .expect("record");
    }
    let mut all = Vec::new();
    for indicator in &tree.indicators {
        all.push(
            store
                .indicator_series(&system, indicator.id)
                .await
                .expect("series"),
        );
    }
    (store, all, dir)
}

fn meta<'a>() -> IndicatorMeta<'a> {
    IndicatorMeta {
        goal: Some("2"),
        target_text: Some("Chấm dứt nạn đói: \"mục tiêu\" 2030"),
        publisher: "Sở Tài chính tỉnh Kiên Giang",
        source: "Kế hoạch hành động thực hiện Chương trình nghị sự 2030",
        url: "http://127.0.0.1:8080/plans/1",
    }
}

#[tokio::test]
async fn open_sdg_and_sdmx_files_hold_the_observations() {
    let (store, all, dir) = kien_giang().await;
    let stunting = all
        .iter()
        .find(|s| s.code.as_deref() == Some("2.1"))
        .expect("2.1");
    assert_eq!(open_sdg_slug(stunting), "2-1");
    // The plan's 2015 baseline (13,6) and the two reported years; the
    // targets (2020, 2030) are not observations.
    let data = String::from_utf8(open_sdg_csv(stunting).expect("csv")).expect("utf-8");
    assert_eq!(
        data,
        "Year,Units,Value\n2015,%,13.6\n2024,%,9.7\n2025,%,9.1\n"
    );
    let yaml = open_sdg_metadata(stunting, &meta());
    assert!(yaml.contains("indicator_number: \"2.1\"\n"));
    assert!(yaml.contains("reporting_status: \"complete\"\n"));
    assert!(yaml.contains("target_id: \"2.1\"\n"));
    // Quotes inside a plan's text are escaped, not closing the scalar.
    assert!(yaml.contains(r#"target: "Chấm dứt nạn đói: \"mục tiêu\" 2030""#));
    assert!(yaml.contains("graph_target_lines:\n  - value: 12\n    label: \"2020 12\"\n  - value: 8\n    label: \"2030 <8\"\n"));

    let area = SdmxArea {
        dataflow: "VN_KG:DF_SDG_KG(1.0)",
        ref_area: "VN-47",
        series_prefix: "KG",
    };
    let bytes = sdmx_csv(&all, &area).expect("sdmx");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, SDMX_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let expected_rows: usize = all.iter().map(|s| s.observations().len()).sum();
    assert_eq!(rows.len(), expected_rows);
    // Every Appendix 2 indicator with a printed 2015 figure is there.
    let with_baseline = all.iter().filter(|s| !s.baseline.is_empty()).count();
    let years_2015 = rows.iter().filter(|r| &r[16] == "2015").count();
    assert_eq!(years_2015, with_baseline);
    assert!(
        with_baseline > 40,
        "{with_baseline} indicators with a 2015 figure"
    );
    let mine: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .filter(|r| &r[3] == "KG_2_1")
        .map(|r| (&r[16], &r[17], &r[18], &r[20]))
        .collect();
    assert_eq!(
        mine,
        [
            ("2015", "13.6", "PT", "A"),
            ("2024", "9.7", "PT", "A"),
            ("2025", "9.1", "PT", "P")
        ]
    );
    assert!(rows
        .iter()
        .all(|r| &r[0] == "VN_KG:DF_SDG_KG(1.0)" && &r[1] == "A" && &r[4] == "VN-47"));

    // Third-party readers: pysdmx reads the SDMX-CSV, frictionless validates
    // every Open SDG data file against Open SDG's table schema.
    if let Some(python) = tools::python() {
        let files = dir.join("open-data");
        std::fs::create_dir_all(&files).expect("dir");
        let sdmx_path = files.join("sdmx.csv");
        std::fs::write(&sdmx_path, &bytes).expect("write");
        let mut args = vec![sdmx_path.clone()];
        for series in &all {
            let path = files.join(format!("indicator_{}.csv", open_sdg_slug(series)));
            std::fs::write(&path, open_sdg_csv(series).expect("csv")).expect("write");
            args.push(path);
        }
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/readers/open_data_check.py");
        let output = std::process::Command::new(&python)
            .arg(script)
            .args(&args)
            .output()
            .expect("run the checker");
        assert!(
            output.status.success(),
            "open_data_check.py: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let found: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let sdmx = &found["sdmx"][0];
        assert_eq!(sdmx["structure"], "Dataflow=VN_KG:DF_SDG_KG(1.0)");
        assert_eq!(sdmx["rows"], expected_rows);
        assert!(sdmx["series"]
            .as_array()
            .is_some_and(|s| s.iter().any(|v| v == "KG_2_1")));
        assert!(sdmx["years"]
            .as_array()
            .is_some_and(|y| y.iter().any(|v| v == "2025")));
        let checked = found["open_sdg"].as_array().expect("a list");
        assert_eq!(checked.len(), all.len());
        for (series, check) in all.iter().zip(checked) {
            assert_eq!(
                check["valid"], true,
                "{:?}: {}",
                series.code, check["errors"]
            );
            assert_eq!(
                check["rows"].as_array().map(Vec::len),
                Some(series.observations().len())
            );
        }
    }
    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}
