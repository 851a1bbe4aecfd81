//! DPI's side of the reporting chain through the router: the period page
//! and reminders, review (return / accept / unlock), the consolidated view,
//! compliance year on year and notifications, for every role.

mod common;
mod review_common;

use axum::http::{header, StatusCode};
use kehoach_store::reporting::compliance::Standing;
use review_common::{scene, LABOUR, LABOUR_MAIL, RESULT_MARK};

fn location(response: &axum::http::Response<String>) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

#[tokio::test]
async fn period_page_shows_compliance_by_role_and_reminds_in_app_and_by_mail() {
    let s = scene().await;
    let app = &s.app;
    let path = format!("/periods/{}", s.period);
    let rows = app
        .store
        .compliance(&s.dpi, s.period)
        .await
        .expect("compliance");
    let owing = rows
        .iter()
        .filter(|r| matches!(r.standing, Standing::Missing | Standing::Returned))
        .count();
    assert!(owing > 10, "Bến Tre has many lead agencies: {owing}");
    let health_on_time = rows
        .iter()
        .find(|r| r.agency_id == s.health)
        .map(|r| r.standing);
    assert_eq!(
        health_on_time,
        Some(Standing::OnTime),
        "submitted before 30/11/2026"
    );

    // DPI: the whole table, standings in words, links, one-click reminders.
    let dpi = app.sign_in("dpi").await;
    let (status, page) = app.get(&path, Some(&dpi)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("30/11/2026"), "the agencies' due date");
    assert!(page.contains("Đang mở"));
    assert!(page.contains(LABOUR));
    assert!(page.contains("Đúng hạn") && page.contains("Chưa gửi"));
    assert!(
        page.contains(&format!("<strong>{owing}</strong>")),
        "summary count of missing"
    );
    assert!(page.contains(&format!("/reports/{}/review", s.report)));
    assert!(page.contains(&format!("name=\"agency_id\" value=\"{}\"", s.labour)));
    assert!(
        !page.contains(&format!("name=\"agency_id\" value=\"{}\"", s.health)),
        "no reminder for an agency that reported"
    );
    assert!(page.contains("name=\"all\""));

    // A leader reads the table and cannot remind; the reporter sees its own
    // agency and its links; the public must log in.
    let leader = app.sign_in("leader").await;
    let (status, page) = app.get(&path, Some(&leader)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(LABOUR) && !page.contains("/remind\""));
    let syt = app.sign_in("syt").await;
    let (status, page) = app.get(&path, Some(&syt)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("/periods/{}/my-report", s.period)));
    assert!(page.contains(&format!("/periods/{}/contributions", s.period)));
    assert!(
        !page.contains(LABOUR),
        "a reporter sees only its own agency"
    );
    assert!(!page.contains("/remind\"") && !page.contains("/review\""));
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Reminding: refused without the token, to a leader, to a reporter, and
    // for an agency that has reported; nothing recorded.
    let remind = format!("/periods/{}/remind", s.period);
    let labour = s.labour.to_string();
    let forged = app
        .post_form(
            &remind,
            Some(&dpi.cookie),
            &[("csrf", "forged"), ("agency_id", &labour)],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    for who in [&leader, &syt] {
        let refused = app
            .post_form(
                &remind,
                Some(&who.cookie),
                &[("csrf", &who.csrf), ("agency_id", &labour)],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
    let health = s.health.to_string();
    let not_owed = app
        .post_form(
            &remind,
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), ("agency_id", &health)],
        )
        .await;
    assert_eq!(not_owed.status(), StatusCode::BAD_REQUEST);
    let notes = app
        .store
        .notifications_for(&s.dpi, s.labour)
        .await
        .expect("notifications");
    assert!(notes.is_empty(), "nothing recorded by refused reminders");
    assert!(s.mail.received().is_empty());

    // One click: an in-app notification and an e-mail to the agency's reporter.
    let sent = app
        .post_form(
            &remind,
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), ("agency_id", &labour)],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&sent),
        format!("/periods/{}?reminded=1&mailed=1&mail_failed=0", s.period)
    );
    let notes = app
        .store
        .notifications_for(&s.dpi, s.labour)
        .await
        .expect("notifications");
    assert_eq!(notes.len(), 1);
    assert!(notes[0].text.contains("Năm 2026"));
    let mails = s.mail.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, vec![LABOUR_MAIL.to_string()]);
    assert!(
        mails[0].1.contains(&format!("/periods/{}", s.period)),
        "the mail links to the period page"
    );
    let reminded_at = app
        .store
        .compliance(&s.dpi, s.period)
        .await
        .expect("compliance")
        .into_iter()
        .find(|r| r.agency_id == s.labour)
        .and_then(|r| r.last_reminder_at);
    assert!(reminded_at.is_some(), "the table's last reminder");
    let (_, page) = app.get(&location(&sent), Some(&dpi)).await;
    assert!(
        page.contains("class=\"flash\""),
        "the banner says what was sent"
    );

    // The reminded agency's reporter reads it on /notifications; Sở Y tế's does not.
    let ldtbxh = app.sign_in("ldtbxh").await;
    let (status, page) = app.get("/notifications", Some(&ldtbxh)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Năm 2026"));
    let (_, page) = app.get("/notifications", Some(&syt)).await;
    assert!(page.contains("Chưa có thông báo nào."));
    let (status, _) = app.get("/notifications", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // "Remind all": every agency still owing, one mail more (the only address).
    let all = app
        .post_form(
            &remind,
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), ("all", "1")],
        )
        .await;
    assert_eq!(all.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&all),
        format!(
            "/periods/{}?reminded={owing}&mailed=1&mail_failed=0",
            s.period
        )
    );
    assert_eq!(s.mail.received().len(), 2);
    let audit = app.store.audit_log(500).await.expect("audit");
    let reminders = audit
        .iter()
        .filter(|e| e.action == "remind" && e.entity_id == Some(s.period))
        .count();
    assert_eq!(
        reminders,
        1 + 1 + owing + 1,
        "app and mail reminders, each audited"
    );
}

