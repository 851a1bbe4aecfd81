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

    /// Whether the public may see an agency's values of a period: the
    /// period's results are published and the agency's report was accepted.
    pub(crate) async fn public_results(&self, period_id: i64, agency_id: i64) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT r.id FROM agency_reports r JOIN period_publications p ON p.period_id = r.period_id \
             WHERE r.period_id = $1 AND r.agency_id = $2 AND r.state = 'accepted'",
        )
        .bind(period_id)
        .bind(agency_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }
}
