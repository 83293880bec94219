//! Attachments (and tickets) are never served back: no route returns a
//! file, and `--static DIR` must not contain the store or its files
//! folder, or any path under DIR would publish them. That is refused at
//! start, before a single request.

use crate::store::files;
use std::path::{Path, PathBuf};

/// `path` made absolute with symbolic links resolved, as far as it exists
/// (a store not created yet is resolved through its folder).
fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            resolved(parent).join(name)
        }
        _ => path.to_owned(),
    }
}

/// Err when serving `static_dir` would publish the store at `store`.
pub fn check_static_dir(static_dir: &Path, store: &Path) -> Result<(), String> {
    let public = resolved(static_dir);
    let store = resolved(store);
    let files = files::dir_of(&store);
    if store.starts_with(&public) || files.starts_with(&public) {
        return Err(format!(
            "--static {} contains the store {} (or its attachments {}): they would be public; \
             keep the store outside the static folder",
            static_dir.display(),
            store.display(),
            files.display()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_inside_the_static_folder_is_refused() {
        let dir = std::env::temp_dir().join(format!("ticket-private-{}", std::process::id()));
        let public = dir.join("dist");
        std::fs::create_dir_all(&public).unwrap();
        assert!(check_static_dir(&public, &public.join("tickets.db")).is_err());
        assert!(check_static_dir(&dir, &dir.join("data/tickets.db")).is_err());
        assert!(check_static_dir(&public, &public.join("../dist/x/../t.db")).is_err());
        assert!(check_static_dir(&public, &dir.join("tickets.db")).is_ok());
        assert!(check_static_dir(&public, &dir.join("dist-tickets.db")).is_ok());
        let _ = std::fs::remove_dir_all(dir);
    }
}
