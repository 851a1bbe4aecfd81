//! `kehoach user add|passwd|disable|list`

use std::io::BufRead;
use std::process::ExitCode;

use anyhow::Context;
use kehoach_store::{Actor, NewUser, Role, Store};

use crate::cli::{RoleArg, UserAction};

pub async fn run(db: &str, action: UserAction) -> anyhow::Result<ExitCode> {
    let store = Store::open(db).await?;
    let actor = Actor::command_line();
    match action {
        UserAction::Add {
            login,
            role,
            agency,
            name,
            email,
        } => {
            let agency_id = match agency {
                Some(name) => Some(
                    store
                        .find_agency(&name)
                        .await?
                        .with_context(|| format!("no agency named \"{name}\" in the database"))?,
                ),
                None => None,
            };
            let password = read_password()?;
            let id = store
                .create_user(
                    NewUser {
                        login: &login,
                        display_name: name.as_deref().unwrap_or(&login),
                        role: role_of(role),
                        agency_id,
                        password: &password,
                    },
                    &actor,
                )
                .await?;
            if let Some(address) = email.as_deref() {
                store.set_email(&login, Some(address), &actor).await?;
            }
            println!("created user {login} (id {id})");
        }
        UserAction::Passwd { login } => {
            let password = read_password()?;
            store.set_password(&login, &password, &actor).await?;
            println!("password of {login} changed; its sessions ended");
        }
        UserAction::Email {
            login,
            address,
            clear,
        } => {
            anyhow::ensure!(clear || address.is_some(), "give an address, or --clear");
            store.set_email(&login, address.as_deref(), &actor).await?;
            println!(
                "e-mail of {login} {}",
                if clear { "removed" } else { "set" }
            );
        }
        UserAction::Disable { login, enable } => {
            store.set_disabled(&login, !enable, &actor).await?;
            println!("{login} {}", if enable { "enabled" } else { "disabled" });
        }
        UserAction::List => {
            for user in store.users().await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    user.login,
                    user.role.as_str(),
                    user.agency_id.map(|a| a.to_string()).unwrap_or_default(),
                    if user.disabled { "disabled" } else { "active" },
                    user.email.as_deref().unwrap_or("")
                );
            }
        }
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

fn role_of(role: RoleArg) -> Role {
    match role {
        RoleArg::Admin => Role::Admin,
        RoleArg::Coordinator => Role::Coordinator,
        RoleArg::Reporter => Role::Reporter,
        RoleArg::Leader => Role::Leader,
    }
}

/// One line from standard input: scripts pipe it, people type it (it is not
/// passed as an argument, where it would show in the process list).
fn read_password() -> anyhow::Result<String> {
    eprintln!("password (one line on standard input):");
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}
