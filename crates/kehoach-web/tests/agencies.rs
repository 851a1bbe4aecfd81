//! Agency list and pages, the registry's forms, and the compare page, in process.

mod common;

use axum::http::{header, StatusCode};
use common::{app_with, App};
use kehoach_store::Actor;

async fn agency_id(app: &App, name: &str) -> i64 {
    app.store
        .find_agency(name)
        .await
        .expect("find")
        .unwrap_or_else(|| panic!("no agency {name}"))
}

/// The agency names of the list page, in the order shown.
fn listed_names(html: &str) -> Vec<String> {
    let body = html.split("<tbody>").nth(1).unwrap_or("");
    body.split("<td><a href=\"/agencies/")
        .skip(1)
        .filter_map(|row| {
            let start = row.find('>')? + 1;
            let end = row.find("</a>")?;
            row.get(start..end).map(str::to_string)
        })
        .collect()
}

/// The table row of the list page that names `name`.
fn row_of<'a>(html: &'a str, name: &str) -> &'a str {
    let anchor = format!(">{name}</a></td>");
    let start = html
        .find(&anchor)
        .unwrap_or_else(|| panic!("{name} listed"));
    let rest = &html[start..];
    &rest[..rest.find("</tr>").unwrap_or(rest.len())]
}

fn location(response: &axum::http::Response<String>) -> &str {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

#[tokio::test]
async fn the_list_is_in_vietnamese_order_with_counts_and_a_filter() {
    let app = app_with(&["ben-tre-2018", "kien-giang"]).await;
    let (status, html) = app.get("/agencies", None).await;
    assert_eq!(status, StatusCode::OK);
    let names = listed_names(&html);
    assert_eq!(names.len(), app.store.agencies().await.expect("all").len());
    let at = |name: &str| names.iter().position(|n| n == name);
    let health = at("Sở Y tế").expect("Sở Y tế listed");
    // Đ sorts after D and before E in Vietnamese (not after Z as in bytes),
    // and Ủy ban after Sở.
    let first_d_stroke = names
        .iter()
        .position(|n| n.starts_with('Đ'))
        .expect("an agency whose name starts with Đ");
    assert!(first_d_stroke < health, "{names:?}");
    if let Some(d) = names.iter().rposition(|n| n.starts_with('D')) {
        assert!(d < first_d_stroke, "{names:?}");
    }
    let committee = names
        .iter()
        .position(|n| n.starts_with("Ủy ban"))
        .expect("an Ủy ban");
    assert!(health < committee, "{names:?}");
    for pair in names.windows(2) {
        assert_ne!(
            kehoach_vi::vietnamese().compare(&pair[0], &pair[1]),
            std::cmp::Ordering::Greater,
            "{pair:?}"
        );
    }
    // Counts as in the store, formatted.
    let rows = app.store.agencies().await.expect("agencies");
    let counted = rows.iter().find(|a| a.name == "Sở Y tế").expect("row");
    assert!(counted.leads > 0);
    assert!(row_of(&html, "Sở Y tế").contains(&format!("<td class=\"num\">{}</td>", counted.leads)));

    // The filter folds diacritics.
    let (status, filtered) = app.get("/agencies?q=so%20y%20te", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed_names(&filtered), ["Sở Y tế"]);
    let (_, none) = app.get("/agencies?q=zzzz", None).await;
    assert!(none.contains("Không có cơ quan nào phù hợp."));
    // Any name of an agency finds it, not only the canonical one.
    let health = app
        .store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("Sở Y tế");
    app.store
        .add_alias(health, "SYT tỉnh", &kehoach_store::Actor::command_line())
        .await
        .expect("alias");
    let (_, by_alias) = app.get("/agencies?q=syt%20%20TINH", None).await;
    assert_eq!(listed_names(&by_alias), ["Sở Y tế"]);
    // No registry forms for the public.
    assert!(!html.contains("name=\"name\""));
}

#[tokio::test]
async fn the_public_counts_and_tasks_leave_out_unpublished_plans() {
    let app = app_with(&["ben-tre-2018", "kien-giang"]).await;
    let health = agency_id(&app, "Sở Y tế").await;
    let plans = app.store.plans(false).await.expect("plans");
    let kien_giang = plans
        .iter()
        .find(|p| p.file_name.starts_with("kien-giang"))
        .expect("kien giang");
    app.store
        .set_published(kien_giang.id, false, &Actor::command_line())
        .await
        .expect("unpublish");
    let all = app.store.agencies_visible(false).await.expect("all");
    let public = app.store.agencies_visible(true).await.expect("public");
    let leads = |rows: &[kehoach_store::agencies::AgencyListRow]| {
        rows.iter()
            .find(|a| a.id == health)
            .map(|a| a.leads)
            .expect("row")
    };
    assert!(leads(&public) < leads(&all));
    let (_, html) = app.get("/agencies", None).await;
    assert!(
        row_of(&html, "Sở Y tế").contains(&format!("<td class=\"num\">{}</td>", leads(&public)))
    );
    let leader = app.sign_in("leader").await;
    let (_, signed_in) = app.get("/agencies", Some(&leader)).await;
    assert!(
        row_of(&signed_in, "Sở Y tế").contains(&format!("<td class=\"num\">{}</td>", leads(&all)))
    );

    let page = format!("/agencies/{health}");
    let (_, public_page) = app.get(&page, None).await;
    assert_eq!(
        public_page
            .matches("<section class=\"plan-group\">")
            .count(),
        1
    );
    assert!(!public_page.contains(&format!("/plans/{}", kien_giang.id)));
    let (_, leader_page) = app.get(&page, Some(&leader)).await;
    assert_eq!(
        leader_page
            .matches("<section class=\"plan-group\">")
            .count(),
        2
    );
}

#[tokio::test]
async fn the_health_department_page_shows_its_tasks_plan_by_plan() {
    let app = app_with(&["ben-tre-2018", "kien-giang", "quang-ninh"]).await;
    let health = agency_id(&app, "Sở Y tế").await;
    let (status, html) = app.get(&format!("/agencies/{health}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Sở Y tế</h1>"));
    let tasks = app.store.agency_tasks(health).await.expect("tasks");
    let led_plans: std::collections::BTreeSet<i64> = tasks
        .iter()
        .filter(|t| t.role == "lead")
        .map(|t| t.plan_id)
        .collect();
    assert!(led_plans.len() >= 2, "{led_plans:?}");
    assert_eq!(
        html.matches("<section class=\"plan-group\">").count(),
        tasks
            .iter()
            .map(|t| t.plan_id)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    assert!(html.matches("<h3>Chủ trì (").count() >= 2);
    let led = tasks.iter().filter(|t| t.role == "lead").count();
    assert!(html.contains(&format!("{led} nhiệm vụ chủ trì")));
    // Each task links to its place in the plan and to its source lines.
    let task = tasks.iter().find(|t| t.role == "lead").expect("a led task");
    assert!(html.contains(&format!("/plans/{}#task-{}", task.plan_id, task.task_id)));
    assert!(html.contains(&format!(
        "/documents/{}?from={line}#L{line}",
        task.document_id,
        line = task.line
    )));
    assert!(html.contains("Chính cơ quan này"));
    // No registry forms for the public.
    assert!(!html.contains("/aliases\""));

    let (status, _) = app.get("/agencies/999999", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, english) = app
        .get_with_cookie(&format!("/agencies/{health}"), "kh_lang=en")
        .await;
    assert!(english.contains("Responsible today"));
}

#[tokio::test]
async fn a_successor_takes_over_from_its_date_on_the_plan_and_agency_pages() {
    let app = app_with(&["ben-tre-2018"]).await;
    let planning = agency_id(&app, "Sở Kế hoạch và Đầu tư").await;
    let finance = agency_id(&app, "Sở Tài chính").await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let planning_tasks = app.store.agency_tasks(planning).await.expect("tasks");
    let finance_before = app.store.agency_tasks(finance).await.expect("tasks");
    let dpi = app.sign_in("dpi").await;

    // The form is on the page, with the other agencies in Vietnamese order.
    let (_, page) = app.get(&format!("/agencies/{planning}"), Some(&dpi)).await;
    assert!(page.contains(&format!("action=\"/agencies/{planning}/successors\"")));
    assert!(page.contains("type=\"date\""));
    let select = page.split("name=\"successor\"").nth(1).expect("select");
    let select = &select[..select.find("</select>").expect("end")];
    let options: Vec<&str> = select
        .split("\">")
        .skip(1)
        .filter_map(|o| o.split("</option>").next())
        .collect();
    assert!(options.len() > 10);
    assert!(!options.contains(&"Sở Kế hoạch và Đầu tư"));
    for pair in options.windows(2) {
        assert_ne!(
            kehoach_vi::vietnamese().compare(pair[0], pair[1]),
            std::cmp::Ordering::Greater
        );
    }

    let response = app
        .post_form(
            &format!("/agencies/{planning}/successors"),
            Some(&dpi.cookie),
            &[
                ("csrf", &dpi.csrf),
                ("successor", &finance.to_string()),
                ("effective_on", "2025-03-01"),
                ("note", "hợp nhất"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/agencies/{planning}"));
    let log = app.store.audit_log(5).await.expect("audit");
    let entry = log
        .iter()
        .find(|e| e.action == "add-succession")
        .expect("audited");
    assert_eq!(entry.entity_id, Some(planning));
    assert_eq!(entry.actor, "dpi");

    // The plan shows both the agency it named and the one responsible today.
    let (_, plan_html) = app.get(&format!("/plans/{plan}"), None).await;
    let beside = format!(
        "<a href=\"/agencies/{planning}\">Sở Kế hoạch và Đầu tư</a> <span class=\"today\">(nay là <a href=\"/agencies/{finance}\">Sở Tài chính</a>)</span>"
    );
    assert!(plan_html.contains(&beside));

    // Sở Tài chính's page lists them, as named in the plan.
    let (_, finance_html) = app.get(&format!("/agencies/{finance}"), None).await;
    let finance_after = app.store.agency_tasks(finance).await.expect("tasks");
    assert_eq!(
        finance_after.len(),
        finance_before.len() + planning_tasks.len()
    );
    assert!(finance_html.contains(&format!(
        "<td><a href=\"/agencies/{planning}\">Sở Kế hoạch và Đầu tư</a></td>"
    )));
    assert!(finance_html.contains("Kế thừa từ"));
    assert!(finance_html.contains("01/03/2025"));
    let (_, planning_html) = app.get(&format!("/agencies/{planning}"), None).await;
    assert!(planning_html.contains(&format!(
        "<dd class=\"today\"><a href=\"/agencies/{finance}\">Sở Tài chính</a></dd>"
    )));
    let (_, list) = app.get("/agencies", None).await;
    assert!(row_of(&list, "Sở Kế hoạch và Đầu tư").contains("01/03/2025"));

    // A date that is not YYYY-MM-DD is refused with the store's reason.
    let response = app
        .post_form(
            &format!("/agencies/{planning}/successors"),
            Some(&dpi.cookie),
            &[
                ("csrf", &dpi.csrf),
                ("successor", &finance.to_string()),
                ("effective_on", "01/03/2025"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.body().contains("is not a date as YYYY-MM-DD"));
}

#[tokio::test]
async fn creating_naming_and_merging_agencies() {
    let app = app_with(&["ben-tre-2018"]).await;
    let health = agency_id(&app, "Sở Y tế").await;
    let admin = app.sign_in("admin").await;
    let response = app
        .post_form(
            "/agencies",
            Some(&admin.cookie),
            &[("csrf", &admin.csrf), ("name", "Sở Ytế Bến Tre")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let duplicate = agency_id(&app, "Sở Ytế Bến Tre").await;
    assert_eq!(location(&response), format!("/agencies/{duplicate}"));
    let response = app
        .post_form(
            &format!("/agencies/{duplicate}/aliases"),
            Some(&admin.cookie),
            &[("csrf", &admin.csrf), ("alias", "SYT Bến Tre")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(agency_id(&app, "syt ben tre").await, duplicate);
    let (_, page) = app.get(&format!("/agencies/{duplicate}"), None).await;
    assert!(page.contains("<li>SYT Bến Tre</li>"));

    // A name another agency owns is refused: merge instead.
    let response = app
        .post_form(
            &format!("/agencies/{duplicate}/aliases"),
            Some(&admin.cookie),
            &[("csrf", &admin.csrf), ("alias", "Sở Y tế")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.body().contains("merge the two agencies instead"));

    let response = app
        .post_form(
            &format!("/agencies/{duplicate}/merge"),
            Some(&admin.cookie),
            &[("csrf", &admin.csrf), ("into", &health.to_string())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(agency_id(&app, "SYT Bến Tre").await, health);
    let (_, page) = app.get(&format!("/agencies/{duplicate}"), None).await;
    assert!(page.contains(&format!(
        "Đã gộp vào</dt><dd><a href=\"/agencies/{health}\">Sở Y tế</a>"
    )));
    let (_, health_page) = app.get(&format!("/agencies/{health}"), None).await;
    assert!(health_page.contains(&format!(
        "<a href=\"/agencies/{duplicate}\">Sở Ytế Bến Tre</a>"
    )));
    // Merging back would make a loop; merging into an unknown agency is a bad form.
    for into in [duplicate.to_string(), "999999".to_string()] {
        let response = app
            .post_form(
                &format!("/agencies/{health}/merge"),
                Some(&admin.cookie),
                &[("csrf", &admin.csrf), ("into", &into)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{into}");
    }
    let log = app.store.audit_log(20).await.expect("audit");
    for action in ["create", "add-alias", "merge"] {
        assert!(
            log.iter().any(|e| e.action == action
                && e.entity == "agency"
                && e.entity_id == Some(duplicate)
                && e.actor == "admin"),
            "{action} audited"
        );
    }
}

#[tokio::test]
async fn only_administrators_and_coordinators_change_the_registry() {
    let app = app_with(&["ben-tre-2018"]).await;
    let health = agency_id(&app, "Sở Y tế").await;
    let registry_changes = |log: Vec<kehoach_store::AuditEntry>| {
        log.into_iter().filter(|e| e.entity == "agency").count()
    };
    let before = registry_changes(app.store.audit_log(100).await.expect("audit"));
    let alias = format!("/agencies/{health}/aliases");
    for login in ["leader", "syt"] {
        let browser = app.sign_in(login).await;
        let (_, page) = app
            .get(&format!("/agencies/{health}"), Some(&browser))
            .await;
        assert!(!page.contains(&format!("action=\"{alias}\"")), "{login}");
        let response = app
            .post_form(
                &alias,
                Some(&browser.cookie),
                &[("csrf", &browser.csrf), ("alias", "Y tế")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{login}");
    }
    // The public is asked to log in, token or not.
    let response = app
        .post_form(
            &alias,
            Some("kh_form=abc"),
            &[("csrf", "abc"), ("alias", "Y tế")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.body().contains("Hãy đăng nhập để tiếp tục."));
    let response = app
        .post_form("/agencies", None, &[("csrf", ""), ("name", "X")])
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // A forged token is refused even for an administrator.
    let admin = app.sign_in("admin").await;
    for (path, pairs) in [
        (alias.clone(), vec![("alias", "Y tế".to_string())]),
        (
            format!("/agencies/{health}/merge"),
            vec![("into", "1".to_string())],
        ),
        (
            format!("/agencies/{health}/successors"),
            vec![
                ("successor", "1".to_string()),
                ("effective_on", "2025-03-01".to_string()),
            ],
        ),
        (
            "/agencies".to_string(),
            vec![("name", "UBND xã Mới".to_string())],
        ),
    ] {
        let mut form: Vec<(&str, &str)> = vec![("csrf", "forged-token")];
        form.extend(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        let response = app.post_form(&path, Some(&admin.cookie), &form).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        assert!(response.body().contains("Biểu mẫu đã hết hạn"), "{path}");
    }
    assert_eq!(
        registry_changes(app.store.audit_log(100).await.expect("audit")),
        before
    );
    // An unknown agency is not found, for the page and its forms.
    let response = app
        .post_form(
            "/agencies/999999/aliases",
            Some(&admin.cookie),
            &[("csrf", &admin.csrf), ("alias", "Y tế")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn compare_shows_one_target_across_the_plans_that_have_it() {
    let app = app_with(&["ben-tre-2018", "quang-ninh", "hai-phong", "kien-giang"]).await;
    let (status, html) = app.get("/compare?target=3.1", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("class=\"plan-column\"").count(), 4);
    for plan in app.store.plans(false).await.expect("plans") {
        assert!(
            html.contains(&format!("<a href=\"/plans/{}\">", plan.id)),
            "{}",
            plan.title
        );
    }
    assert!(html.contains("<option value=\"3.1\" selected>3.1</option>"));
    assert!(html.contains("#task-"));
    // Kiên Giang's indicators 3.1a/3.1b monitor target 3.1.
    assert!(
        html.contains("<span class=\"code\">3.1a"),
        "indicator of 3.1"
    );
    // Values as a Vietnamese reader writes them (13,6), an equals sign left out.
    assert!(html.contains("<span class=\"year\">2015:</span> 13,6"));

    let (_, empty) = app.get("/compare", None).await;
    assert_eq!(empty.matches("class=\"plan-column\"").count(), 0);
    assert!(empty.contains("<option value=\"3.1\">3.1</option>"));
    let (_, unknown) = app.get("/compare?target=99.9", None).await;
    assert!(unknown.contains("Không kế hoạch nào có mục tiêu này."));

    // The public compares published plans only.
    let hidden = app.store.plans(false).await.expect("plans")[0].id;
    app.store
        .set_published(hidden, false, &Actor::command_line())
        .await
        .expect("unpublish");
    let (_, public) = app.get("/compare?target=3.1", None).await;
    assert_eq!(public.matches("class=\"plan-column\"").count(), 3);
    let leader = app.sign_in("leader").await;
    let (_, signed_in) = app.get("/compare?target=3.1", Some(&leader)).await;
    assert_eq!(signed_in.matches("class=\"plan-column\"").count(), 4);
}
