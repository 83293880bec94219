//! Delivery by e-mail to a real SMTP server (aiosmtpd): the subject, the
//! two parts in the staff's language, the trace table, Reply-To and the
//! Message-ID, and customer text escaped in the HTML.

mod common;

use common::smtp_sink::{SmtpSink, smtp_config, smtp_tls_config};
use common::{
    example, post, start_with, temp_config, temp_store, wait_for_attempts, wait_for_status,
};
use std::time::Duration;

#[test]
fn a_ticket_arrives_as_mail_in_the_staff_language() {
    let sink = SmtpSink::start();
    let config = temp_config(&smtp_config(sink.port, "zh-Hant"));
    let r = start_with(temp_store(), &["--config", config.to_str().unwrap()], &[]);
    let (code, body) = post(&r.addr, "application/json", Some("mail-1"), &example());
    assert_eq!(code, 201, "{body}");
    let reference = body["reference"].as_str().unwrap();

    let mails = sink.wait_for(1, Duration::from_secs(20));
    assert_eq!(mails.len(), 1, "one mail");
    let mail = &mails[0];
    assert_eq!(
        mail["subject"],
        format!("[{reference}] 路由報障: 晚上到香港機房丟包嚴重")
    );
    assert_eq!(mail["message_id"], format!("<{reference}@example.com>"));
    assert_eq!(mail["reply_to"], "陳大文 <chan.taiman@example.com>");
    assert_eq!(mail["to"], "support@example.com");
    assert_eq!(mail["content_type"], "multipart/alternative");

    let text = mail["text"].as_str().unwrap();
    for expected in [
        "類別: 路由報障 (technical.routing)",
        "服務範圍: 報告特定方向的網路延遲過高",
        "服務: hk-vps-1024 (203.0.113.20)",
        "每天晚上八點到十二點",
        "問題方向: 從我的所在地連往伺服器",
        "工具: mtr --report",
        "開始丟包的跳數: 4",
        "客戶已確認重要聲明: 否",
        "翻牆相關詞語: 無",
    ] {
        assert!(text.contains(expected), "{expected:?} not in\n{text}");
    }
    // The trace table: a head and one row per hop, in columns.
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("跳數"))
        .take(6)
        .collect();
    assert_eq!(table.len(), 6, "{text}");
    let hop4: Vec<&str> = table[4].split_whitespace().collect();
    assert_eq!(
        hop4,
        ["4", "202.97.94.130", "20.0", "298.7", "290.4", "310.9"]
    );

    let html = mail["html"].as_str().unwrap();
    assert!(html.contains("<table class=\"trace\""), "{html}");
    assert!(html.contains("<td style=\"padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top\">202.97.94.130</td>"), "{html}");
    assert!(
        html.contains("陳大文 &lt;chan.taiman@example.com&gt;"),
        "{html}"
    );

    let out = wait_for_status(&r.store, reference, "delivered", Duration::from_secs(10));
    assert!(out.contains("smtp  delivered"), "{out}");
    let _ = std::fs::remove_file(config);
}

#[test]
fn customer_markup_reaches_the_html_escaped() {
    let sink = SmtpSink::start();
    let config = temp_config(&smtp_config(sink.port, "en"));
    let r = start_with(temp_store(), &["--config", config.to_str().unwrap()], &[]);
    let mut ticket: serde_json::Value = serde_json::from_str(&example()).unwrap();
    ticket["message"] = "<script>alert('x')</script> & <b>bold</b>".into();
    ticket["name"] = "Eve <evil@example.net>\"".into();
    let (code, body) = post(&r.addr, "application/json", None, &ticket.to_string());
    assert_eq!(code, 201, "{body}");
    let mails = sink.wait_for(1, Duration::from_secs(20));
    let mail = &mails[0];
    let subject = mail["subject"].as_str().unwrap();
    assert!(subject.contains("Reporting Routing Issues"), "{subject}");
    let html = mail["html"].as_str().unwrap();
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<b>bold"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"),
        "{html}"
    );
    assert!(!html.contains("<evil@"), "{html}");
    // The text part shows it as typed.
    assert!(
        mail["text"]
            .as_str()
            .unwrap()
            .contains("<script>alert('x')</script>")
    );
    let _ = std::fs::remove_file(config);
}

/// STARTTLS (required by the server) and implicit TLS, through rustls:
/// the server's certificate is checked against `ca_file`.
#[test]
fn mail_goes_over_starttls_and_implicit_tls() {
    for tls in ["starttls", "tls"] {
        let sink = SmtpSink::start_with(0, tls);
        let config = temp_config(&smtp_tls_config(sink.port, tls));
        let r = start_with(temp_store(), &["--config", config.to_str().unwrap()], &[]);
        let (code, body) = post(&r.addr, "application/json", None, &example());
        assert_eq!(code, 201, "{body}");
        let mails = sink.wait_for(1, Duration::from_secs(20));
        assert_eq!(mails.len(), 1, "{tls}");
        assert_eq!(mails[0]["tls"], true, "{tls}");
        let reference = body["reference"].as_str().unwrap();
        let out = wait_for_status(&r.store, reference, "delivered", Duration::from_secs(10));
        assert!(out.contains("delivered"), "{tls}: {out}");
        let _ = std::fs::remove_file(config);
    }
}

/// Without the test CA the same server is not trusted: nothing is sent,
/// and the status says why.
#[test]
fn an_untrusted_certificate_is_refused() {
    let sink = SmtpSink::start_with(0, "starttls");
    let text = smtp_tls_config(sink.port, "starttls");
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("ca_file"))
        .map(|l| format!("{l}\n"))
        .collect();
    let config = temp_config(&text);
    let r = start_with(temp_store(), &["--config", config.to_str().unwrap()], &[]);
    let (code, body) = post(&r.addr, "application/json", None, &example());
    assert_eq!(code, 201, "{body}");
    let reference = body["reference"].as_str().unwrap();
    let out = wait_for_attempts(&r.store, reference, 2);
    assert!(out.to_lowercase().contains("certificate"), "{out}");
    assert!(sink.messages().is_empty());
    let _ = std::fs::remove_file(config);
}

/// Login over STARTTLS with the password from the variable the config
/// names; a wrong password is a failed delivery, retried.
#[test]
fn the_smtp_login_takes_its_password_from_the_environment() {
    for (password, delivered) in [("s3cret", true), ("wrong", false)] {
        let sink = SmtpSink::start_with(0, "starttls-auth");
        let config = temp_config(&format!(
            "{}username = \"form\"\npassword_env = \"TICKET_TEST_SMTP_PASSWORD\"\n",
            smtp_tls_config(sink.port, "starttls")
        ));
        let r = start_with(
            temp_store(),
            &["--config", config.to_str().unwrap()],
            &[("TICKET_TEST_SMTP_PASSWORD", password)],
        );
        let (code, body) = post(&r.addr, "application/json", None, &example());
        assert_eq!(code, 201, "{body}");
        let reference = body["reference"].as_str().unwrap();
        if delivered {
            let mails = sink.wait_for(1, Duration::from_secs(20));
            assert_eq!(mails.len(), 1);
            assert_eq!(mails[0]["auth_login"], "form");
        } else {
            let out = wait_for_attempts(&r.store, reference, 2);
            assert!(out.contains("535"), "the server's refusal: {out}");
            assert!(sink.messages().is_empty());
        }
        let _ = std::fs::remove_file(config);
    }
}
