//! Evidence files on a report entry: the 10 MiB limit, the token, rights,
//! and the download as an attachment.

mod common;
mod report_support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::Browser;
use report_support::*;

#[tokio::test]
async fn evidence_is_limited_checked_and_downloaded_as_an_attachment() {
    let s = scene().await;
    let app = &s.app;
    let rid = my_report(&s, &s.a).await;
    let first = first_entry(&s, rid).await;
    let eid = first.row.id;
    let dpi = principal(app, "dpi").await;
    let pdf = b"%PDF-1.4 minh chung";

    // No token, or B on A's entry: refused and no file stored.
    assert_eq!(
        upload(&s, &s.a, eid, None, pdf).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        upload(&s, &s.b, eid, Some(&s.b.csrf), pdf).await.status(),
        StatusCode::FORBIDDEN
    );
    assert!(
        app.store.evidence_file(&dpi, 1).await.is_err(),
        "nothing stored"
    );

    // Over 10 MiB: 413 page, nothing stored.
    let big = vec![b'x'; 10 * 1024 * 1024 + 1];
    let refused = upload(&s, &s.a, eid, Some(&s.a.csrf), &big).await;
    assert_eq!(refused.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(refused.body().contains("<html"), "a page");
    assert!(
        app.store.evidence_file(&dpi, 1).await.is_err(),
        "nothing stored"
    );
    assert_eq!(entry(&s, eid).await, first);

    let done = upload(&s, &s.a, eid, Some(&s.a.csrf), pdf).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let fid = entry(&s, eid).await.row.evidence_file_id.expect("attached");
    let (_, html) = app.get(&format!("/reports/{rid}"), Some(&s.a)).await;
    assert!(html.contains(&format!("href=\"/evidence/{fid}\"")));

    let download = |who: Option<&Browser>| {
        let mut request = Request::get(format!("/evidence/{fid}"));
        if let Some(b) = who {
            request = request.header(header::COOKIE, &b.cookie);
        }
        app.send_full(request.body(Body::empty()).expect("request"))
    };
    let got = download(Some(&s.a)).await;
    assert_eq!(got.status(), StatusCode::OK);
    assert_eq!(got.body().as_bytes(), pdf);
    let disposition = got.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .expect("ascii");
    assert!(disposition.starts_with("attachment; filename=\""));
    assert!(disposition.contains("filename*=UTF-8''Quy%E1%BA%BFt"));
    assert_eq!(got.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(got.headers()[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(download(Some(&s.leader)).await.status(), StatusCode::OK);
    assert_eq!(download(Some(&s.dpi)).await.status(), StatusCode::OK);
    assert_eq!(download(Some(&s.b)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(download(None).await.status(), StatusCode::UNAUTHORIZED);
}
