//! How many attachments a ticket may carry and how large, as data (the
//! widget shows the numbers, the receiver enforces them), and the check of
//! a list of files against them. A megabyte here is 2^20 bytes.

use super::kind::Kind;

pub const TOO_LARGE: &str = "attachment.too_large";
pub const TOO_MANY: &str = "attachment.too_many";
pub const TOTAL_TOO_LARGE: &str = "attachment.total_too_large";
pub const EMPTY: &str = "attachment.empty";
pub const TYPE_NOT_ALLOWED: &str = "attachment.type_not_allowed";

const MB: u64 = 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_files: usize,
    /// Bytes per file.
    pub max_file_bytes: u64,
    /// Bytes of all a ticket's files together.
    pub max_total_bytes: u64,
}

/// Up to 5 files, 10 MB each, 25 MB per ticket.
pub const LIMITS: Limits = Limits {
    max_files: 5,
    max_file_bytes: 10 * MB,
    max_total_bytes: 25 * MB,
};

/// One file as the check sees it: its size and its sniffed kind (`None`
/// for a type that is not allowed, see [`super::sniff`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileFacts {
    pub size: u64,
    pub kind: Option<Kind>,
}

/// A refusal: `index` is the file's position in the list, `None` for the
/// list as a whole (`total_too_large`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LimitError {
    pub index: Option<usize>,
    pub code: &'static str,
}

impl Limits {
    /// The code for one file on its own, if it is refused.
    pub fn check_file(&self, file: FileFacts) -> Option<&'static str> {
        if file.size == 0 {
            Some(EMPTY)
        } else if file.size > self.max_file_bytes {
            Some(TOO_LARGE)
        } else if file.kind.is_none() {
            Some(TYPE_NOT_ALLOWED)
        } else {
            None
        }
    }

    /// Every refusal for `files`, in order: each file's own problem, then
    /// `too_many` for each file past the limit, then `total_too_large`
    /// (counting only files that pass on their own and fit the count, so
    /// that removing the named files is always enough).
    pub fn check_list(&self, files: &[FileFacts]) -> Vec<LimitError> {
        let mut errors = Vec::new();
        let mut total: u64 = 0;
        for (index, file) in files.iter().enumerate() {
            if let Some(code) = self.check_file(*file) {
                errors.push(LimitError {
                    index: Some(index),
                    code,
                });
            } else if index >= self.max_files {
                errors.push(LimitError {
                    index: Some(index),
                    code: TOO_MANY,
                });
            } else {
                total = total.saturating_add(file.size);
            }
        }
        if total > self.max_total_bytes {
            errors.push(LimitError {
                index: None,
                code: TOTAL_TOO_LARGE,
            });
        }
        errors
    }

    /// Whether one more file of `size` bytes fits beside `files` (already
    /// accepted): for refusing a file before it is added, naming why.
    pub fn check_addition(&self, files: &[FileFacts], next: FileFacts) -> Option<&'static str> {
        if let Some(code) = self.check_file(next) {
            return Some(code);
        }
        if files.len() >= self.max_files {
            return Some(TOO_MANY);
        }
        let total = files
            .iter()
            .fold(next.size, |sum, f| sum.saturating_add(f.size));
        (total > self.max_total_bytes).then_some(TOTAL_TOO_LARGE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(size: u64) -> FileFacts {
        FileFacts {
            size,
            kind: Some(Kind::Png),
        }
    }

    #[test]
    fn the_limits_are_those_announced() {
        assert_eq!(LIMITS.max_files, 5);
        assert_eq!(LIMITS.max_file_bytes, 10_485_760);
        assert_eq!(LIMITS.max_total_bytes, 26_214_400);
    }

    #[test]
    fn each_refusal_has_its_code_and_position() {
        let list = [
            file(10 * MB),
            file(10 * MB + 1),
            file(0),
            FileFacts {
                size: 5,
                kind: None,
            },
        ];
        assert_eq!(
            LIMITS.check_list(&list),
            [
                LimitError {
                    index: Some(1),
                    code: TOO_LARGE
                },
                LimitError {
                    index: Some(2),
                    code: EMPTY
                },
                LimitError {
                    index: Some(3),
                    code: TYPE_NOT_ALLOWED
                },
            ]
        );
    }

    #[test]
    fn count_and_total() {
        let six = [file(1); 6];
        assert_eq!(
            LIMITS.check_list(&six),
            [LimitError {
                index: Some(5),
                code: TOO_MANY
            }]
        );
        let three = [file(9 * MB); 3];
        assert_eq!(
            LIMITS.check_list(&three),
            [LimitError {
                index: None,
                code: TOTAL_TOO_LARGE
            }]
        );
        assert!(
            LIMITS
                .check_list(&[file(10 * MB), file(10 * MB), file(5 * MB)])
                .is_empty()
        );
        assert_eq!(
            LIMITS.check_addition(&[file(10 * MB), file(10 * MB)], file(5 * MB + 1)),
            Some(TOTAL_TOO_LARGE)
        );
        assert_eq!(
            LIMITS.check_addition(&[file(1); 5], file(1)),
            Some(TOO_MANY)
        );
        assert_eq!(LIMITS.check_addition(&[], file(30 * MB)), Some(TOO_LARGE));
        assert_eq!(LIMITS.check_addition(&[file(1); 4], file(1)), None);
    }
}
