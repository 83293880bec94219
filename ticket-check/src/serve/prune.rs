//! Uploads no ticket names are forgotten after `--keep-uploads-days` (7 by
//! default), so files of tickets never sent do not fill the disk: checked
//! at start and every hour. A customer who sends later is not hurt: the
//! widget keeps the files with the draft and uploads them again when the
//! receiver answers `attachment.unknown`.

use super::State;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::watch;
use tokio::task::JoinHandle;

const EVERY: Duration = Duration::from_secs(3600);

/// The pruning task, unless `days` is 0; it ends when `stopping` turns true.
pub fn start(
    state: Arc<State>,
    days: u32,
    mut stopping: watch::Receiver<bool>,
) -> Option<JoinHandle<()>> {
    if days == 0 {
        return None;
    }
    let age = u64::from(days) * 86_400;
    Some(tokio::spawn(async move {
        loop {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let state = Arc::clone(&state);
            let pruned = tokio::task::spawn_blocking(move || {
                state.attachments.prune(now.saturating_sub(age))
            })
            .await;
            match pruned {
                Ok(Ok(p)) if p.uploads > 0 => eprintln!(
                    "forgot {} uploads no ticket named for {days} days ({} files deleted)",
                    p.uploads, p.files
                ),
                Ok(Ok(_)) => {}
                Ok(Err(e)) => eprintln!("pruning uploads failed: {e}"),
                Err(e) => eprintln!("pruning uploads failed: {e}"),
            }
            tokio::select! {
                _ = tokio::time::sleep(EVERY) => {}
                _ = stopping.wait_for(|stop| *stop) => return,
            }
        }
    }))
}
