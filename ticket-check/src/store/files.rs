//! The bytes of attachments, content-addressed in a folder beside the
//! store: `<store>.files/<sha256[0..2]>/<sha256>`. The customer's file
//! name never comes near a path: the only name is the hex digest the
//! receiver computed. A file is written to a temporary name in its final
//! folder, flushed to disk, renamed into place and the folder flushed, so
//! that a crash leaves either the whole file or none (and a stray
//! temporary file, never a torn one under a digest's name).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use ticket_core::attachment::payload::is_sha256_hex;

/// The folder of a store's files.
pub fn dir_of(store: &Path) -> PathBuf {
    let mut dir = store.as_os_str().to_owned();
    dir.push(".files");
    PathBuf::from(dir)
}

/// Where the file with this digest lives under `dir`; `None` for anything
/// but 64 lowercase hex digits (so no input can name another path).
pub fn path_of(dir: &Path, sha256: &str) -> Option<PathBuf> {
    is_sha256_hex(sha256).then(|| dir.join(&sha256[..2]).join(sha256))
}

/// Stores `bytes` under `sha256` (their digest) unless a file of that
/// size is there already; returns its path.
pub fn write(dir: &Path, sha256: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let path = path_of(dir, sha256)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a SHA-256 digest"))?;
    if fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64) {
        return Ok(path);
    }
    let folder = path.parent().unwrap_or(dir);
    fs::create_dir_all(folder)?;
    // Unique per write: two uploads of the same bytes at once each write
    // their own temporary file, and the second rename replaces the first
    // with identical bytes.
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let temp = folder.join(format!(
        ".{sha256}.{}.{}.tmp",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, &path)?;
        sync_dir(folder)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written.map(|()| path)
}

/// Makes a rename in `dir` durable (a no-op where folders cannot be opened).
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_go_under_their_digest_only() {
        let dir = std::env::temp_dir().join(format!("ticket-files-{}", std::process::id()));
        let sha = "2ede2ff465e20c67d7e9d435fa9dd91d56971e3874509b0c85be3d8de56bce93";
        let path = write(&dir, sha, b"bytes").unwrap();
        assert_eq!(path, dir.join("2e").join(sha));
        assert_eq!(fs::read(&path).unwrap(), b"bytes");
        // Again: the same file, no temporary left.
        assert_eq!(write(&dir, sha, b"bytes").unwrap(), path);
        assert_eq!(fs::read_dir(dir.join("2e")).unwrap().count(), 1);
        for bad in [
            "../../etc/passwd",
            "",
            &sha.to_uppercase(),
            &format!("{sha}/x"),
        ] {
            assert!(path_of(&dir, bad).is_none(), "{bad}");
            assert!(write(&dir, bad, b"x").is_err());
        }
        assert_eq!(
            dir_of(Path::new("/srv/tickets.db")),
            Path::new("/srv/tickets.db.files")
        );
        let _ = fs::remove_dir_all(dir);
    }
}
