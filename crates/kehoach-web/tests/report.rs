//! The agency reporters' report page: entries, submit, conflicts and who
//! may do what (reporter A, reporter B, DPI, leader, public).

mod common;
mod report_support;

use axum::http::StatusCode;
use report_support::*;

#[tokio::test]
async fn a_reporter_fills_and_submits_its_own_report_and_nobody_elses() {
    let s = scene().await;
    let app = &s.app;
    // The public is sent to log in; a leader has no agency to report for.
    let (status, _) = app
        .get(&format!("/periods/{}/my-report", s.period), None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = app
        .get(&format!("/periods/{}/my-report", s.period), Some(&s.leader))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let rid = my_report(&s, &s.a).await;
    let page = format!("/reports/{rid}");
    let (status, html) = app.get(&page, Some(&s.a)).await;
    assert_eq!(status, StatusCode::OK);
    // Sở Y tế leads 35 tasks of the plan: one entry (and one form) each.
    assert_eq!(html.matches("<section class=\"entry\"").count(), 35);
    assert_eq!(html.matches("class=\"entry-form\"").count(), 35);
    assert!(html.contains("Sở Y tế"));
    for label in [
        "Chưa triển khai",
        "Đang triển khai",
        "Hoàn thành",
        "Hoàn thành một phần",
        "Chậm tiến độ",
        "Không thực hiện",
    ] {
        assert!(
            html.contains(&format!(">{label}</option>")),
            "status {label}"
        );
    }
    assert!(html.contains("name=\"fund-state-budget\""));
    assert!(html.contains(&format!("action=\"/reports/{rid}/submit\"")));
    assert!(
        !html.contains("/review\""),
        "no review link for the reporter"
    );

    // B cannot read A's report, nor save one of its entries: nothing changes.
    let (status, _) = app.get(&page, Some(&s.b)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.get(&page, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let first = first_entry(&s, rid).await;
    let eid = first.row.id;
    let version = first.row.version.to_string();
    let refused = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.b.cookie),
            &entry_form(&s.b.csrf, &version, "B writes"),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(entry(&s, eid).await, first, "B changed nothing");
    // B's own report is another one.
    assert_ne!(my_report(&s, &s.b).await, rid);

    // Without the form token nothing is stored.
    let mut no_token = entry_form("", &version, "no token");
    no_token.remove(0);
    let refused = app
        .post_form(&format!("/entries/{eid}"), Some(&s.a.cookie), &no_token)
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let forged = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form("forged", &version, "forged"),
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(entry(&s, eid).await, first, "no token, no change");

    // A saves: a narrative with markup is stored as typed and shown escaped.
    let narrative = "<script>alert(1)</script> đã khám 1.200 lượt";
    let saved = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form(&s.a.csrf, &version, narrative),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&saved), format!("/reports/{rid}#entry-{eid}"));
    let stored = entry(&s, eid).await;
    assert_eq!(stored.row.results, narrative);
    assert_eq!(stored.row.status.as_deref(), Some("in-progress"));
    assert_eq!(stored.row.evidence_date.as_deref(), Some("2026-03-15"));
    assert_eq!(stored.row.version, first.row.version + 1);
    assert_eq!(
        stored.funds,
        [
            ("state-budget".to_string(), 1500.5),
            ("oda".to_string(), 200.0)
        ]
    );
    let (_, html) = app.get(&page, Some(&s.a)).await;
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62; đã khám"));
    assert!(!html.contains("<script>alert(1)"));
    assert!(
        html.contains("value=\"1500,5\""),
        "the amount is given back as typed"
    );

    // DPI and the leader read it, without forms; DPI gets the review link.
    let (status, html) = app.get(&page, Some(&s.dpi)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("href=\"/reports/{rid}/review\"")));
    assert!(!html.contains("class=\"entry-form\""));
    assert!(html.contains("&#60;script&#62;alert(1)"));
    let (status, html) = app.get(&page, Some(&s.leader)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("class=\"entry-form\""));
    assert!(!html.contains("/submit\""));
    assert!(!html.contains("/review\""));
    let refused = app
        .post_form(
            &format!("/reports/{rid}/submit"),
            Some(&s.leader.cookie),
            &[("csrf", &s.leader.csrf)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = app
        .post_form(
            &format!("/reports/{rid}/submit"),
            Some(&s.b.cookie),
            &[("csrf", &s.b.csrf)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = app
        .post_form(
            &format!("/reports/{rid}/submit"),
            Some(&s.a.cookie),
            &[("csrf", "forged")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let dpi = principal(app, "dpi").await;
    assert_eq!(
        app.store.report(&dpi, rid).await.expect("report").row.state,
        "draft"
    );

    // A submits: back to the report with the banner; nothing is editable any more.
    let submitted = app
        .post_form(
            &format!("/reports/{rid}/submit"),
            Some(&s.a.cookie),
            &[("csrf", &s.a.csrf)],
        )
        .await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&submitted), format!("/reports/{rid}?submitted=1"));
    let (_, html) = app.get(&location(&submitted), Some(&s.a)).await;
    assert!(html.contains("class=\"flash\""));
    assert!(html.contains("Đã gửi báo cáo"));
    assert!(!html.contains("class=\"entry-form\""));
    let after = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form(&s.a.csrf, &stored.row.version.to_string(), "after submit"),
        )
        .await;
    assert_eq!(after.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        entry(&s, eid).await,
        stored,
        "a submitted report is not changed"
    );

    // DPI returns it with a comment on the entry: highlighted, and editable again.
    app.store
        .return_report(&dpi, rid, &[(eid, "Bổ sung số liệu <năm 2025>".into())])
        .await
        .expect("return");
    let (_, html) = app.get(&page, Some(&s.a)).await;
    assert!(html.contains("class=\"review-comment\""));
    assert!(html.contains("Bổ sung số liệu &#60;năm 2025&#62;"));
    assert_eq!(html.matches("class=\"entry-form\"").count(), 35);
    assert!(html.contains("Trả lại"), "the state, in words");
}

#[tokio::test]
async fn a_conflicting_save_shows_both_versions_and_saving_again_wins() {
    let s = scene().await;
    let app = &s.app;
    let rid = my_report(&s, &s.a).await;
    let first = first_entry(&s, rid).await;
    let eid = first.row.id;
    let read_version = first.row.version.to_string();
    let one = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form(&s.a.csrf, &read_version, "bản của đồng nghiệp"),
        )
        .await;
    assert_eq!(one.status(), StatusCode::SEE_OTHER);
    let stored = entry(&s, eid).await;
    // A second tab still holds the version read before: refused, shown side by side.
    let two = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form(&s.a.csrf, &read_version, "bản <b>của tôi</b>"),
        )
        .await;
    assert_eq!(two.status(), StatusCode::CONFLICT);
    let html = two.body();
    assert!(html.contains("class=\"yours\"") && html.contains("class=\"stored\""));
    assert!(
        html.contains("bản &#60;b&#62;của tôi&#60;/b&#62;"),
        "mine, as typed"
    );
    assert!(html.contains("bản của đồng nghiệp"), "the stored one");
    assert!(html.contains("Lưu bởi syt"), "who saved the stored one");
    assert!(html.contains(&format!(
        "name=\"version\" value=\"{}\"",
        stored.row.version
    )));
    assert_eq!(
        entry(&s, eid).await,
        stored,
        "the refused save changed nothing"
    );
    // Saving again from the conflict page (on top of the stored version) wins.
    let again = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form(&s.a.csrf, &stored.row.version.to_string(), "bản của tôi"),
        )
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    assert_eq!(entry(&s, eid).await.row.results, "bản của tôi");
}
