//! Decode bytes to text: BOMs (UTF-8, UTF-16LE/BE), valid UTF-8, else the
//! legacy encoding chardetng guesses, decoded by encoding_rs. The name of the
//! encoding used is returned so it can be recorded; nothing is dropped silently.

/// Decode `bytes`; returns the text and the encoding's name, or an error for
/// binary data.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(format!("invalid {} after its byte-order mark", enc.name()));
        }
        return Ok((text.into_owned(), enc.name()));
    }
    if looks_binary(bytes) {
        return Err("binary data, not text".into());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8"));
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, true);
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors {
        return Err(format!(
            "not valid in any supported encoding (best guess {})",
            enc.name()
        ));
    }
    Ok((text.into_owned(), enc.name()))
}

/// NUL bytes or many control characters in the first 8 KiB mean binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let ctrl = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    ctrl * 10 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_common_encodings() {
        assert_eq!(
            decode("héllo".as_bytes()).unwrap(),
            ("héllo".to_string(), "UTF-8")
        );
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), ("hi".to_string(), "UTF-8"));
        assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap(), ("hi".to_string(), "UTF-16LE"));
        let (t, enc) = decode(b"caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu").unwrap();
        assert_eq!(t, "café crème brûlée, déjà vu");
        assert_eq!(enc, "windows-1252");
        assert!(decode(b"\x7fELF\x02\x01\x01\0\0\0").is_err());
    }
}
