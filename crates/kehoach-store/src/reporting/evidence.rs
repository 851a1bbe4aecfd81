//! Uploaded evidence (a decision, a report scan) attached to a report.

use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::rights::{check, Action, Owner, Resource};
use super::Principal;
use crate::audit::{record, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

/// Larger files are refused before anything is stored.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct EvidenceFile {
    pub id: i64,
    pub report_id: i64,
    pub sha256: String,
    pub name: String,
    pub content_type: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub size: i64,
    pub uploaded_at: i64,
    pub uploaded_by: Option<i64>,
}

impl Store {
    pub async fn store_evidence(
        &self,
        principal: &Principal,
        report_id: i64,
        name: &str,
        content_type: &str,
        bytes: &[u8],
    ) -> Result<i64> {
        if bytes.len() > MAX_EVIDENCE_BYTES {
            return Err(StoreError::Invalid(format!(
                "the file is {} bytes; evidence files are limited to {MAX_EVIDENCE_BYTES} bytes",
                bytes.len()
            )));
        }
        let report = self.report_row(report_id).await?;
        check(
            principal,
            Resource::Entry,
            Action::Edit,
            &Owner::agency(report.agency_id),
        )?;
        if report.locked != 0 {
            return Err(StoreError::Locked(format!("report {report_id} is locked")));
        }
        let sha256 = hex::encode(Sha256::digest(bytes));
        let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO evidence_files (report_id, sha256, name, content_type, bytes, size, uploaded_at, uploaded_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(report_id)
        .bind(sha256.as_str())
        .bind(name)
        .bind(content_type)
        .bind(bytes.to_vec())
        .bind(size)
        .bind(now())
        .bind(principal.user_id)
        .fetch_one(&mut *tx)
        .await?;
        record(
            &mut tx,
            &principal.actor(),
            Change {
                action: "upload",
                entity: "evidence-file",
                entity_id: Some(id),
                before: None,
                after: Some(
                    json!({ "report_id": report_id, "name": name, "size": size, "sha256": sha256 }),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn evidence_file(&self, principal: &Principal, id: i64) -> Result<EvidenceFile> {
        let file: EvidenceFile = sqlx::query_as(
            "SELECT id, report_id, sha256, name, content_type, bytes, size, uploaded_at, uploaded_by FROM evidence_files WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("evidence file {id}")))?;
        let report = self.report_row(file.report_id).await?;
        check(
            principal,
            Resource::Entry,
            Action::Read,
            &Owner::agency(report.agency_id),
        )?;
        Ok(file)
    }
}
