//! What every view of one widget shares, provided by `App`: the form, the
//! language (`crate::i18n::I18n`), the sender, and the two below. All are
//! small `Copy` handles, so views take them with `expect_context`.

use crate::config::WidgetConfig;
use crate::sending::Sender;
use crate::state::Form;
use crate::uploading::Uploader;
use leptos::prelude::*;

/// The widget's configuration, as the host page gave it.
#[derive(Clone, Copy)]
pub struct Config(StoredValue<WidgetConfig>);

impl Config {
    pub fn new(config: WidgetConfig) -> Config {
        Config(StoredValue::new(config))
    }

    /// The page-unique element id for `name` (`ltw{instance}-{name}`).
    pub fn id(self, name: &str) -> String {
        self.0.with_value(|c| c.id(name))
    }

    pub fn with<R>(self, read: impl FnOnce(&WidgetConfig) -> R) -> R {
        self.0.with_value(read)
    }
}

/// A field whose control should take focus once it is on screen: the
/// error summary's links and the policy dialog's "edit" ask for one; the
/// field with that key takes it (`fields::focus_when_asked`).
#[derive(Clone, Copy)]
pub struct FocusField(RwSignal<Option<&'static str>>);

impl FocusField {
    pub fn new() -> FocusField {
        FocusField(RwSignal::new(None))
    }

    pub fn ask(self, key: &'static str) {
        self.0.set(Some(key));
    }

    /// Whether `key` is asked for (tracked).
    pub fn is_asked(self, key: &'static str) -> bool {
        self.0.get() == Some(key)
    }

    pub fn done(self) {
        self.0.set(None);
    }
}

pub fn use_form() -> Form {
    expect_context()
}

pub fn use_config() -> Config {
    expect_context()
}

pub fn use_sender() -> Sender {
    expect_context()
}

pub fn use_uploader() -> Uploader {
    expect_context()
}

pub fn use_focus_field() -> FocusField {
    expect_context()
}