#[tokio::test]
async fn dpi_returns_accepts_and_unlocks_and_nobody_else_can() {
    let s = scene().await;
    let app = &s.app;
    let review = format!("/reports/{}/review", s.report);
    let dpi = app.sign_in("dpi").await;
    let leader = app.sign_in("leader").await;
    let syt = app.sign_in("syt").await;
    let state = |id: i64| {
        let store = app.store.clone();
        let dpi = s.dpi.clone();
        async move { store.report(&dpi, id).await.expect("report").row.state }
    };

    // The review page: entries read-only with a comment box each, for DPI.
    let (status, page) = app.get(&review, Some(&dpi)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(RESULT_MARK));
    assert!(page.contains("Hoàn thành"), "the entry's status in words");
    assert!(page.contains(&format!("name=\"comment_{}\"", s.entry)));
    assert!(page.contains("/accept\""));
    let task = app
        .store
        .report_task_texts(&s.dpi, s.report)
        .await
        .expect("task texts");
    assert_eq!(task.len(), 35, "Sở Y tế leads 35 tasks of Bến Tre 2018");
    assert!(
        page.contains(&task[0].text),
        "the task's text beside the entry"
    );
    let (status, page) = app.get(&review, Some(&leader)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(RESULT_MARK) && !page.contains("/accept\"") && !page.contains("comment_")
    );
    let (status, _) = app.get(&review, Some(&syt)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.get(&review, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Returning: the reporter, the leader, a forged token are refused; state unchanged.
    let ret = format!("/reports/{}/return", s.report);
    let field = format!("comment_{}", s.entry);
    let comment = "Bổ sung số liệu theo từng huyện <b>kèm</b> văn bản";
    for (cookie, csrf, expected) in [
        (&syt.cookie, syt.csrf.as_str(), StatusCode::FORBIDDEN),
        (&leader.cookie, leader.csrf.as_str(), StatusCode::FORBIDDEN),
        (&dpi.cookie, "forged", StatusCode::FORBIDDEN),
    ] {
        let refused = app
            .post_form(&ret, Some(cookie), &[("csrf", csrf), (&field, comment)])
            .await;
        assert_eq!(refused.status(), expected);
    }
    let empty = app
        .post_form(
            &ret,
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), (&field, "  ")],
        )
        .await;
    assert_eq!(
        empty.status(),
        StatusCode::BAD_REQUEST,
        "a return needs a comment"
    );
    assert_eq!(state(s.report).await, "submitted");

    let returned = app
        .post_form(
            &ret,
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), (&field, comment)],
        )
        .await;
    assert_eq!(returned.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&returned), review);
    assert_eq!(state(s.report).await, "returned");
    // The reporter's entry carries the comment (the report page shows it).
    let entry = app.store.entry(&s.syt, s.entry).await.expect("entry");
    assert_eq!(entry.row.review_comment, comment);
    let (_, page) = app.get(&review, Some(&dpi)).await;
    assert!(
        page.contains("Bổ sung số liệu theo từng huyện &#60;b&#62;kèm&#60;/b&#62;")
            || page.contains("&lt;b&gt;kèm"),
        "escaped"
    );
    let (_, period_page) = app.get(&format!("/periods/{}", s.period), Some(&dpi)).await;
    assert!(period_page.contains("Bị trả lại"));

    // Resubmitted, then accepted by DPI only.
    app.store
        .submit_report(&s.syt, s.report)
        .await
        .expect("resubmit");
    let accept = format!("/reports/{}/accept", s.report);
    for who in [&syt, &leader] {
        let refused = app
            .post_form(&accept, Some(&who.cookie), &[("csrf", &who.csrf)])
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
    let forged = app
        .post_form(&accept, Some(&dpi.cookie), &[("csrf", "forged")])
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(state(s.report).await, "submitted");
    let accepted = app
        .post_form(&accept, Some(&dpi.cookie), &[("csrf", &dpi.csrf)])
        .await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    assert_eq!(state(s.report).await, "accepted");
    let (_, page) = app.get(&review, Some(&dpi)).await;
    assert!(page.contains("name=\"reason\"") && !page.contains("/accept\""));

    // The consolidated view: the accepted entry under its target, the agencies missing.
    let consolidation = format!("/periods/{}/consolidation", s.period);
    let (status, page) = app.get(&consolidation, Some(&dpi)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(RESULT_MARK));
    assert!(page.contains("Số nhiệm vụ đã được chấp nhận báo cáo: <strong>35</strong>"));
    let expected = app
        .store
        .consolidation(&s.dpi, s.period)
        .await
        .expect("consolidation");
    assert!(expected.outstanding.len() > 10);
    assert!(
        expected
            .outstanding
            .iter()
            .all(|(_, name, _)| page.contains(&format!("<li>{name} — "))),
        "every agency missing is listed"
    );
    assert!(!page.contains(&format!("<li>{} — ", review_common::HEALTH)));
    if let Some(task) = task.first() {
        if let (Some(code), Some(text)) = (&task.target_code, &task.target_text) {
            assert!(
                page.contains(&format!("<span class=\"code\">{code}</span> {text}")),
                "the target's text, not only its code"
            );
        }
    }
    assert!(page.contains(".xlsx"));
    let silent = expected
        .tasks
        .iter()
        .filter(|t| t.entries.is_empty() && t.contributions.is_empty())
        .count();
    assert_eq!(silent, 342 - 35, "Bến Tre 2018 has 342 tasks");
    assert!(page.contains(&format!("<strong>{silent}</strong>")));
    assert_eq!(
        page.matches("class=\"accepted-entry\"").count(),
        35,
        "only the tasks reported on are listed"
    );
    let (status, page) = app.get(&consolidation, Some(&leader)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(RESULT_MARK));
    let (status, _) = app.get(&consolidation, Some(&syt)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.get(&consolidation, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Unlocking needs a reason, which the audit log keeps; only DPI may.
    let unlock = format!("/reports/{}/unlock", s.report);
    let reason = "Sai số liệu huyện Ba Tri";
    let refused = app
        .post_form(
            &unlock,
            Some(&leader.cookie),
            &[("csrf", &leader.csrf), ("reason", reason)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = app
        .post_form(
            &unlock,
            Some(&syt.cookie),
            &[("csrf", &syt.csrf), ("reason", reason)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let no_reason = app
        .post_form(
            &unlock,
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), ("reason", "   ")],
        )
        .await;
    assert_eq!(no_reason.status(), StatusCode::BAD_REQUEST);
    let no_field = app
        .post_form(&unlock, Some(&dpi.cookie), &[("csrf", &dpi.csrf)])
        .await;
    assert_eq!(no_field.status(), StatusCode::BAD_REQUEST);
    assert_eq!(state(s.report).await, "accepted");
    let unlocked = app
        .post_form(
            &unlock,
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), ("reason", reason)],
        )
        .await;
    assert_eq!(unlocked.status(), StatusCode::SEE_OTHER);
    assert_eq!(state(s.report).await, "returned");
    let audit = app.store.audit_log(50).await.expect("audit");
    let logged = audit
        .iter()
        .find(|e| e.action == "unlock" && e.entity_id == Some(s.report))
        .and_then(|e| e.after.clone())
        .unwrap_or_default();
    assert!(logged.contains(reason), "the reason is audited: {logged}");
    assert_eq!(
        audit
            .iter()
            .find(|e| e.action == "unlock")
            .map(|e| e.actor.as_str()),
        Some("dpi")
    );
}

#[tokio::test]
async fn a_mail_server_down_does_not_lose_the_in_app_reminder() {
    let mut s = scene().await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let mailer = kehoach_notify::Mailer::new(
        &format!("smtp://127.0.0.1:{closed}"),
        "kehoach <kehoach@localhost>",
    )
    .expect("mailer");
    let addr: std::net::SocketAddr = "127.0.0.1:40000".parse().expect("addr");
    s.app.router = kehoach_web::router(
        kehoach_web::AppState::new(s.app.store.clone()).with_mailer(Some(mailer)),
    )
    .layer(axum::extract::connect_info::MockConnectInfo(addr));
    let dpi = s.app.sign_in("dpi").await;
    let sent = s
        .app
        .post_form(
            &format!("/periods/{}/remind", s.period),
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), ("agency_id", &s.labour.to_string())],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&sent),
        format!("/periods/{}?reminded=1&mailed=0&mail_failed=1", s.period)
    );
    let notes = s
        .app
        .store
        .notifications_for(&s.dpi, s.labour)
        .await
        .expect("notifications");
    assert_eq!(notes.len(), 1, "the in-app reminder stands");
    let (_, page) = s.app.get(&location(&sent), Some(&dpi)).await;
    assert!(page.contains("gửi thư không thành công: 1"));
}
