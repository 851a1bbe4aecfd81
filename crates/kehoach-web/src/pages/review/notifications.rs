//! GET /notifications: the signed-in user's in-app notifications (the
//! reminders to its agency), newest first.

use askama::Template;
use axum::extract::State;
use axum::response::IntoResponse;
use kehoach_store::reporting::reminders::Notification;

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::pages::{render, Chrome};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "notifications.html")]
struct NotificationsPage {
    chrome: Chrome,
    notifications: Vec<Notification>,
}

pub async fn notifications_page(viewer: Viewer, State(state): State<AppState>) -> PageResult {
    let principal = viewer.principal()?;
    let notifications = state.store.my_notifications(&principal).await?;
    let page = NotificationsPage {
        chrome: Chrome::new(&viewer),
        notifications,
    };
    Ok(render(&page)?.into_response())
}
