//! `ticket-widget-prerender <out dir> [--data-<name>=<value>]...`
//!
//! Renders the widget's first step with Leptos's server-side rendering,
//! once per language, into `<out dir>/ticket-widget-first-step-<lang>.html`:
//! markup for a host page to put inside its `<div data-ticket-widget>`
//! (PHP `readfile`, nginx SSI, a WHMCS template include), so the customer
//! sees the form, and can choose a topic group, before the wasm arrives.
//! The wasm then hydrates it (`src/prerender.rs` says when it may).
//!
//! The first step shows some of the host element's `data-*` attributes
//! (`data-categories`, `data-support-email`). A page that sets them renders
//! its own fragments with the same values: `--data-categories=…`. A fragment
//! rendered for other values is not broken, only replaced by a freshly
//! built widget when the wasm arrives. `data-endpoint` plays no part in the
//! markup and may be left out.
//!
//! Built with the `ssr` feature only:
//! `cargo run --features ssr --bin ticket-widget-prerender -- dist`.

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use ticket_widget::components::App;
use ticket_widget::config::WidgetConfig;
use ticket_widget::held_start::HeldStart;
use ticket_widget::i18n::{I18n, Lang, tr_args};

const USAGE: &str = "usage: ticket-widget-prerender <out dir> [--data-<name>=<value>]...";

fn main() -> ExitCode {
    let (out_dir, data) = match parse_args(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("ticket-widget-prerender: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let config = WidgetConfig::from_attributes(
        |name| {
            data.get(name)
                .cloned()
                .or_else(|| (name == "endpoint").then(|| "/".into()))
        },
        None,
        0,
    );
    if !config.problems.is_empty() {
        for problem in &config.problems {
            let (key, id) = problem.message();
            eprintln!(
                "ticket-widget-prerender: {}",
                tr_args(Lang::En, key, &[("id", id.to_owned())])
            );
        }
        return ExitCode::from(2);
    }
    for lang in Lang::ALL {
        let html = first_step(&config, lang);
        if let Err(e) = write(&out_dir, lang, &html) {
            eprintln!("ticket-widget-prerender: {}: {e}", out_dir.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// The widget as a fresh visit shows it, in `lang`: what the wasm, given
/// the same configuration and language, hydrates.
fn first_step(config: &WidgetConfig, lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let config = config.clone();
        view! { <App config i18n=I18n::new(lang) held_start=HeldStart::new()/> }.to_html()
    })
}

fn write(out_dir: &Path, lang: Lang, html: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(out_dir)?;
    let path = out_dir.join(format!("ticket-widget-first-step-{}.html", lang.tag()));
    std::fs::write(path, format!("{html}\n"))
}

/// The output directory and the `data-*` values, keyed as the host
/// element's `dataset` keys them (`--data-support-email` → `supportEmail`).
fn parse_args(
    args: impl Iterator<Item = String>,
) -> Result<(PathBuf, HashMap<String, String>), String> {
    let mut out_dir = None;
    let mut data = HashMap::new();
    for arg in args {
        if let Some(attribute) = arg.strip_prefix("--data-") {
            let (name, value) = attribute
                .split_once('=')
                .ok_or_else(|| format!("{arg}: expected --data-<name>=<value>"))?;
            data.insert(dataset_key(name), value.to_owned());
        } else if arg.starts_with('-') {
            return Err(format!("unknown option {arg}"));
        } else if out_dir.replace(PathBuf::from(&arg)).is_some() {
            return Err("one output directory only".into());
        }
    }
    Ok((out_dir.ok_or("no output directory")?, data))
}

/// `support-email` → `supportEmail`, as the DOM maps `data-support-email`.
fn dataset_key(name: &str) -> String {
    let mut parts = name.split('-');
    let mut key = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            key.extend(first.to_uppercase());
            key.push_str(chars.as_str());
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_options_are_keyed_as_the_dataset() {
        assert_eq!(dataset_key("support-email"), "supportEmail");
        assert_eq!(dataset_key("categories"), "categories");
        let args = [
            "out",
            "--data-support-email=a@b.example",
            "--data-categories=technical",
        ];
        let (dir, data) = parse_args(args.into_iter().map(String::from)).unwrap();
        assert_eq!(dir, PathBuf::from("out"));
        assert_eq!(data["supportEmail"], "a@b.example");
        assert_eq!(data["categories"], "technical");
        assert!(parse_args(["--data-x"].into_iter().map(String::from)).is_err());
        assert!(parse_args(["a", "b"].into_iter().map(String::from)).is_err());
        assert!(parse_args(std::iter::empty()).is_err());
    }
}
