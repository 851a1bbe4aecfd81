//! The JSON API and its OpenAPI document.

mod common;

use std::collections::BTreeSet;

use axum::http::StatusCode;
use common::app_with;
use serde_json::Value;

/// Every route the API serves (the router's, as written in api/mod.rs).
const API_ROUTES: [&str; 9] = [
    "/api/openapi.json",
    "/api/plans",
    "/api/plans/{id}",
    "/api/plans/{id}/targets",
    "/api/plans/{id}/tasks",
    "/api/agencies",
    "/api/agencies/{id}",
    "/api/search",
    "/api/indicators/{id}/series",
];

/// The reporting API's routes (api/reporting, api/auth): for signed-in
/// callers, tested in api_reporting.rs.
const REPORTING_ROUTES: [&str; 8] = [
    "/api/session",
    "/api/periods/{id}",
    "/api/periods/{id}/my-report",
    "/api/periods/{id}/contributions/{task_id}",
    "/api/reports/{rid}",
    "/api/reports/{rid}/submit",
    "/api/reports/{rid}/indicators",
    "/api/entries/{eid}",
];

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[tokio::test]
async fn every_documented_path_answers_and_every_route_is_documented() {
    let app = app_with(&["kien-giang"]).await;
    let (status, body) = app.get("/api/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    let doc = json(&body);
    assert!(doc["openapi"]
        .as_str()
        .is_some_and(|v| v.starts_with("3.1")));
    let paths: BTreeSet<&str> = doc["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        paths,
        API_ROUTES.into_iter().chain(REPORTING_ROUTES).collect()
    );

    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let agency = app
        .store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("agency");
    let indicator = app
        .store
        .plan_tree(plan, None)
        .await
        .expect("tree")
        .indicators[0]
        .id;
    for path in &API_ROUTES {
        let real = if path.starts_with("/api/agencies/") {
            path.replace("{id}", &agency.to_string())
        } else if *path == "/api/search" {
            "/api/search?q=nuoc+sach".to_string()
        } else if path.starts_with("/api/indicators/") {
            path.replace("{id}", &indicator.to_string())
        } else {
            path.replace("{id}", &plan.to_string())
        };
        let (status, body) = app.get(&real, None).await;
        assert_eq!(status, StatusCode::OK, "{real}: {body}");
        json(&body);
        // Every operation says what it answers.
        let op = &doc["paths"][*path]["get"];
        assert!(op["responses"]["200"].is_object(), "{path}");
    }
    let (status, _) = app.get("/healthz", None).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn plans_targets_and_tasks_read_back_the_tree() {
    let app = app_with(&["kien-giang"]).await;
    let summary = app.store.plans(false).await.expect("plans").remove(0);
    let (_, body) = app.get("/api/plans", None).await;
    let plans = json(&body);
    assert_eq!(plans.as_array().map(Vec::len), Some(1));
    assert_eq!(plans[0]["id"], summary.id);
    assert_eq!(plans[0]["tasks"], summary.tasks);

    let (_, body) = app
        .get(&format!("/api/plans/{}/tasks", summary.id), None)
        .await;
    let tasks = json(&body);
    assert_eq!(tasks.as_array().map(Vec::len), Some(summary.tasks as usize));
    assert!(tasks[0]["text"].is_string());
    assert!(tasks[0]["lead"].is_array());

    let (_, body) = app
        .get(&format!("/api/plans/{}/targets", summary.id), None)
        .await;
    let targets = json(&body);
    assert_eq!(
        targets.as_array().map(Vec::len),
        Some(summary.targets as usize)
    );

    let (_, body) = app.get(&format!("/api/plans/{}", summary.id), None).await;
    let tree = json(&body);
    assert_eq!(tree["summary"]["id"], summary.id);
    assert_eq!(tree["indicators"].as_array().map(Vec::len), Some(120));
    // The public gets no import diagnostics; staff do.
    assert_eq!(tree["diagnostics"].as_array().map(Vec::len), Some(0));
    let dpi = app.sign_in("dpi").await;
    let (_, body) = app
        .get(&format!("/api/plans/{}", summary.id), Some(&dpi))
        .await;
    let staff = app.store.plan_tree(summary.id, None).await.expect("tree");
    assert_eq!(
        json(&body)["diagnostics"].as_array().map(Vec::len),
        Some(staff.diagnostics.len())
    );
}

#[tokio::test]
async fn unpublished_plans_are_not_found_for_the_public() {
    let app = app_with(&["kien-giang"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    app.store
        .set_published(plan, false, &kehoach_store::Actor::command_line())
        .await
        .expect("unpublish");
    let (_, body) = app.get("/api/plans", None).await;
    assert_eq!(json(&body).as_array().map(Vec::len), Some(0));
    for path in ["", "/targets", "/tasks"] {
        let (status, body) = app.get(&format!("/api/plans/{plan}{path}"), None).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(json(&body)["error"], "notfound");
    }
    let agency = app
        .store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("agency");
    let (_, body) = app.get(&format!("/api/agencies/{agency}"), None).await;
    assert_eq!(json(&body)["tasks"].as_array().map(Vec::len), Some(0));
    let (_, body) = app.get("/api/search?q=nuoc+sach", None).await;
    assert!(json(&body)["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .all(|h| h["kind"] == "agency"));

    let leader = app.sign_in("leader").await;
    let (status, _) = app.get(&format!("/api/plans/{plan}"), Some(&leader)).await;
    assert_eq!(status, StatusCode::OK);
    let (_, body) = app
        .get(&format!("/api/agencies/{agency}"), Some(&leader))
        .await;
    assert!(!json(&body)["tasks"].as_array().expect("tasks").is_empty());
}

#[tokio::test]
async fn search_answers_hits_with_spans_and_unknown_ids_are_json_errors() {
    let app = app_with(&["kien-giang"]).await;
    let (_, body) = app
        .get("/api/search?q=ke%20hoach%20dau%20tu&limit=5", None)
        .await;
    let found = json(&body);
    assert_eq!(found["query"], "ke hoach dau tu");
    let hits = found["hits"].as_array().expect("hits");
    assert!(hits.len() <= 5);
    let agency = hits
        .iter()
        .find(|h| h["kind"] == "agency")
        .expect("the agency");
    assert_eq!(agency["text"], "Sở Kế hoạch và Đầu tư");
    assert_eq!(agency["plan_id"], Value::Null);
    // Byte offsets: "Sở " is five bytes.
    assert_eq!(agency["spans"][0]["start"], 5);
    assert_eq!(
        agency["html"],
        "Sở <mark>Kế hoạch</mark> và <mark>Đầu tư</mark>"
    );

    let (_, body) = app.get("/api/search?q=", None).await;
    assert_eq!(json(&body)["hits"].as_array().map(Vec::len), Some(0));
    for path in ["/api/plans/999999", "/api/agencies/999999", "/api/nothing"] {
        let (status, body) = app.get(path, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(json(&body)["error"], "notfound");
    }
    let (status, body) = app.get("/api/plans/abc", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json(&body)["error"], "notfound");
}

#[tokio::test]
async fn an_indicator_series_reads_the_plans_figures() {
    let app = app_with(&["kien-giang"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let tree = app.store.plan_tree(plan, None).await.expect("tree");
    let id = tree
        .indicators
        .iter()
        .find(|i| i.code.as_deref() == Some("2.1"))
        .expect("2.1")
        .id;
    let (status, body) = app.get(&format!("/api/indicators/{id}/series"), None).await;
    assert_eq!(status, StatusCode::OK);
    let series = json(&body);
    assert_eq!(series["issued_year"], 2018);
    assert_eq!(series["baseline"][0]["year"], 2015);
    assert_eq!(series["baseline"][0]["value"], 13.6);
    assert_eq!(series["targets"][1]["comparator"], "<");
    assert_eq!(series["reported"].as_array().map(Vec::len), Some(0));
    let (status, body) = app.get("/api/indicators/999999/series", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(json(&body)["error"].is_string());
}
