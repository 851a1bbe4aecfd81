//! Login attempts are limited per login and per client address: a few
//! failures in a window, then refusals until the window passes. In memory:
//! one server process, and a restart forgetting counts is acceptable.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const WINDOW: Duration = Duration::from_secs(15 * 60);
pub const MAX_FAILURES_PER_LOGIN: usize = 5;
pub const MAX_FAILURES_PER_ADDRESS: usize = 20;

#[derive(Default)]
pub struct LoginLimiter {
    failures: Mutex<HashMap<Key, Vec<Instant>>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Login(String),
    Address(IpAddr),
}

impl LoginLimiter {
    /// Whether another attempt may be checked now.
    pub fn allows(&self, login: &str, address: Option<IpAddr>) -> bool {
        let now = Instant::now();
        let Ok(mut failures) = self.failures.lock() else {
            return false;
        };
        let mut within = |key: Key, max: usize| {
            let list = failures.entry(key).or_default();
            list.retain(|t| now.duration_since(*t) < WINDOW);
            list.len() < max
        };
        let login_ok = within(
            Key::Login(login.trim().to_lowercase()),
            MAX_FAILURES_PER_LOGIN,
        );
        let address_ok = address.is_none_or(|a| within(Key::Address(a), MAX_FAILURES_PER_ADDRESS));
        login_ok && address_ok
    }

    pub fn failed(&self, login: &str, address: Option<IpAddr>) {
        let now = Instant::now();
        if let Ok(mut failures) = self.failures.lock() {
            failures
                .entry(Key::Login(login.trim().to_lowercase()))
                .or_default()
                .push(now);
            if let Some(a) = address {
                failures.entry(Key::Address(a)).or_default().push(now);
            }
            // Keep the map from growing without bound under a spray of logins.
            if failures.len() > 10_000 {
                failures.retain(|_, list| list.iter().any(|t| now.duration_since(*t) < WINDOW));
            }
        }
    }

    pub fn succeeded(&self, login: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.remove(&Key::Login(login.trim().to_lowercase()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_a_login_but_not_others() {
        let limiter = LoginLimiter::default();
        let addr: Option<IpAddr> = "10.0.0.1".parse().ok();
        for _ in 0..MAX_FAILURES_PER_LOGIN {
            assert!(limiter.allows("dpi", addr));
            limiter.failed("dpi", addr);
        }
        assert!(!limiter.allows("DPI ", addr));
        assert!(limiter.allows("other", addr));
        limiter.succeeded("dpi");
        assert!(limiter.allows("dpi", addr));
    }

    #[test]
    fn an_address_spraying_logins_is_stopped() {
        let limiter = LoginLimiter::default();
        let addr: Option<IpAddr> = "10.0.0.2".parse().ok();
        for i in 0..MAX_FAILURES_PER_ADDRESS {
            limiter.failed(&format!("user{i}"), addr);
        }
        assert!(!limiter.allows("fresh", addr));
        assert!(limiter.allows("fresh", "10.0.0.3".parse().ok()));
    }
}
