//! Group commit of entry saves. Each commit waits for the disk (SQLite's
//! WAL fsync, PostgreSQL's WAL flush), so saves committed one by one are
//! bounded by the disk's flushes per second. `EntryWriter` is one task that
//! takes every save waiting when it is free and commits them together in one
//! transaction; each is answered only after that commit, so an acknowledged
//! save is as durable as one committed alone. Each save keeps the checks and
//! the outcome `save_entry` gives it: its rights, a locked report or closed
//! period, the version it was read at (a later save of the same entry in the
//! same batch is a conflict, as it would be one commit later).

use std::sync::{Arc, OnceLock};

use tokio::sync::{mpsc, oneshot};

use super::entries::{write_entry_save, Entry, EntryFields, EntryRow};
use super::{EntryStatus, Principal};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

/// Saves committed together at most; more wait for the next commit.
pub const MAX_BATCH: usize = 256;
/// Saves waiting for the writer at most; more wait to be queued.
const QUEUE: usize = 4096;

/// One save as a reporter asks for it.
#[derive(Debug, Clone)]
pub struct EntrySave {
    pub principal: Principal,
    pub id: i64,
    pub expected_version: i64,
    pub fields: EntryFields,
}

/// A save that passed the checks made before writing.
struct Checked {
    save: EntrySave,
    before: EntryRow,
}

/// What the transaction did with a checked save.
enum Outcome {
    Saved(Box<Entry>),
    /// Nothing written: a conflict or a lock, told apart after the commit.
    Refused,
}

type Reply = oneshot::Sender<Result<Outcome>>;

impl Store {
    /// Saves several entries in one transaction, each with the outcome
    /// `save_entry` would give it alone, in order.
    pub async fn save_entries_together(&self, saves: Vec<EntrySave>) -> Vec<Result<Entry>> {
        let mut results: Vec<Option<Result<Entry>>> = Vec::with_capacity(saves.len());
        let mut checked = Vec::new();
        let mut places = Vec::new();
        for save in saves {
            match self
                .check_entry_save(&save.principal, save.id, &save.fields)
                .await
            {
                Ok(before) => {
                    places.push(results.len());
                    results.push(None);
                    checked.push(Checked { save, before });
                }
                Err(err) => results.push(Some(Err(err))),
            }
        }
        let outcomes = self.commit_checked(&checked).await;
        for ((place, item), outcome) in places.into_iter().zip(&checked).zip(outcomes) {
            results[place] = Some(
                self.answer(item.save.id, item.save.expected_version, outcome)
                    .await,
            );
        }
        results
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Err(StoreError::Invalid("save not answered".into()))))
            .collect()
    }

    /// Commits the checked saves in one transaction. A database error
    /// fails nobody else's save: the batch is then retried one save per
    /// transaction, so each error reaches only the save that caused it.
    async fn commit_checked(&self, batch: &[Checked]) -> Vec<Result<Outcome>> {
        if batch.is_empty() {
            return Vec::new();
        }
        match self.commit_in_one(batch).await {
            Ok(outcomes) => outcomes.into_iter().map(Ok).collect(),
            Err(err) if batch.len() == 1 => vec![Err(err)],
            Err(err) => {
                tracing::warn!(error = %err, saves = batch.len(), "group commit failed: saving one by one");
                let mut out = Vec::with_capacity(batch.len());
                for item in batch {
                    out.push(
                        self.commit_in_one(std::slice::from_ref(item))
                            .await
                            .and_then(|mut o| {
                                o.pop()
                                    .ok_or_else(|| StoreError::Invalid("no outcome".into()))
                            }),
                    );
                }
                out
            }
        }
    }

    async fn commit_in_one(&self, batch: &[Checked]) -> Result<Vec<Outcome>> {
        let at = now();
        let mut tx = self.pool.begin().await?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for item in batch {
            let s = &item.save;
            let written = write_entry_save(
                &mut tx,
                &s.principal,
                &item.before,
                s.expected_version,
                &s.fields,
                at,
            )
            .await?;
            outcomes.push(if written {
                Outcome::Saved(Box::new(saved_entry(item, at)))
            } else {
                Outcome::Refused
            });
        }
        tx.commit().await?;
        Ok(outcomes)
    }

    async fn answer(
        &self,
        id: i64,
        expected_version: i64,
        outcome: Result<Outcome>,
    ) -> Result<Entry> {
        match outcome? {
            Outcome::Saved(entry) => Ok(*entry),
            Outcome::Refused => Err(self.refused_entry_save(id, expected_version).await),
        }
    }
}

