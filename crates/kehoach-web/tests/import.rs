//! Importing from the browser: upload, preview, agency mapping, commit,
//! discard, and who may do it.

mod common;

use std::io::Cursor;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{App, Browser};
use docx_rs::{Docx, Paragraph, Run};
use kehoach_store::Actor;

const KIEN_GIANG: &str = "kien-giang-2018-sdg-kh-ubnd.txt";
const BEN_TRE: &str = "ben-tre-2018-sdg-2699-qd-ubnd.txt";
const BOUNDARY: &str = "kehoach-test-boundary";

fn corpus_bytes(name: &str) -> Vec<u8> {
    let dir = kehoach_import::corpus::corpus_dir().expect("corpus");
    std::fs::read(dir.join(name)).expect("corpus file")
}

/// A multipart body with the token and one file, as a browser sends it.
fn multipart(csrf: &str, file_name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
             --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Uploads a file in English; returns the status and the Location header.
async fn upload(
    app: &App,
    browser: Option<&Browser>,
    csrf: &str,
    name: &str,
    bytes: &[u8],
) -> (StatusCode, String, String) {
    let mut request = Request::post("/import").header(
        header::CONTENT_TYPE,
        format!("multipart/form-data; boundary={BOUNDARY}"),
    );
    let cookie = match browser {
        Some(b) => format!("{}; kh_lang=en", b.cookie),
        None => "kh_lang=en".to_string(),
    };
    request = request.header(header::COOKIE, cookie);
    let response = app
        .send_full(
            request
                .body(Body::from(multipart(csrf, name, bytes)))
                .expect("request"),
        )
        .await;
    let location = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (response.status(), location, response.into_body())
}

async fn english(app: &App, path: &str, browser: &Browser) -> (StatusCode, String) {
    app.get_with_cookie(path, &format!("{}; kh_lang=en", browser.cookie))
        .await
}

fn redirect_target(response: &axum::http::Response<String>) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

#[tokio::test]
async fn upload_preview_map_and_commit_then_the_same_file_is_unchanged() {
    let app = common::app_with(&[]).await;
    let dpi = app.sign_in("dpi").await;
    let bytes = corpus_bytes(KIEN_GIANG);
    let (status, location, _) = upload(&app, Some(&dpi), &dpi.csrf, KIEN_GIANG, &bytes).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/import/"), "{location}");

    // An agency made for the test, to map the first unknown name to.
    let agency = app
        .store
        .create_agency("Cơ quan thử nghiệm nhập", &Actor::command_line())
        .await
        .expect("agency");
    let (status, preview) = english(&app, &location, &dpi).await;
    assert_eq!(status, StatusCode::OK);
    assert!(preview.contains("17 goals"), "goal count");
    assert!(preview.contains("110 targets"), "target count");
    assert!(preview.contains("120 indicators"), "indicator count");
    assert!(preview.contains("A new plan"));
    assert!(
        preview.contains("class=\"import-notes\""),
        "diagnostics table"
    );
    assert!(preview.contains("<code>unknown-agency</code>"));
    assert!(
        preview.contains("name=\"map_0\""),
        "an unknown agency to map"
    );

    assert!(preview.contains(&format!("<option value=\"{agency}\">")));
    let commit = format!("{location}/commit");
    let agency_text = agency.to_string();
    let refused = app
        .post_form(
            &commit,
            Some(&dpi.cookie),
            &[("csrf", "forged"), ("map_0", &agency_text)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let done = app
        .post_form(
            &commit,
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), ("map_0", &agency_text)],
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let plan_url = redirect_target(&done);
    assert!(plan_url.ends_with("?imported=new"), "{plan_url}");
    let (status, plan) = english(&app, &plan_url, &dpi).await;
    assert_eq!(status, StatusCode::OK);
    assert!(plan.contains("The new plan was imported."));
    assert!(
        plan.contains(&format!("/agencies/{agency}\"")),
        "the mapped agency stands where the unknown name was"
    );
    let plans = app.store.plans(false).await.expect("plans");
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].targets, 110);
    // The preview is gone once committed.
    let (status, _) = english(&app, &location, &dpi).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The same bytes again: the preview says nothing would change.
    let (_, again, _) = upload(&app, Some(&dpi), &dpi.csrf, KIEN_GIANG, &bytes).await;
    let (_, preview) = english(&app, &again, &dpi).await;
    assert!(preview.contains("nothing would change"));
    assert!(preview.contains(&format!("/plans/{}\"", plans[0].id)));
    let done = app
        .post_form(
            &format!("{again}/commit"),
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf)],
        )
        .await;
    assert!(redirect_target(&done).ends_with("?imported=unchanged"));
    assert_eq!(app.store.plans(false).await.expect("plans").len(), 1);
}

