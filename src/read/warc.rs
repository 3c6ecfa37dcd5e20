//! WARC archives (1.0 and 1.1): `response` records whose HTTP payload is HTML
//! go through the HTML reader; the record's target URI becomes `url`, its
//! WARC-Date the fallback `published`, its WARC-Record-ID the `source_id`.
//! Other record types and non-HTML payloads are skipped; a truncated record is
//! a reject and ends the file (nothing after it can be framed).

use super::{InputFile, ReadOutput};
use crate::article::PublishedFrom;
use std::io::Read;

/// Header lines as (name, value), in order.
type Headers = Vec<(String, String)>;

/// One parsed WARC record: its headers and block.
struct Record<'a> {
    headers: Headers,
    block: &'a [u8],
}

impl Record<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Position just after the first "\r\n\r\n" (or "\n\n") at or after `from`.
fn end_of_headers(data: &[u8], from: usize) -> Option<(usize, usize)> {
    let rest = &data[from..];
    let crlf = memchr::memmem::find(rest, b"\r\n\r\n").map(|i| (from + i, from + i + 4));
    let lf = memchr::memmem::find(rest, b"\n\n").map(|i| (from + i, from + i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn parse_headers(raw: &[u8]) -> Headers {
    String::from_utf8_lossy(raw)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// Split the archive into records; Err(offset, reason) at the first bad one.
fn records(data: &[u8]) -> (Vec<Record<'_>>, Option<(usize, String)>) {
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        while pos < data.len() && matches!(data[pos], b'\r' | b'\n') {
            pos += 1;
        }
        if pos >= data.len() {
            return (out, None);
        }
        if !data[pos..].starts_with(b"WARC/") {
            return (
                out,
                Some((pos, "not a WARC record (no WARC/ version line)".into())),
            );
        }
        let Some((hdr_end, body_start)) = end_of_headers(data, pos) else {
            return (out, Some((pos, "truncated record headers".into())));
        };
        let headers = parse_headers(&data[pos..hdr_end]);
        let len = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
            .and_then(|(_, v)| v.parse::<usize>().ok());
        let Some(len) = len else {
            return (out, Some((pos, "record without a valid Content-Length".into())));
        };
        let Some(end) = body_start.checked_add(len).filter(|&e| e <= data.len()) else {
            return (
                out,
                Some((
                    pos,
                    format!("truncated record: Content-Length {len} runs past the end"),
                )),
            );
        };
        out.push(Record {
            headers,
            block: &data[body_start..end],
        });
        pos = end;
    }
}

/// The HTTP response in a record block: (headers, body), de-chunked and decompressed.
fn http_payload(block: &[u8]) -> Option<(Headers, Vec<u8>)> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (hdr_end, body_start) = end_of_headers(block, 0)?;
    let headers = parse_headers(&block[..hdr_end]);
    let get = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.to_ascii_lowercase())
    };
    let mut body = block[body_start..].to_vec();
    if get("Transfer-Encoding").is_some_and(|v| v.contains("chunked")) {
        body = dechunk(&body)?;
    }
    match get("Content-Encoding").as_deref() {
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(256 << 20)
                .read_to_end(&mut out)
                .ok()?;
            body = out;
        }
        Some("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .take(256 << 20)
                .read_to_end(&mut out)
                .ok()?;
            body = out;
        }
        _ => {}
    }
    Some((headers, body))
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = memchr::memchr(b'\n', data)?;
        let size_line = std::str::from_utf8(&data[..nl]).ok()?.trim();
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        data = &data[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        while data.first().is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            data = &data[1..];
        }
    }
}

/// Transcode to UTF-8 when the HTTP header names a charset, so the HTML
/// reader sees what the server declared.
fn to_utf8(body: Vec<u8>, content_type: &str) -> Vec<u8> {
    let charset = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches('"'));
    match charset.and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes())) {
        Some(enc) if enc != encoding_rs::UTF_8 => {
            let (text, _, _) = enc.decode(&body);
            text.into_owned().into_bytes()
        }
        _ => body,
    }
}

pub fn read(file: &InputFile, bytes: &[u8]) -> ReadOutput {
    let mut out = ReadOutput::default();
    let (recs, error) = records(bytes);
    for rec in recs {
        if !rec
            .header("WARC-Type")
            .is_some_and(|t| t.eq_ignore_ascii_case("response"))
        {
            continue;
        }
        let Some((http, body)) = http_payload(rec.block) else {
            continue;
        };
        let ctype = http
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("Content-Type"))
            .map(|(_, v)| v.to_ascii_lowercase())
            .unwrap_or_default();
        let sniffed_html = ctype.is_empty() && {
            let head = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
            head.contains("<html") || head.contains("<!doctype html")
        };
        if !(ctype.contains("html") || sniffed_html) {
            continue;
        }
        let record_id = rec
            .header("WARC-Record-ID")
            .map(|s| s.trim_matches(['<', '>']).to_string());
        let html = super::html::read(file, &to_utf8(body, &ctype));
        for r in html.rejects {
            out.rejects.push(file.reject(record_id.clone(), r.reason));
        }
        for mut a in html.articles {
            if let Some(uri) = rec.header("WARC-Target-URI") {
                a.url
                    .get_or_insert_with(|| uri.trim_matches(['<', '>']).to_string());
            }
            if a.published.is_none() {
                if let Some(d) = rec.header("WARC-Date").and_then(super::fields::parse_datetime) {
                    a.published = Some(d);
                    a.published_from = PublishedFrom::Metadata;
                }
            }
            if let Some(id) = &record_id {
                a.source_id = id.clone();
            }
            out.articles.push(a);
        }
    }
    if let Some((offset, reason)) = error {
        out.rejects
            .push(file.reject(Some(format!("offset {offset}")), reason));
    } else if out.articles.is_empty() && out.rejects.is_empty() {
        out.rejects.push(file.reject(None, "no HTML response records"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, id: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-12-24T09:30:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn frames_records_and_payloads() {
        let http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nCaf\xe9 \r\n3\r\nok!\r\n0\r\n\r\n";
        let mut data = record("request", "1", "http://x.example/", b"GET / HTTP/1.1\r\n\r\n");
        data.extend(record("response", "2", "http://x.example/a", http));
        let (recs, err) = records(&data);
        assert!(err.is_none());
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].header("warc-record-id"), Some("<urn:uuid:2>"));
        let (h, body) = http_payload(recs[1].block).unwrap();
        assert_eq!(body, b"Caf\xe9 ok!");
        assert_eq!(to_utf8(body, &h[0].1.to_ascii_lowercase()), "Café ok!".as_bytes());
    }

    #[test]
    fn truncated_archive_is_reported_after_the_good_records() {
        let mut data = record(
            "response",
            "1",
            "http://x.example/a",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html></html>",
        );
        let second = record(
            "response",
            "2",
            "http://x.example/b",
            b"HTTP/1.1 200 OK\r\n\r\n<html>",
        );
        data.extend_from_slice(&second[..second.len() - 12]);
        let (recs, err) = records(&data);
        assert_eq!(recs.len(), 1);
        assert!(err.unwrap().1.contains("truncated"));
    }
}
