//! What DPI makes public of a period's work. Reporting is internal until
//! DPI publishes a period's results; then the public sees the indicator
//! values of that period's accepted reports (never drafts, submissions
//! under review, returned reports, or the narratives of entries).

use serde_json::json;

use super::rights::{check, Action, Owner, Resource};
use super::Principal;
use crate::audit::{record, Change};
use crate::clock::now;
use crate::error::Result;
use crate::Store;

/// The public sees a row of `indicator_reports` when the period's results
/// are published and the agency's report for it was accepted: an SQL
/// condition on that table, in one place.
pub(crate) const PUBLIC_RESULTS: &str =
    "EXISTS (SELECT 1 FROM period_publications pp JOIN agency_reports r ON r.period_id = pp.period_id \
     WHERE pp.period_id = indicator_reports.period_id AND r.agency_id = indicator_reports.agency_id \
     AND r.state = 'accepted')";

impl Store {
    /// Publishes (or withdraws) a period's results; audited.
    pub async fn set_period_published(
        &self,
        principal: &Principal,
        period_id: i64,
        published: bool,
    ) -> Result<()> {
        check(principal, Resource::Period, Action::Edit, &Owner::nobody())?;
        self.period_row(period_id).await?;
        let mut tx = self.pool.begin().await?;
        let changed = if published {
            sqlx::query(
                "INSERT INTO period_publications (period_id, published_at, published_by) VALUES ($1, $2, $3) \
                 ON CONFLICT (period_id) DO NOTHING",
            )
            .bind(period_id)
            .bind(now())
            .bind(principal.user_id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
        } else {
            sqlx::query("DELETE FROM period_publications WHERE period_id = $1")
                .bind(period_id)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        };
        if changed > 0 {
            record(
                &mut tx,
                &principal.actor(),
                Change {
                    action: if published { "publish" } else { "unpublish" },
                    entity: "reporting-period",
                    entity_id: Some(period_id),
                    before: None,
                    after: Some(json!({ "published": published })),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// When the period's results were published, if they are.
    pub async fn period_published_at(&self, period_id: i64) -> Result<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT published_at FROM period_publications WHERE period_id = $1")
                .bind(period_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }
}
