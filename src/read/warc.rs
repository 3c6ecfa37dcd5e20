//! WARC archives. Minimal placeholder: not implemented yet.

use super::{InputFile, ReadOutput};

pub fn read(file: &InputFile, _bytes: &[u8]) -> ReadOutput {
    ReadOutput {
        articles: vec![],
        rejects: vec![file.reject(None, "warc reader not implemented yet")],
    }
}
