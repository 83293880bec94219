//! E-mail to the support address over SMTP (lettre): plain, STARTTLS or
//! implicit TLS, with login when the config names a password variable.
//! The Message-ID is `<REFERENCE@domain of From>`, so a mail sent again
//! after a crash is the same message to the mail system; `Reply-To` is
//! the customer, so staff answer with their mail client's Reply.

use super::report::{self, Report};
use super::{Delivery, mail_body};
use crate::config::{SmtpConfig, SmtpTls, StaffLanguage, secret};
use lettre::message::{Mailbox, Mailboxes, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    to: Mailboxes,
    language: StaffLanguage,
}

impl Smtp {
    pub fn new(config: &SmtpConfig, timeout: Duration) -> Result<Smtp, String> {
        let from: Mailbox = config
            .from
            .parse()
            .map_err(|e| format!("from {:?}: {e}", config.from))?;
        let to: Mailboxes = config
            .to
            .parse()
            .map_err(|e| format!("to {:?}: {e}", config.to))?;
        let host = config.host.as_str();
        // "dangerous" only names the builder that starts without TLS; the
        // TLS below (rustls, certificate and host name checked) is added
        // for every mode but `none`.
        let builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host);
        let builder = match config.tls {
            SmtpTls::None => builder,
            SmtpTls::Starttls => builder.tls(Tls::Required(tls_parameters(config)?)),
            SmtpTls::Tls => builder.tls(Tls::Wrapper(tls_parameters(config)?)),
        };
        let port = config.port.unwrap_or(match config.tls {
            SmtpTls::None => 25,
            SmtpTls::Starttls => 587,
            SmtpTls::Tls => 465,
        });
        let mut builder = builder.port(port).timeout(Some(timeout));
        match (&config.username, &config.password_env) {
            (Some(user), Some(variable)) => {
                let password = secret(variable, "password_env")?;
                builder = builder.credentials(Credentials::new(user.clone(), password));
            }
            (None, None) => {}
            _ => return Err("username and password_env go together".into()),
        }
        Ok(Smtp {
            transport: builder.build(),
            from,
            to,
            language: config.language,
        })
    }

    pub async fn send(&self, delivery: &Delivery) -> Result<(), String> {
        let message = self.message(delivery)?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| format!("smtp: {e}"))
    }

    fn message(&self, delivery: &Delivery) -> Result<Message, String> {
        let report = report::build(delivery, self.language);
        let ticket = &delivery.record.ticket;
        let domain = self.from.email.domain();
        let mut builder = Message::builder()
            .message_id(Some(format!("<{}@{domain}>", delivery.reference)))
            .from(self.from.clone())
            .subject(subject(&report, &ticket.subject));
        for to in self.to.iter() {
            builder = builder.to(to.clone());
        }
        // The widget checked the address; one lettre cannot read (rare
        // syntax) only costs the Reply-To, the body still names it.
        let name = (!ticket.name.trim().is_empty()).then(|| one_line(&ticket.name));
        match ticket.email.parse() {
            Ok(address) => builder = builder.reply_to(Mailbox::new(name, address)),
            Err(e) => eprintln!(
                "{}: no Reply-To, the customer's address does not parse: {e}",
                delivery.reference
            ),
        }
        builder
            .multipart(MultiPart::alternative_plain_html(
                mail_body::text(&report),
                mail_body::html(&report),
            ))
            .map_err(|e| format!("message: {e}"))
    }
}

/// Certificates checked against the public roots, and `ca_file` if given.
fn tls_parameters(config: &SmtpConfig) -> Result<TlsParameters, String> {
    let mut parameters = TlsParameters::builder(config.host.clone());
    if let Some(path) = &config.ca_file {
        let pem = std::fs::read(path).map_err(|e| format!("ca_file {}: {e}", path.display()))?;
        let certificate =
            Certificate::from_pem(&pem).map_err(|e| format!("ca_file {}: {e}", path.display()))?;
        parameters = parameters.add_root_certificate(certificate);
    }
    parameters
        .build_rustls()
        .map_err(|e| format!("tls for {}: {e}", config.host))
}

/// `[LK-…] Category title: the customer's subject`, on one line.
fn subject(report: &Report, subject: &str) -> String {
    one_line(&format!(
        "[{}] {}: {subject}",
        report.reference, report.category_title
    ))
}

/// Control characters (line breaks) become spaces: a header is one line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(tls: SmtpTls, to: &str) -> SmtpConfig {
        SmtpConfig {
            name: None,
            host: "mail.example.com".into(),
            port: None,
            tls,
            ca_file: None,
            from: "Support form <form@example.com>".into(),
            to: to.into(),
            language: StaffLanguage::En,
            username: None,
            password_env: None,
        }
    }

    #[test]
    fn every_tls_mode_builds_and_bad_addresses_are_refused() {
        let timeout = Duration::from_secs(1);
        for tls in [SmtpTls::None, SmtpTls::Starttls, SmtpTls::Tls] {
            let smtp = Smtp::new(&config(tls, "a@example.com, b@example.com"), timeout);
            assert_eq!(smtp.map(|s| s.to.iter().count()).ok(), Some(2));
        }
        assert!(Smtp::new(&config(SmtpTls::None, "not an address"), timeout).is_err());
        let mut half_auth = config(SmtpTls::Tls, "a@example.com");
        half_auth.username = Some("user".into());
        assert!(Smtp::new(&half_auth, timeout).is_err());
    }

    #[test]
    fn header_text_stays_on_one_line() {
        assert_eq!(one_line("a\r\nBcc: x@y\tz"), "a  Bcc: x@y z");
    }
}
