//! The part of a widget's start that reads the browser, held back while
//! its view is built as the prerendered fragment was (see `App`'s
//! `held_start`): hydration must meet exactly the server's view, so the
//! draft, the prefill and the files come in only afterwards, as ordinary
//! signal changes.

use std::cell::Cell;
use std::rc::Rc;

type Start = Box<dyn FnOnce()>;

#[derive(Clone, Default)]
pub struct HeldStart(Rc<Cell<Option<Start>>>);

impl HeldStart {
    pub fn new() -> HeldStart {
        HeldStart::default()
    }

    pub(crate) fn hold(&self, start: impl FnOnce() + 'static) {
        self.0.set(Some(Box::new(start)));
    }

    /// Runs what was held, once; nothing if nothing was.
    pub fn run(&self) {
        if let Some(start) = self.0.take() {
            start();
        }
    }
}
