//! The rights table, role × resource × action, through the store's own API.

use kehoach_store::reporting::indicators::NewIndicatorValue;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::setup::PeriodDates;
use kehoach_store::reporting::{Action, EntryStatus, IndicatorStatus, Resource};
use kehoach_store::{Principal, Role, Store, StoreError};

use crate::reporting_scene::{draft, filled, indicator_period, principal, scene};

/// What a role holds, as (resource, action) pairs.
type Granted = Vec<(Resource, Action)>;

/// Whether `result` got past the rights check (any other refusal, such as a
/// report in the wrong state, means the principal was allowed to try).
fn passed<T>(result: Result<T, StoreError>) -> bool {
    !matches!(result, Err(StoreError::Forbidden(_)))
}

pub async fn rights_for_every_role_resource_and_action(store: &Store) {
    use kehoach_store::reporting::rights::{allowed, Owner};
    let s = scene(store).await;
    let ra = principal(store, "reporter-a", Role::Reporter, Some(s.a)).await;
    let rb = principal(store, "reporter-b", Role::Reporter, Some(s.e)).await;
    let coordinator = s.dpi.clone();
    let report = store
        .report_for(&ra, s.period, s.a)
        .await
        .expect("report of A");
    let entry = report.entries[0].row.clone();
    let contribution = store
        .save_contribution(&rb, &draft(&s, "đóng góp", None, false))
        .await
        .expect("contribution of B");
    let (values_period, indicator) = indicator_period(store, &s.dpi).await;
    let value = |text: &'static str| NewIndicatorValue {
        period_id: values_period,
        indicator_id: indicator,
        agency_id: s.a,
        year: 2023,
        value: Some(1.0),
        text,
        status: IndicatorStatus::Preliminary,
    };
    let period = store.period(&s.dpi, s.period).await.expect("period");
    let dates = PeriodDates {
        inputs_due_on: period.inputs_due_on.clone(),
        agency_due_on: period.agency_due_on.clone(),
        consolidation_due_on: period.consolidation_due_on.clone(),
    };

    use Action::*;
    use Resource::*;
    let review = [
        (Period, Read),
        (Period, Edit),
        (Period, OpenPeriod),
        (Report, Read),
        (Report, Accept),
        (Report, Return),
        (Report, Unlock),
        (Entry, Read),
        (Contribution, Read),
        (IndicatorValue, Read),
        (IndicatorValue, Edit),
    ];
    let reads = [
        (Period, Read),
        (Report, Read),
        (Entry, Read),
        (Contribution, Read),
        (IndicatorValue, Read),
    ];
    let table: Vec<(&str, Principal, Granted)> = vec![
        ("admin", s.admin.clone(), review.to_vec()),
        ("coordinator", coordinator, review.to_vec()),
        (
            "reporter of A",
            ra.clone(),
            vec![
                (Period, Read),
                (Report, Read),
                (Report, Submit),
                (Entry, Read),
                (Entry, Edit),
                (Contribution, Read),
                (IndicatorValue, Read),
                (IndicatorValue, Edit),
            ],
        ),
        (
            "reporter of B",
            rb.clone(),
            vec![(Period, Read), (Contribution, Read), (Contribution, Edit)],
        ),
        ("leader", s.leader.clone(), reads.to_vec()),
        ("public", Principal::public(), vec![]),
    ];
    for (name, who, expected) in &table {
        for resource in Resource::ALL {
            for action in Action::ALL {
                let want = expected.contains(&(resource, action));
                let got = match (resource, action) {
                    (Period, Read) => passed(store.period(who, s.period).await),
                    (Period, Edit) => passed(store.edit_period_dates(who, s.period, &dates).await),
                    (Period, OpenPeriod) => passed(store.open_period(who, s.period).await),
                    (Report, Read) => passed(store.report(who, report.row.id).await),
                    (Report, Submit) => passed(store.submit_report(who, report.row.id).await),
                    (Report, Accept) => passed(store.accept_report(who, report.row.id).await),
                    (Report, Return) => passed(store.return_report(who, report.row.id, &[]).await),
                    (Report, Unlock) => passed(
                        store
                            .unlock_report(who, report.row.id, "kiểm tra quyền")
                            .await,
                    ),
                    (Entry, Read) => passed(store.entry(who, entry.id).await),
                    (Entry, Edit) => passed(
                        store
                            .save_entry(who, entry.id, entry.version, &filled(EntryStatus::Done))
                            .await,
                    ),
                    (Contribution, Read) => store
                        .contributions_for(who, s.period, s.shared_task)
                        .await
                        .is_ok_and(|list| list.iter().any(|c| c.id == contribution.id)),
                    (Contribution, Edit) => passed(
                        store
                            .save_contribution(
                                who,
                                &draft(&s, "sửa", Some(contribution.version), false),
                            )
                            .await,
                    ),
                    (IndicatorValue, Read) => passed(
                        store
                            .indicator_history(who, values_period, indicator, s.a)
                            .await,
                    ),
                    (IndicatorValue, Edit) => {
                        passed(store.record_indicator_value(who, &value("1")).await)
                    }
                    // Actions that mean nothing for the resource: nobody holds them.
                    _ => {
                        allowed(who, resource, action, &Owner::agency(s.a))
                            || allowed(who, resource, action, &Owner::agency(s.e))
                    }
                };
                assert_eq!(got, want, "{name} {action:?} {resource:?}");
            }
        }
    }
    // By identifier too: B cannot reach A's report or entry, nor the reverse on B's own agency.
    assert!(matches!(
        store.report_for(&rb, s.period, s.a).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        store.report_for(&ra, s.period, s.b).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        store
            .generate_periods(&ra, s.plan, 2027, &GenerationOptions::default())
            .await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        store.compliance(&Principal::public(), s.period).await,
        Err(StoreError::Forbidden(_))
    ));
}
