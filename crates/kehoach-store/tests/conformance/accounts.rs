use kehoach_store::{Actor, NewUser, Role, Store, StoreError};

fn actor() -> Actor {
    Actor::command_line()
}

async fn add(store: &Store, login: &str, role: Role, agency: Option<i64>) -> i64 {
    store
        .create_user(
            NewUser {
                login,
                display_name: login,
                role,
                agency_id: agency,
                password: "mật khẩu đủ dài",
            },
            &actor(),
        )
        .await
        .expect("create user")
}

pub async fn passwords_sessions_and_roles(store: &Store) {
    let agency = store
        .create_agency("Sở Y tế", &actor())
        .await
        .expect("agency");
    add(store, "dpi", Role::Coordinator, None).await;
    let reporter = add(store, "syt.reporter", Role::Reporter, Some(agency)).await;
    // A reporter belongs to an agency; a taken login and a short password are refused.
    for (login, role, agency, password) in [
        ("orphan", Role::Reporter, None, "mật khẩu đủ dài"),
        ("dpi", Role::Leader, None, "mật khẩu đủ dài"),
        ("short", Role::Leader, None, "ngắn"),
        ("bad login", Role::Leader, None, "mật khẩu đủ dài"),
    ] {
        let err = store
            .create_user(
                NewUser {
                    login,
                    display_name: login,
                    role,
                    agency_id: agency,
                    password,
                },
                &actor(),
            )
            .await;
        assert!(
            matches!(err, Err(StoreError::Invalid(_))),
            "{login}: {err:?}"
        );
    }
    assert!(store
        .verify_login("syt.reporter", "sai mật khẩu")
        .await
        .expect("verify")
        .is_none());
    assert!(store
        .verify_login("nobody", "mật khẩu đủ dài")
        .await
        .expect("verify")
        .is_none());
    let user = store
        .verify_login("syt.reporter", "mật khẩu đủ dài")
        .await
        .expect("verify")
        .expect("right password");
    assert_eq!(
        (user.id, user.role, user.agency_id),
        (reporter, Role::Reporter, Some(agency))
    );

    let first = store.create_session(&user).await.expect("session");
    let second = store.create_session(&user).await.expect("session");
    assert_ne!(first.token, second.token);
    assert_ne!(first.csrf, second.csrf);
    let session = store
        .session(&first.token)
        .await
        .expect("lookup")
        .expect("live");
    assert_eq!(session.user.login, "syt.reporter");
    assert_eq!(session.csrf, first.csrf);
    assert!(store
        .session("not-a-token")
        .await
        .expect("lookup")
        .is_none());
    store.end_session(&first.token).await.expect("logout");
    assert!(store.session(&first.token).await.expect("lookup").is_none());
    assert!(store
        .session(&second.token)
        .await
        .expect("lookup")
        .is_some());

    let log = store.audit_log(20).await.expect("audit");
    assert_eq!(log.iter().filter(|e| e.action == "login").count(), 2);
    let created = log
        .iter()
        .find(|e| e.action == "create" && e.entity == "user" && e.entity_id == Some(reporter));
    assert!(created.is_some_and(|e| e.after.as_deref().is_some_and(|a| a.contains("reporter"))));
    // The password itself is never in the log.
    assert!(log
        .iter()
        .all(|e| !e.after.as_deref().unwrap_or("").contains("mật khẩu")));
}

pub async fn disabling_and_new_passwords_end_sessions(store: &Store) {
    add(store, "leader", Role::Leader, None).await;
    let user = store
        .verify_login("leader", "mật khẩu đủ dài")
        .await
        .expect("verify")
        .expect("user");
    let session = store.create_session(&user).await.expect("session");
    store
        .set_password("leader", "một mật khẩu mới", &actor())
        .await
        .expect("passwd");
    assert!(store
        .session(&session.token)
        .await
        .expect("lookup")
        .is_none());
    assert!(store
        .verify_login("leader", "mật khẩu đủ dài")
        .await
        .expect("verify")
        .is_none());
    let user = store
        .verify_login("leader", "một mật khẩu mới")
        .await
        .expect("verify")
        .expect("new password works");
    let session = store.create_session(&user).await.expect("session");
    store
        .set_disabled("leader", true, &actor())
        .await
        .expect("disable");
    assert!(store
        .session(&session.token)
        .await
        .expect("lookup")
        .is_none());
    assert!(store
        .verify_login("leader", "một mật khẩu mới")
        .await
        .expect("verify")
        .is_none());
    store
        .set_disabled("leader", false, &actor())
        .await
        .expect("enable");
    assert!(store
        .verify_login("leader", "một mật khẩu mới")
        .await
        .expect("verify")
        .is_some());
    assert!(matches!(
        store
            .set_password("ghost", "một mật khẩu mới", &actor())
            .await,
        Err(StoreError::NotFound(_))
    ));
}
