//! The store's conformance suite: every test runs on SQLite and on
//! PostgreSQL (see harness.rs), against the real corpus documents.

mod accounts;
mod agencies;
mod agency_queries;
mod compare;
mod grouped_saves;
mod harness;
mod lookup;
mod plans;
mod quantities;
mod reporting;
mod reporting_rights;
mod reporting_scene;
mod review_queries;
mod search;
mod series;

/// Declares each test twice, `sqlite::name` and `postgres::name`.
macro_rules! on_both_backends {
    ($($module:ident :: $name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let db = crate::harness::TestDb::sqlite().await;
                    crate::$module::$name(&db.store).await;
                    db.finish().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(db) = crate::harness::TestDb::postgres().await {
                        crate::$module::$name(&db.store).await;
                        db.finish().await;
                    }
                }
            )*
        }
    };
}

on_both_backends!(
    plans::corpus_imports_store_what_the_importer_found,
    plans::reimporting_the_same_document_changes_nothing,
    plans::a_new_version_keeps_the_old_one_and_says_what_changed,
    plans::plan_tree_follows_the_document,
    plans::a_mapped_unknown_agency_lands_on_the_chosen_agency,
    plans::unpublished_plans_are_hidden_from_the_public_list,
    agencies::successors_answer_for_their_predecessors_from_their_date,
    agencies::merging_and_aliases_are_checked_and_audited,
    compare::one_target_code_across_the_plans_that_have_it,
    compare::public_agency_counts_leave_out_unpublished_plans,
    accounts::passwords_sessions_and_roles,
    accounts::disabling_and_new_passwords_end_sessions,
    lookup::a_parsed_document_finds_its_stored_plan_by_bytes_or_identity,
    search::search_ignores_diacritics_and_case_and_ranks,
    search::search_reads_only_the_latest_version,
    reporting::a_yearly_period_from_generation_to_compliance,
    reporting::a_successor_reports_on_its_predecessors_tasks,
    reporting::indicator_values_keep_every_revision,
    reporting::dpi_adds_a_nine_month_period_by_hand,
    reporting_rights::rights_for_every_role_resource_and_action,
    agency_queries::reporters_pages_read_tasks_contributions_and_indicators,
    review_queries::review_queries_follow_the_rights,
    series::series_split_the_plan_and_follow_the_reports,
    series::task_states_follow_the_latest_accepted_reports,
    series::a_phase_gathers_its_periods_accepted_entries,
    quantities::dpi_confirms_corrects_and_rejects_quantities,
    grouped_saves::saves_committed_together_keep_each_outcome,
);
