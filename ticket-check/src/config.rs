//! The receiver's configuration file (`--config receiver.toml`): the store,
//! the serve options, the retry schedule and the delivery targets. Every
//! table refuses keys it does not know, so a typo is an error naming the
//! key instead of a setting silently ignored. Secrets are never in the
//! file: it names the environment variables that hold them.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub store: StoreConfig,
    #[serde(default)]
    pub serve: ServeConfig,
    #[serde(default)]
    pub retry: RetryConfig,
    #[serde(default)]
    pub deliver: Vec<TargetConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreConfig {
    pub path: Option<PathBuf>,
}

/// The `serve` command-line options, by the same names (`-` as `_`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServeConfig {
    pub addr: Option<String>,
    #[serde(rename = "static")]
    pub static_dir: Option<PathBuf>,
    pub csp: Option<String>,
    /// `N/SECONDS` or `off`, as `--rate-ip`.
    pub rate_ip: Option<String>,
    pub rate_email: Option<String>,
    pub trust_proxy: Option<bool>,
    pub min_fill_ms: Option<u32>,
    pub require_form: Option<bool>,
    /// Leading zero bits of the proof of work, as `--pow-bits` (0: off).
    pub pow_bits: Option<u32>,
    /// As `--keep-uploads-days` (0: keep for ever).
    pub keep_uploads_days: Option<u32>,
}

/// When a failed delivery is tried again: after `first_ms`, then twice as
/// long each time, never longer than `max_ms`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct RetryConfig {
    pub first_ms: u64,
    pub max_ms: u64,
    /// One attempt (connect, send, answer) may take this long.
    pub timeout_secs: u64,
}

impl Default for RetryConfig {
    fn default() -> RetryConfig {
        RetryConfig {
            first_ms: 5_000,
            max_ms: 15 * 60 * 1000,
            timeout_secs: 30,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum TargetConfig {
    Smtp(SmtpConfig),
    Whmcs(WhmcsConfig),
    Webhook(WebhookConfig),
}

impl TargetConfig {
    /// The name the outbox and `ticket-check status` know the target by.
    pub fn name(&self) -> String {
        let (given, kind) = match self {
            TargetConfig::Smtp(c) => (&c.name, "smtp"),
            TargetConfig::Whmcs(c) => (&c.name, "whmcs"),
            TargetConfig::Webhook(c) => (&c.name, "webhook"),
        };
        given.clone().unwrap_or_else(|| kind.to_owned())
    }
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain text: only for a relay on the same host or a test server.
    None,
    #[default]
    Starttls,
    /// Implicit TLS (SMTPS, usually port 465).
    Tls,
}

/// The language of the staff who read the mail.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
pub enum StaffLanguage {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "zh-Hans")]
    ZhHans,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub name: Option<String>,
    pub host: String,
    /// Default: 25 without TLS, 587 with STARTTLS, 465 with TLS.
    pub port: Option<u16>,
    #[serde(default)]
    pub tls: SmtpTls,
    /// A PEM certificate to trust besides the public roots (a relay with a
    /// private CA).
    pub ca_file: Option<PathBuf>,
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub language: StaffLanguage,
    /// With `password_env`: log in (AUTH PLAIN or LOGIN).
    pub username: Option<String>,
    pub password_env: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    pub name: Option<String>,
    pub url: String,
    /// The variable holding the HMAC-SHA256 key of `X-Signature`.
    pub secret_env: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhmcsConfig {
    pub name: Option<String>,
    /// The WHMCS base URL; the API is `<url>/includes/api.php`.
    pub url: String,
    pub identifier_env: String,
    pub secret_env: String,
    /// The department of a category not in `deptid`.
    pub default_deptid: u32,
    /// Category id (`technical.routing`) or group (`technical`) → department.
    #[serde(default)]
    pub deptid: BTreeMap<String, u32>,
    #[serde(default)]
    pub language: StaffLanguage,
}

impl Config {
    /// Reads and checks `path`; the error names the file, the key and
    /// where it is.
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Config::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| e.to_string().trim().to_owned())?;
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), String> {
        let mut names = Vec::new();
        for target in &self.deliver {
            let name = target.name();
            if name.is_empty() || name.len() > 64 {
                return Err(format!("deliver: name {name:?} must be 1 to 64 characters"));
            }
            if names.contains(&name) {
                return Err(format!(
                    "deliver: two targets are named {name:?}; give each its own `name`"
                ));
            }
            names.push(name);
            if let TargetConfig::Whmcs(whmcs) = target {
                for key in whmcs.deptid.keys() {
                    let known = ticket_core::catalog::find(key).is_some()
                        || ticket_core::Group::ALL.iter().any(|g| g.id() == key);
                    if !known {
                        return Err(format!(
                            "deliver.deptid: {key:?} is neither a category nor a group"
                        ));
                    }
                }
            }
        }
        if self.retry.first_ms == 0 || self.retry.max_ms < self.retry.first_ms {
            return Err("retry: first_ms must be above 0 and max_ms at least first_ms".into());
        }
        if self.retry.timeout_secs == 0 {
            return Err("retry: timeout_secs must be above 0".into());
        }
        Ok(())
    }

