//! Delivery of accepted tickets to where staff work: e-mail (SMTP), a
//! WHMCS helpdesk, a signed webhook. The store writes one outbox row per
//! target with each ticket; the worker (worker.rs) sends them, retrying
//! with capped backoff. Every delivery carries the ticket reference as
//! its Message-ID or idempotency key, so a delivery repeated after a crash
//! (sent, but not yet marked so) is recognisable downstream.

mod catalog_text;
mod http;
mod mail_body;
mod markdown;
mod report;
mod smtp;
mod webhook;
mod whmcs;
mod words;
pub mod worker;

use crate::config::{Config, RetryConfig, TargetConfig};
use serde::Deserialize;
use std::time::Duration;
use ticket_core::Ticket;
use ticket_core::trace::TraceSummary;

/// A stored ticket on its way to a target.
pub struct Delivery {
    pub reference: String,
    pub record: StoredRecord,
    /// The stored record as JSON, with the reference (the webhook's body).
    pub json: serde_json::Value,
}

/// The store's record: `{received_at, ticket, checks, form}`.
#[derive(Deserialize)]
pub struct StoredRecord {
    #[serde(default)]
    pub received_at: u64,
    pub ticket: Ticket,
    #[serde(default)]
    pub checks: Checks,
}

/// What the receiver found (serve/tickets.rs, `stored_record`).
#[derive(Default, Deserialize)]
pub struct Checks {
    #[serde(default)]
    pub circumvention_terms: Vec<String>,
    #[serde(default)]
    pub out_of_scope_terms: Vec<String>,
    #[serde(default)]
    pub secrets_found: usize,
    #[serde(default)]
    pub trace_summary: Option<TraceSummary>,
}

impl Delivery {
    /// Reads a stored record; an unreadable one is an error for its outbox
    /// rows (shown by `ticket-check status`), never a panic.
    pub fn read(reference: &str, record: &str) -> Result<Delivery, String> {
        let mut json: serde_json::Value =
            serde_json::from_str(record).map_err(|e| format!("stored record: {e}"))?;
        let record: StoredRecord =
            serde_json::from_value(json.clone()).map_err(|e| format!("stored record: {e}"))?;
        if let Some(object) = json.as_object_mut() {
            object.insert("reference".into(), reference.into());
        }
        Ok(Delivery {
            reference: reference.to_owned(),
            record,
            json,
        })
    }
}

pub enum Target {
    Smtp(smtp::Smtp),
    Webhook(webhook::Webhook),
    Whmcs(whmcs::Whmcs),
}

impl Target {
    pub async fn deliver(&self, delivery: &Delivery) -> Result<(), String> {
        match self {
            Target::Smtp(t) => t.send(delivery).await,
            Target::Webhook(t) => t.send(delivery).await,
            Target::Whmcs(t) => t.send(delivery).await,
        }
    }
}

/// The configured targets by name, and when to retry.
pub struct Targets {
    pub targets: Vec<(String, Target)>,
    pub retry: RetryConfig,
}

impl Targets {
    /// Builds every target of `config`, reading the secrets it names from
    /// the environment; an error names the target and what is wrong.
    pub fn build(config: &Config) -> Result<Targets, String> {
        let timeout = Duration::from_secs(config.retry.timeout_secs);
        let client = http::Client::new(timeout);
        let mut targets = Vec::new();
        for target in &config.deliver {
            let name = target.name();
            let built = match target {
                TargetConfig::Smtp(c) => smtp::Smtp::new(c, timeout).map(Target::Smtp),
                TargetConfig::Webhook(c) => {
                    webhook::Webhook::new(c, client.clone()).map(Target::Webhook)
                }
                TargetConfig::Whmcs(c) => whmcs::Whmcs::new(c, client.clone()).map(Target::Whmcs),
            }
            .map_err(|e| format!("deliver {name:?}: {e}"))?;
            targets.push((name, built));
        }
        Ok(Targets {
            targets,
            retry: config.retry,
        })
    }

    pub fn names(&self) -> Vec<String> {
        self.targets.iter().map(|(n, _)| n.clone()).collect()
    }

    pub fn get(&self, name: &str) -> Option<&Target> {
        self.targets.iter().find(|(n, _)| n == name).map(|(_, t)| t)
    }

    /// The wait after `failed` attempts: `first_ms`, doubled each time,
    /// at most `max_ms`.
    pub fn backoff_ms(&self, failed: u32) -> u64 {
        let factor = 1u64 << failed.saturating_sub(1).min(40);
        self.retry
            .first_ms
            .saturating_mul(factor)
            .min(self.retry.max_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let targets = Targets {
            targets: Vec::new(),
            retry: RetryConfig {
                first_ms: 100,
                max_ms: 1000,
                timeout_secs: 1,
            },
        };
        let waits: Vec<u64> = (1..=7).map(|n| targets.backoff_ms(n)).collect();
        assert_eq!(waits, [100, 200, 400, 800, 1000, 1000, 1000]);
        assert_eq!(targets.backoff_ms(u32::MAX), 1000);
    }

    #[test]
    fn an_unreadable_record_is_an_error() {
        assert!(Delivery::read("LK-1", "{").is_err());
        assert!(Delivery::read("LK-1", "{\"ticket\": 3}").is_err());
    }
}