/// The entry as the transaction left it, without reading it back.
fn saved_entry(item: &Checked, at: i64) -> Entry {
    let s = &item.save;
    let mut row = item.before.clone();
    row.status = s.fields.status.map(|x| EntryStatus::as_str(x).to_string());
    row.results.clone_from(&s.fields.results);
    row.difficulties.clone_from(&s.fields.difficulties);
    row.recommendations.clone_from(&s.fields.recommendations);
    row.evidence_number.clone_from(&s.fields.evidence_number);
    row.evidence_date.clone_from(&s.fields.evidence_date);
    row.evidence_file_id = s.fields.evidence_file_id;
    row.version = s.expected_version + 1;
    row.updated_at = at;
    row.updated_by = s.principal.user_id;
    let funds = s
        .fields
        .funds
        .iter()
        .map(|(source, amount)| (source.as_str().to_string(), *amount))
        .collect();
    Entry { row, funds }
}

/// The one writer of entry saves for a store: cheap to clone; its task
/// starts with the first save and ends when the last clone is dropped.
#[derive(Clone)]
pub struct EntryWriter {
    store: Store,
    queue: Arc<OnceLock<mpsc::Sender<(Checked, Reply)>>>,
    grouped: bool,
}

impl EntryWriter {
    pub fn new(store: Store) -> EntryWriter {
        EntryWriter {
            store,
            queue: Arc::new(OnceLock::new()),
            grouped: true,
        }
    }

    /// Each save in its own transaction (`Store::save_entry`), as a
    /// comparison for the benchmark.
    pub fn one_by_one(store: Store) -> EntryWriter {
        EntryWriter {
            grouped: false,
            ..EntryWriter::new(store)
        }
    }

    /// `Store::save_entry`, committed together with the saves that arrive
    /// while the previous commit is on its way to the disk.
    pub async fn save(&self, save: EntrySave) -> Result<Entry> {
        if !self.grouped {
            return self
                .store
                .save_entry(
                    &save.principal,
                    save.id,
                    save.expected_version,
                    &save.fields,
                )
                .await;
        }
        let before = self
            .store
            .check_entry_save(&save.principal, save.id, &save.fields)
            .await?;
        let (id, expected_version) = (save.id, save.expected_version);
        let (reply, answer) = oneshot::channel();
        let queued = self.queue().send((Checked { save, before }, reply)).await;
        let outcome = match queued {
            Ok(()) => answer.await.ok(),
            Err(_) => None,
        };
        match outcome {
            Some(outcome) => self.store.answer(id, expected_version, outcome).await,
            None => Err(StoreError::Invalid("the entry writer stopped".into())),
        }
    }

    fn queue(&self) -> &mpsc::Sender<(Checked, Reply)> {
        self.queue.get_or_init(|| {
            let (sender, receiver) = mpsc::channel(QUEUE);
            tokio::spawn(write_batches(self.store.clone(), receiver));
            sender
        })
    }
}

/// Takes every save waiting (at least one), commits them together, answers
/// each; while the commit runs, the next batch gathers in the queue.
async fn write_batches(store: Store, mut receiver: mpsc::Receiver<(Checked, Reply)>) {
    while let Some(first) = receiver.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match receiver.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let (checked, replies): (Vec<Checked>, Vec<Reply>) = batch.into_iter().unzip();
        let outcomes = store.commit_checked(&checked).await;
        for (reply, outcome) in replies.into_iter().zip(outcomes) {
            // The asker may have gone (client disconnected): its save stands.
            let _ = reply.send(outcome);
        }
    }
}

impl Store {
    /// SQLite's journal mode and `synchronous` level (2: FULL) as the
    /// pool's connections have them; None on PostgreSQL.
    pub async fn sqlite_durability(&self) -> Result<Option<(String, i64)>> {
        if self.backend != crate::Backend::Sqlite {
            return Ok(None);
        }
        let mut conn = self.pool.acquire().await?;
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await?;
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await?;
        Ok(Some((mode, synchronous)))
    }
}
