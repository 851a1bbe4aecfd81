//! An indicator's page and open data files: the plan's printed figures for
//! everyone who may see the plan, the agencies' reported values for staff.

mod common;

use axum::http::StatusCode;
use common::app_with;
use kehoach_store::reporting::indicators::NewIndicatorValue;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::{IndicatorStatus, Principal};
use kehoach_store::Actor;

#[tokio::test]
async fn the_public_gets_the_plans_figures_staff_also_the_reported_ones() {
    let app = app_with(&["kien-giang"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let tree = app.store.plan_tree(plan, None).await.expect("tree");
    let id = tree
        .indicators
        .iter()
        .find(|i| i.code.as_deref() == Some("2.1"))
        .expect("2.1")
        .id;

    let (status, page) = app.get(&format!("/indicators/{id}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("13,6"),
        "the 2015 baseline, Vietnamese decimals"
    );
    assert!(
        page.contains("<tr class=\"target\"><td>2030</td>")
            && (page.contains("&lt; 8") || page.contains("&#60; 8")),
        "the 2030 target with its comparator"
    );
    assert!(
        page.contains("Không đủ điều kiện đánh giá"),
        "one value only: unable to assess"
    );
    let (status, plan_page) = app.get(&format!("/plans/{plan}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(plan_page.contains(&format!("href=\"/indicators/{id}\"")));
    let (_, csv) = app
        .get(&format!("/indicators/{id}/open-sdg.csv"), None)
        .await;
    assert_eq!(csv, "Year,Units,Value\n2015,%,13.6\n");
    let (_, yaml) = app
        .get(&format!("/indicators/{id}/open-sdg.yml"), None)
        .await;
    assert!(yaml.contains("indicator_number: \"2.1\"\n"), "{yaml}");
    assert!(yaml.contains("sdg_goal: \"2\"\n"));

    // Sở Y tế reports 2025; the public does not see work not yet published.
    let system = Principal::system("test");
    let period = app
        .store
        .generate_periods(&system, plan, 2026, &GenerationOptions::default())
        .await
        .expect("periods")
        .periods
        .into_iter()
        .find(|p| p.kind == "yearly")
        .expect("yearly");
    app.store
        .open_period(&system, period.id)
        .await
        .expect("open");
    let syt = Principal::from(
        &app.store
            .user_by_login("syt")
            .await
            .expect("read")
            .expect("syt"),
    );
    app.store
        .record_indicator_value(
            &syt,
            &NewIndicatorValue {
                period_id: period.id,
                indicator_id: id,
                agency_id: syt.agency_id.expect("agency"),
                year: 2025,
                value: Some(9.1),
                text: "9,1",
                status: IndicatorStatus::Preliminary,
            },
        )
        .await
        .expect("record");
    let (_, public_csv) = app
        .get(&format!("/indicators/{id}/open-sdg.csv"), None)
        .await;
    assert_eq!(public_csv, "Year,Units,Value\n2015,%,13.6\n");
    let dpi = app.sign_in("dpi").await;
    let (_, staff_csv) = app
        .get(&format!("/indicators/{id}/open-sdg.csv"), Some(&dpi))
        .await;
    assert_eq!(staff_csv, "Year,Units,Value\n2015,%,13.6\n2025,%,9.1\n");
    let (_, staff_page) = app.get(&format!("/indicators/{id}"), Some(&dpi)).await;
    assert!(staff_page.contains("Sơ bộ"), "the revision's status");

    // Published results of an accepted report reach the public.
    let report = app
        .store
        .report_for(&syt, period.id, syt.agency_id.expect("agency"))
        .await
        .expect("report")
        .row
        .id;
    app.store.submit_report(&syt, report).await.expect("submit");
    app.store
        .accept_report(&system, report)
        .await
        .expect("accept");
    let publish = format!("/periods/{}/publish", period.id);
    let leader = app.sign_in("leader").await;
    let refused = app
        .post_form(&publish, Some(&leader.cookie), &[("csrf", &leader.csrf)])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let (_, still_private) = app
        .get(&format!("/indicators/{id}/open-sdg.csv"), None)
        .await;
    assert_eq!(still_private, "Year,Units,Value\n2015,%,13.6\n");
    let published = app
        .post_form(&publish, Some(&dpi.cookie), &[("csrf", &dpi.csrf)])
        .await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    let (_, period_page) = app
        .get(&format!("/periods/{}", period.id), Some(&dpi))
        .await;
    assert!(period_page.contains("Kết quả đã công bố ngày"));
    assert!(period_page.contains(&format!("action=\"/periods/{}/unpublish\"", period.id)));
    let (_, public_now) = app
        .get(&format!("/indicators/{id}/open-sdg.csv"), None)
        .await;
    // Progress, explained: 13,6 (2015) → 9,1 (2025) against under 8 by
    // 2030 is ahead of the required pace (ratio 1.13): on track.
    let (_, explained) = app.get(&format!("/indicators/{id}"), None).await;
    assert!(explained.contains("id=\"progress\""));
    assert!(
        explained.contains("Đúng tiến độ (tiến bộ đáng kể)"),
        "the status"
    );
    assert!(
        explained.contains("2015: 13,6")
            && explained.contains("2025: 9,1")
            && explained.contains("2030: 8")
    );
    let (status, overview) = app.get(&format!("/plans/{plan}/progress"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(overview.contains(&format!("href=\"/indicators/{id}#progress\"")));
    assert!(overview.contains("status-substantial-progress"));
    // The target's status sets the indicator beside its tasks.
    assert!(overview.contains("<table class=\"progress-targets\">"));
    assert!(overview.contains("<th scope=\"row\">2.1</th>"));
    // Its two tasks were not reported (Sở Y tế's accepted report left them
    // empty): on track, with the disagreement flagged.
    let row = overview
        .split("<th scope=\"row\">2.1</th>")
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap_or("");
    assert!(row.contains("<td class=\"num\">2</td>"), "{row}");
    assert!(row.contains("target-on-track"), "{row}");
    assert!(
        row.contains("Chỉ tiêu đúng tiến độ nhưng nhiệm vụ chưa được báo cáo"),
        "{row}"
    );
    assert_eq!(public_now, "Year,Units,Value\n2015,%,13.6\n2025,%,9.1\n");

    let (status, sdmx) = app
        .get(&format!("/plans/{plan}/sdmx.csv"), Some(&dpi))
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut lines = sdmx.lines();
    assert!(lines
        .next()
        .is_some_and(|h| h.starts_with("DATAFLOW,FREQ,REPORTING_TYPE,SERIES,REF_AREA")));
    assert!(sdmx.contains(&format!(",P{plan}_2_1,VN,")));
    assert!(sdmx.contains(",2025,9.1,PT,0,P,C,"));

    // An unpublished plan's indicators are not public at all.
    app.store
        .set_published(plan, false, &Actor::command_line())
        .await
        .expect("unpublish");
    for path in [
        format!("/indicators/{id}"),
        format!("/indicators/{id}/open-sdg.csv"),
        format!("/plans/{plan}/sdmx.csv"),
    ] {
        let (status, _) = app.get(&path, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _) = app.get(&format!("/indicators/{id}"), Some(&dpi)).await;
    assert_eq!(status, StatusCode::OK);
}
