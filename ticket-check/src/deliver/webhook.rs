//! The generic webhook: the stored ticket as a JSON POST, signed with
//! `X-Signature: sha256=<hex HMAC-SHA256 of the body>` and carrying
//! `Idempotency-Key: <reference>`. Any 2xx answer is a delivery.

use super::Delivery;
use super::http::Client;
use crate::config::{WebhookConfig, secret};
use hmac::{Hmac, Mac};
use sha2::Sha256;

pub struct Webhook {
    url: String,
    secret: String,
    client: Client,
}

impl Webhook {
    pub fn new(config: &WebhookConfig, client: Client) -> Result<Webhook, String> {
        check_url(&config.url)?;
        Ok(Webhook {
            url: config.url.clone(),
            secret: secret(&config.secret_env, "secret_env")?,
            client,
        })
    }

    pub async fn send(&self, delivery: &Delivery) -> Result<(), String> {
        let body = delivery.json.to_string().into_bytes();
        let headers = [
            (
                "x-signature",
                format!("sha256={}", sign(&self.secret, &body)),
            ),
            ("idempotency-key", delivery.reference.clone()),
        ];
        let answer = self
            .client
            .post(&self.url, "application/json", &headers, body)
            .await?;
        if (200..300).contains(&answer.status) {
            Ok(())
        } else {
            Err(format!("{}: answered {}", self.url, answer.status))
        }
    }
}

/// Lower-case hex of HMAC-SHA256(`secret`, `body`).
pub fn sign(secret: &str, body: &[u8]) -> String {
    // HMAC takes a key of any length: this cannot fail.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(body);
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An http or https URL hyper can parse.
pub fn check_url(url: &str) -> Result<(), String> {
    let uri: hyper::Uri = url.parse().map_err(|e| format!("url {url:?}: {e}"))?;
    match uri.scheme_str() {
        Some("http" | "https") if uri.host().is_some() => Ok(()),
        _ => Err(format!("url {url:?}: expected http:// or https://HOST/…")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_rfc_4231_hmac_sha256() {
        // RFC 4231, test case 2.
        assert_eq!(
            sign("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn only_http_urls_are_taken() {
        assert!(check_url("https://hooks.example.com/t").is_ok());
        assert!(check_url("http://127.0.0.1:9/").is_ok());
        for bad in ["ftp://x/", "hooks.example.com", "", "http://"] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }
}