    /// The target names in the order of the file.
    #[cfg(test)]
    pub fn target_names(&self) -> Vec<String> {
        self.deliver.iter().map(TargetConfig::name).collect()
    }
}

/// The value of the environment variable `name`, which must be set and
/// not empty.
pub fn secret(name: &str, what: &str) -> Result<String, String> {
    match std::env::var(name) {
        Ok(value) if !value.is_empty() => Ok(value),
        _ => Err(format!(
            "{what}: the environment variable {name} is not set (the config names it)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_of_the_issue_reads() {
        let config = Config::parse(
            r#"
            [store]
            path = "tickets.db"

            [[deliver]]
            kind = "smtp"
            host = "127.0.0.1"
            port = 2525
            tls = "none"
            from = "support-form@example.com"
            to = "support@example.com"
            language = "zh-Hant"

            [[deliver]]
            kind = "whmcs"
            url = "https://billing.example.com"
            identifier_env = "WHMCS_IDENTIFIER"
            secret_env = "WHMCS_SECRET"
            default_deptid = 1
            deptid = { technical = 2, "china.kyc" = 3 }

            [[deliver]]
            kind = "webhook"
            url = "https://hooks.example.com/tickets"
            secret_env = "HOOK_SECRET"
            "#,
        )
        .unwrap();
        assert_eq!(config.store.path, Some(PathBuf::from("tickets.db")));
        assert_eq!(config.target_names(), ["smtp", "whmcs", "webhook"]);
        let TargetConfig::Smtp(smtp) = &config.deliver[0] else {
            panic!("smtp first");
        };
        assert_eq!(
            (smtp.port, smtp.tls, smtp.language),
            (Some(2525), SmtpTls::None, StaffLanguage::ZhHant)
        );
        assert_eq!(config.retry, RetryConfig::default());
    }

    #[test]
    fn unknown_keys_are_named() {
        for (text, key) in [
            ("[store]\npth = 'x'", "pth"),
            ("[serve]\nrate = '1/1'", "rate"),
            ("colour = 1", "colour"),
            (
                "[[deliver]]\nkind='smtp'\nhost='h'\nfrom='a@b.c'\nto='a@b.c'\npassword='x'",
                "password",
            ),
            (
                "[[deliver]]\nkind='webhook'\nurl='http://h'\nsecret_env='S'\nsecret='x'",
                "secret",
            ),
        ] {
            let error = Config::parse(text).unwrap_err();
            assert!(error.contains(&format!("`{key}`")), "{key}: {error}");
        }
        let error = Config::parse("[[deliver]]\nkind='fax'").unwrap_err();
        assert!(error.contains("fax"), "{error}");
    }

    #[test]
    fn bad_values_are_refused() {
        for text in [
            "[[deliver]]\nkind='webhook'\nurl='http://h'\nsecret_env='S'\n\
             [[deliver]]\nkind='webhook'\nurl='http://i'\nsecret_env='S'",
            "[[deliver]]\nkind='whmcs'\nurl='u'\nidentifier_env='I'\nsecret_env='S'\n\
             default_deptid=1\ndeptid={ 'technical.nope' = 2 }",
            "[retry]\nfirst_ms = 0",
            "[[deliver]]\nkind='smtp'\nhost='h'\nfrom='a@b.c'\nto='a@b.c'\ntls='ssl'",
            "[[deliver]]\nkind='smtp'\nhost='h'\nfrom='a@b.c'\nto='a@b.c'\nlanguage='fr'",
        ] {
            assert!(Config::parse(text).is_err(), "{text}");
        }
    }
}
