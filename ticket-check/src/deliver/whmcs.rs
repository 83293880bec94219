//! WHMCS's `OpenTicket` API: a form-encoded POST to
//! `<url>/includes/api.php` with the API credentials, the department of
//! the ticket's category, and the message in markdown. WHMCS answers 200
//! with `{"result":"error",…}` for refusals, so only `"success"` counts.

use super::Delivery;
use super::http::Client;
use super::markdown::markdown;
use super::report;
use super::webhook::check_url;
use crate::config::{StaffLanguage, WhmcsConfig, secret};
use std::collections::BTreeMap;

pub struct Whmcs {
    endpoint: String,
    identifier: String,
    secret: String,
    default_deptid: u32,
    deptid: BTreeMap<String, u32>,
    language: StaffLanguage,
    client: Client,
}

impl Whmcs {
    pub fn new(config: &WhmcsConfig, client: Client) -> Result<Whmcs, String> {
        let endpoint = format!("{}/includes/api.php", config.url.trim_end_matches('/'));
        check_url(&endpoint)?;
        Ok(Whmcs {
            endpoint,
            identifier: secret(&config.identifier_env, "identifier_env")?,
            secret: secret(&config.secret_env, "secret_env")?,
            default_deptid: config.default_deptid,
            deptid: config.deptid.clone(),
            language: config.language,
            client,
        })
    }

    /// The category's own department, else its group's, else the default.
    fn department(&self, category: &str) -> u32 {
        let group = category.split('.').next().unwrap_or_default();
        self.deptid
            .get(category)
            .or_else(|| self.deptid.get(group))
            .copied()
            .unwrap_or(self.default_deptid)
    }

    /// The form fields of the `OpenTicket` call, in order.
    pub fn form(&self, delivery: &Delivery) -> Vec<(&'static str, String)> {
        let ticket = &delivery.record.ticket;
        let report = report::build(delivery, self.language);
        let mut form = vec![
            ("action", "OpenTicket".to_owned()),
            ("identifier", self.identifier.clone()),
            ("secret", self.secret.clone()),
            ("deptid", self.department(&ticket.category).to_string()),
            (
                "subject",
                format!("[{}] {}", delivery.reference, ticket.subject),
            ),
            ("message", markdown(&report)),
            ("email", ticket.email.clone()),
        ];
        if !ticket.name.trim().is_empty() {
            form.push(("name", ticket.name.clone()));
        }
        form.extend([
            ("markdown", "true".to_owned()),
            ("responsetype", "json".to_owned()),
        ]);
        form
    }

    pub async fn send(&self, delivery: &Delivery) -> Result<(), String> {
        let body = serde_urlencoded::to_string(self.form(delivery))
            .map_err(|e| format!("form: {e}"))?
            .into_bytes();
        let headers = [("idempotency-key", delivery.reference.clone())];
        let answer = self
            .client
            .post(
                &self.endpoint,
                "application/x-www-form-urlencoded",
                &headers,
                body,
            )
            .await?;
        let json: serde_json::Value = serde_json::from_slice(&answer.body).unwrap_or_default();
        match json["result"].as_str() {
            Some("success") if answer.status == 200 => Ok(()),
            _ => Err(format!(
                "{}: answered {}: {}",
                self.endpoint,
                answer.status,
                json["message"]
                    .as_str()
                    .unwrap_or("no {\"result\":\"success\"}")
            )),
        }
    }
}