#[tokio::test]
async fn an_edited_file_is_previewed_and_stored_as_a_new_version_with_its_diff() {
    let app = common::app_with(&["kien-giang"]).await;
    let admin = app.sign_in("admin").await;
    let mut bytes = corpus_bytes(KIEN_GIANG);
    bytes.extend_from_slice(b"\n");
    let (_, location, _) = upload(&app, Some(&admin), &admin.csrf, KIEN_GIANG, &bytes).await;
    let (_, preview) = english(&app, &location, &admin).await;
    assert!(preview.contains("A new version of a known plan"));
    let done = app
        .post_form(
            &format!("{location}/commit"),
            Some(&admin.cookie),
            &[("csrf", &admin.csrf)],
        )
        .await;
    let target = redirect_target(&done);
    assert!(target.contains("?imported=version&v=2&"), "{target}");
    let (_, plan) = english(&app, &target, &admin).await;
    assert!(plan.contains("The new version was imported."));
    assert!(plan.contains("tasks added 0"));
}

#[tokio::test]
async fn a_word_document_built_here_imports() {
    let app = common::app_with(&[]).await;
    let dpi = app.sign_in("dpi").await;
    let text = String::from_utf8(corpus_bytes(BEN_TRE)).expect("utf-8");
    let mut docx = Docx::new();
    for line in text.lines() {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).expect("docx");
    let (status, location, _) =
        upload(&app, Some(&dpi), &dpi.csrf, "ben-tre.docx", bytes.get_ref()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, preview) = english(&app, &location, &dpi).await;
    assert_eq!(status, StatusCode::OK);
    assert!(preview.contains("ben-tre.docx"));
    assert!(
        preview.contains("<dd>14 Dec 2018</dd>"),
        "the date, as shown"
    );
    assert!(preview.contains("<dd>2699/QĐ-UBND</dd>"));
    // The same plan as the text version of the document.
    assert!(preview.contains("17 goals"));
    assert!(preview.contains("108 targets"));
    assert!(preview.contains("342 tasks"));
    let done = app
        .post_form(
            &format!("{location}/commit"),
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf)],
        )
        .await;
    assert!(redirect_target(&done).ends_with("?imported=new"));
    assert_eq!(app.store.plans(false).await.expect("plans")[0].goals, 17);
}

#[tokio::test]
async fn unreadable_files_get_a_page_naming_the_file() {
    let app = common::app_with(&[]).await;
    let dpi = app.sign_in("dpi").await;
    let (status, _, page) = upload(&app, Some(&dpi), &dpi.csrf, "trong.txt", b"").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("trong.txt"), "{page}");
    assert!(page.contains("empty"));
    let binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    let (status, _, page) = upload(&app, Some(&dpi), &dpi.csrf, "anh.txt", &binary).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("anh.txt"), "{page}");
    let (status, _, page) = upload(&app, Some(&dpi), &dpi.csrf, "hong.docx", &binary).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("hong.docx"), "{page}");
}

#[tokio::test]
async fn only_coordinators_and_admins_import_with_a_valid_token_and_their_own_previews() {
    let app = common::app_with(&[]).await;
    let (status, page) = app.get("/import", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(page.contains("/login?next="));
    let leader = app.sign_in("leader").await;
    let (status, _) = app.get("/import", Some(&leader)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let bytes = corpus_bytes(KIEN_GIANG);
    let (status, _, _) = upload(&app, Some(&leader), &leader.csrf, KIEN_GIANG, &bytes).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = upload(&app, None, "", KIEN_GIANG, &bytes).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let dpi = app.sign_in("dpi").await;
    let (status, form) = app.get("/import", Some(&dpi)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("accept=\".txt,.docx,.xlsx\""));
    assert!(form.contains(&format!("name=\"csrf\" value=\"{}\"", dpi.csrf)));
    let (status, _, _) = upload(&app, Some(&dpi), "forged", KIEN_GIANG, &bytes).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (_, location, _) = upload(&app, Some(&dpi), &dpi.csrf, KIEN_GIANG, &bytes).await;
    let admin = app.sign_in("admin").await;
    let (status, _) = app.get(&location, Some(&admin)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another user's preview");
    let stolen = app
        .post_form(
            &format!("{location}/commit"),
            Some(&admin.cookie),
            &[("csrf", &admin.csrf)],
        )
        .await;
    assert_eq!(stolen.status(), StatusCode::NOT_FOUND);
    let (status, _) = app.get(&location, Some(&leader)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let discarded = app
        .post_form(
            &format!("{location}/discard"),
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf)],
        )
        .await;
    assert_eq!(discarded.status(), StatusCode::SEE_OTHER);
    let (status, _) = app.get(&location, Some(&dpi)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(app.store.plans(false).await.expect("plans").is_empty());
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_a_page() {
    let app = common::app_with(&[]).await;
    let dpi = app.sign_in("dpi").await;
    let big = vec![b'a'; kehoach_web::MAX_BODY_BYTES + 1];
    let (status, _, page) = upload(&app, Some(&dpi), &dpi.csrf, "big.txt", &big).await;
    let main = page.split("<main").nth(1).unwrap_or("");
    assert!(page.contains("too large"), "{main}");
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    // Browsers announce the length: refused before the body is read.
    let body = multipart(&dpi.csrf, "big.txt", &big);
    let request = Request::post("/import")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(header::CONTENT_LENGTH, body.len())
        .header(header::COOKIE, format!("{}; kh_lang=en", dpi.cookie))
        .body(Body::from(body))
        .expect("request");
    let (status, page) = app.send(request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.contains("too large"));
}
