//! The WHMCS target. WHMCS itself cannot run here (a licensed PHP
//! application), so this is a contract test: a local server stands at
//! `includes/api.php` and the test asserts the exact form fields of the
//! `OpenTicket` call, and that WHMCS's `{"result":"error"}` (with status
//! 200) counts as a failed delivery, retried.

mod common;

use common::capture::Capture;
use common::{example, post, start_with, temp_config, temp_store, wait_for_status};
use std::time::Duration;

#[test]
fn open_ticket_gets_the_exact_form_and_errors_are_retried() {
    let whmcs = Capture::start(vec![
        (
            200,
            r#"{"result":"error","message":"Invalid Department ID"}"#,
        ),
        (
            200,
            r#"{"result":"success","id":12,"tid":"AB-123456","c":"x"}"#,
        ),
    ]);
    let config = temp_config(&format!(
        "[retry]\nfirst_ms = 100\nmax_ms = 400\n\n\
         [[deliver]]\nkind = \"whmcs\"\nurl = \"{}/billing/\"\n\
         identifier_env = \"TICKET_TEST_WHMCS_ID\"\nsecret_env = \"TICKET_TEST_WHMCS_SECRET\"\n\
         default_deptid = 1\ndeptid = {{ technical = 3, \"technical.routing\" = 7 }}\n\
         language = \"en\"\n",
        whmcs.url
    ));
    let r = start_with(
        temp_store(),
        &["--config", config.to_str().unwrap()],
        &[
            ("TICKET_TEST_WHMCS_ID", "api-identifier"),
            ("TICKET_TEST_WHMCS_SECRET", "api-secret"),
        ],
    );
    let (code, body) = post(&r.addr, "application/json", None, &example());
    assert_eq!(code, 201, "{body}");
    let reference = body["reference"].as_str().unwrap();

    let requests = whmcs.wait_for(2, Duration::from_secs(20));
    assert_eq!(requests.len(), 2, "the error, then the retry");
    for request in &requests {
        assert_eq!(request.path, "/billing/includes/api.php");
        assert_eq!(
            request.headers["content-type"],
            "application/x-www-form-urlencoded"
        );
        let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&request.body).unwrap();
        let names: Vec<&str> = form.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "action",
                "identifier",
                "secret",
                "deptid",
                "subject",
                "message",
                "email",
                "name",
                "markdown",
                "responsetype"
            ]
        );
        let field = |name: &str| form.iter().find(|(k, _)| k == name).unwrap().1.clone();
        assert_eq!(field("action"), "OpenTicket");
        assert_eq!(field("identifier"), "api-identifier");
        assert_eq!(field("secret"), "api-secret");
        assert_eq!(field("deptid"), "7");
        assert_eq!(
            field("subject"),
            format!("[{reference}] 晚上到香港機房丟包嚴重")
        );
        assert_eq!(field("email"), "chan.taiman@example.com");
        assert_eq!(field("name"), "陳大文");
        assert_eq!(field("markdown"), "true");
        assert_eq!(field("responsetype"), "json");
        let message = field("message");
        for expected in [
            "- **Category:** Reporting Routing Issues \\(technical\\.routing\\)",
            "| Hop | Host | Loss % | Avg ms | Best ms | Worst ms |",
            "| 4 | 202\\.97\\.94\\.130 | 20\\.0 | 298\\.7 | 290\\.4 | 310\\.9 |",
            "```text\n每天晚上八點到十二點",
        ] {
            assert!(message.contains(expected), "{expected:?} not in\n{message}");
        }
    }
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(whmcs.requests().len(), 2, "no more after the success");
    let out = wait_for_status(&r.store, reference, "delivered", Duration::from_secs(10));
    assert!(out.contains("whmcs  delivered"), "{out}");
    let _ = std::fs::remove_file(config);
}
