//! Rows → Arrow record batches, one builder set per table. Byte spans become
//! code-point offsets here, and every `text` column is sliced from the article
//! text by its span, so `substring(a.text, start + 1, end - start) = text` holds
//! by construction.

use super::schema::{actor_fields, block_fields, span_fields, Table, SCHEMA_VERSION};
use super::Processed;
use crate::article::{Reject, Span};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, Int64Builder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::{ArrayRef, Int64Array, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, Field};
use chrono::NaiveDate;
use std::sync::Arc;

/// Byte offset → code point offset for one text.
pub struct CharIndex {
    /// None for ASCII text (identity).
    map: Option<Vec<u32>>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex { map: None };
        }
        let mut map = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (b, c) in text.char_indices() {
            for slot in &mut map[b..b + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        map[text.len()] = n;
        CharIndex { map: Some(map) }
    }

    pub fn at(&self, byte: usize) -> i64 {
        match &self.map {
            None => byte as i64,
            Some(m) => m[byte] as i64,
        }
    }
}

fn days(d: Option<NaiveDate>) -> Option<i32> {
    const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    d.map(|d| (d - EPOCH).num_days() as i32)
}

/// A `LIST<item>` column from per-row item counts and the flattened values.
fn list_array(item: DataType, lengths: &[usize], values: ArrayRef) -> ArrayRef {
    let field = Arc::new(Field::new("item", item, true));
    Arc::new(ListArray::new(
        field,
        OffsetBuffer::from_lengths(lengths.iter().copied()),
        values,
        None,
    ))
}

fn string_list(lists: &[Vec<&str>]) -> ArrayRef {
    let values: StringArray = lists.iter().flatten().map(|s| Some(*s)).collect();
    let lengths: Vec<usize> = lists.iter().map(|l| l.len()).collect();
    list_array(DataType::Utf8, &lengths, Arc::new(values))
}

/// Common leading columns of the span tables: article_id, start, end, text.
#[derive(Default)]
struct SpanCols {
    article_id: StringBuilder,
    start: Int64Builder,
    end: Int64Builder,
    text: StringBuilder,
}

impl SpanCols {
    fn push(&mut self, id: &str, text: &str, idx: &CharIndex, span: Span) {
        self.article_id.append_value(id);
        self.start.append_value(idx.at(span.start));
        self.end.append_value(idx.at(span.end));
        self.text.append_value(span.slice(text));
    }
    fn finish(mut self) -> Vec<ArrayRef> {
        vec![
            Arc::new(self.article_id.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.text.finish()),
        ]
    }
}

fn batch(table: Table, columns: Vec<ArrayRef>) -> RecordBatch {
    RecordBatch::try_new(table.schema(), columns).expect("columns match the declared schema")
}

/// Build one batch per table from a chunk of processed articles.
pub fn build_batches(items: &[Processed], run_id: &str) -> Vec<(Table, RecordBatch)> {
    vec![
        (Table::Articles, articles(items, run_id)),
        (Table::Entities, entities(items)),
        (Table::Quotes, quotes(items)),
        (Table::Figures, figures(items)),
        (Table::Dates, dates(items)),
        (Table::Events, events(items)),
    ]
}

fn articles(items: &[Processed], run_id: &str) -> RecordBatch {
    let mut c_id = StringBuilder::new();
    let mut c_path = StringBuilder::new();
    let mut c_sid = StringBuilder::new();
    let mut c_format = StringBuilder::new();
    let mut c_url = StringBuilder::new();
    let mut c_title = StringBuilder::new();
    let mut c_pub = TimestampMicrosecondBuilder::new();
    let mut c_pubfrom = StringBuilder::new();
    let mut c_dateline = StringBuilder::new();
    let mut c_outlet = StringBuilder::new();
    let mut c_lang = StringBuilder::new();
    let mut c_enc = StringBuilder::new();
    let mut c_text = StringBuilder::new();
    let mut c_nchars = Int64Builder::new();
    let mut c_nwords = Int64Builder::new();
    let mut c_hash = StringBuilder::new();
    let mut c_run = StringBuilder::new();
    let mut c_ver = Int32Builder::new();
    let mut places = Vec::with_capacity(items.len());
    let mut authors = Vec::with_capacity(items.len());
    let (mut b_kind, mut b_start, mut b_end, mut b_len) = (StringBuilder::new(), vec![], vec![], vec![]);
    for p in items {
        let a = &p.article;
        let idx = CharIndex::new(&a.text);
        c_id.append_value(&a.article_id);
        c_path.append_value(&a.source_path);
        c_sid.append_value(&a.source_id);
        c_format.append_value(a.format.map(|f| f.as_str()).unwrap_or("txt"));
        c_url.append_option(a.url.as_deref());
        c_title.append_option(a.title.as_deref());
        c_pub.append_option(a.published.map(|t| t.and_utc().timestamp_micros()));
        c_pubfrom.append_value(a.published_from.as_str());
        c_dateline.append_option(a.dateline.as_deref());
        c_outlet.append_option(a.outlet.as_deref());
        c_lang.append_option(a.language.as_deref());
        c_enc.append_value(&a.encoding);
        c_text.append_value(&a.text);
        c_nchars.append_value(idx.at(a.text.len()));
        c_nwords.append_value(a.n_words() as i64);
        c_hash.append_value(crate::article::content_hash(&a.text));
        c_run.append_value(run_id);
        c_ver.append_value(SCHEMA_VERSION);
        places.push(a.dateline_places.iter().map(String::as_str).collect::<Vec<_>>());
        authors.push(a.authors.iter().map(String::as_str).collect::<Vec<_>>());
        b_len.push(a.blocks.len());
        for b in &a.blocks {
            b_kind.append_value(b.kind.as_str());
            b_start.push(idx.at(b.span.start));
            b_end.push(idx.at(b.span.end));
        }
    }
    let blocks = StructArray::new(
        block_fields(),
        vec![
            Arc::new(b_kind.finish()),
            Arc::new(Int64Array::from(b_start)),
            Arc::new(Int64Array::from(b_end)),
        ],
        None,
    );
    batch(
        Table::Articles,
        vec![
            Arc::new(c_id.finish()),
            Arc::new(c_path.finish()),
            Arc::new(c_sid.finish()),
            Arc::new(c_format.finish()),
            Arc::new(c_url.finish()),
            Arc::new(c_title.finish()),
            Arc::new(c_pub.finish()),
            Arc::new(c_pubfrom.finish()),
            Arc::new(c_dateline.finish()),
            string_list(&places),
            Arc::new(c_outlet.finish()),
            string_list(&authors),
            Arc::new(c_lang.finish()),
            Arc::new(c_enc.finish()),
            Arc::new(c_text.finish()),
            Arc::new(c_nchars.finish()),
            Arc::new(c_nwords.finish()),
            Arc::new(c_hash.finish()),
            list_array(DataType::Struct(block_fields()), &b_len, Arc::new(blocks)),
            Arc::new(c_run.finish()),
            Arc::new(c_ver.finish()),
        ],
    )
}

fn entities(items: &[Processed]) -> RecordBatch {
    let mut key = SpanCols::default();
    let (mut typ, mut sub, mut canon, mut ekey, mut role) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    for p in items {
        let (a, idx) = (&p.article, CharIndex::new(&p.article.text));
        for e in &p.x.entities {
            key.push(&a.article_id, &a.text, &idx, e.span);
            typ.append_value(e.kind.as_str());
            sub.append_option(e.subtype.as_deref());
            canon.append_value(&e.canonical);
            ekey.append_value(&e.entity_key);
            role.append_option(e.role.as_deref());
        }
    }
    let mut cols = key.finish();
    cols.extend([typ, sub, canon, ekey, role].map(|mut b| Arc::new(b.finish()) as ArrayRef));
    batch(Table::Entities, cols)
}

fn quotes(items: &[Processed]) -> RecordBatch {
    let mut key = SpanCols::default();
    let (mut content, mut kind, mut speaker, mut mention, mut role, mut cue) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let (mut s_start, mut s_end, mut c_start, mut c_end) = (
        Int64Builder::new(),
        Int64Builder::new(),
        Int64Builder::new(),
        Int64Builder::new(),
    );
    let (mut f_start, mut f_end, mut f_len) = (vec![], vec![], vec![]);
    for p in items {
        let (a, idx) = (&p.article, CharIndex::new(&p.article.text));
        for q in &p.x.quotes {
            key.push(&a.article_id, &a.text, &idx, q.span);
            let pieces: Vec<&str> = q.fragments.iter().map(|f| f.slice(&a.text)).collect();
            content.append_value(if pieces.is_empty() {
                q.span.slice(&a.text).to_string()
            } else {
                pieces.join(" ")
            });
            f_len.push(q.fragments.len());
            for f in &q.fragments {
                f_start.push(idx.at(f.start));
                f_end.push(idx.at(f.end));
            }
            kind.append_value(q.kind.as_str());
            speaker.append_option(q.speaker.as_deref());
            mention.append_option(q.speaker_span.map(|s| s.slice(&a.text)));
            s_start.append_option(q.speaker_span.map(|s| idx.at(s.start)));
            s_end.append_option(q.speaker_span.map(|s| idx.at(s.end)));
            role.append_option(q.speaker_role.as_deref());
            cue.append_option(q.cue_span.map(|s| s.slice(&a.text)));
            c_start.append_option(q.cue_span.map(|s| idx.at(s.start)));
            c_end.append_option(q.cue_span.map(|s| idx.at(s.end)));
        }
    }
    let frags = StructArray::new(
        span_fields(),
        vec![
            Arc::new(Int64Array::from(f_start)),
            Arc::new(Int64Array::from(f_end)),
        ],
        None,
    );
    let mut cols = key.finish();
    cols.push(Arc::new(content.finish()));
    cols.push(list_array(
        DataType::Struct(span_fields()),
        &f_len,
        Arc::new(frags),
    ));
    cols.extend([
        Arc::new(kind.finish()) as ArrayRef,
        Arc::new(speaker.finish()),
        Arc::new(mention.finish()),
        Arc::new(s_start.finish()),
        Arc::new(s_end.finish()),
        Arc::new(role.finish()),
        Arc::new(cue.finish()),
        Arc::new(c_start.finish()),
        Arc::new(c_end.finish()),
    ]);
    batch(Table::Quotes, cols)
}

fn figures(items: &[Processed]) -> RecordBatch {
    let mut key = SpanCols::default();
    let (mut value, mut vmax) = (Float64Builder::new(), Float64Builder::new());
    let (mut unit, mut kind, mut approx, mut object) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    for p in items {
        let (a, idx) = (&p.article, CharIndex::new(&p.article.text));
        for f in &p.x.figures {
            key.push(&a.article_id, &a.text, &idx, f.span);
            value.append_value(f.value);
            vmax.append_option(f.value_max);
            unit.append_option(f.unit.as_deref());
            kind.append_value(f.kind);
            approx.append_value(f.approx.as_str());
            object.append_option(f.object.as_deref());
        }
    }
    let mut cols = key.finish();
    cols.extend([
        Arc::new(value.finish()) as ArrayRef,
        Arc::new(vmax.finish()),
        Arc::new(unit.finish()),
        Arc::new(kind.finish()),
        Arc::new(approx.finish()),
        Arc::new(object.finish()),
    ]);
    batch(Table::Figures, cols)
}

fn dates(items: &[Processed]) -> RecordBatch {
    let mut key = SpanCols::default();
    let (mut typ, mut value) = (StringBuilder::new(), StringBuilder::new());
    let (mut ds, mut de, mut anchor) = (Date32Builder::new(), Date32Builder::new(), Date32Builder::new());
    for p in items {
        let (a, idx) = (&p.article, CharIndex::new(&p.article.text));
        for d in &p.x.dates {
            key.push(&a.article_id, &a.text, &idx, d.span);
            typ.append_value(d.kind.as_str());
            value.append_value(&d.value);
            ds.append_option(days(d.date_start));
            de.append_option(days(d.date_end));
            anchor.append_option(days(d.anchor));
        }
    }
    let mut cols = key.finish();
    cols.extend([
        Arc::new(typ.finish()) as ArrayRef,
        Arc::new(value.finish()),
        Arc::new(ds.finish()),
        Arc::new(de.finish()),
        Arc::new(anchor.finish()),
    ]);
    batch(Table::Dates, cols)
}

fn events(items: &[Processed]) -> RecordBatch {
    let mut key = SpanCols::default();
    let (mut trig, mut typ, mut place, mut dval, mut modality) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let (mut t_start, mut t_end) = (Int64Builder::new(), Int64Builder::new());
    let (mut ds, mut de) = (Date32Builder::new(), Date32Builder::new());
    let mut negated = BooleanBuilder::new();
    let (mut a_name, mut a_role, mut a_len) = (StringBuilder::new(), StringBuilder::new(), vec![]);
    for p in items {
        let (a, idx) = (&p.article, CharIndex::new(&p.article.text));
        for e in &p.x.events {
            key.push(&a.article_id, &a.text, &idx, e.span);
            trig.append_value(e.trigger.slice(&a.text));
            t_start.append_value(idx.at(e.trigger.start));
            t_end.append_value(idx.at(e.trigger.end));
            typ.append_value(e.kind);
            a_len.push(e.actors.len());
            for actor in &e.actors {
                a_name.append_value(&actor.name);
                a_role.append_value(actor.role);
            }
            place.append_option(e.place.as_deref());
            dval.append_option(e.date_value.as_deref());
            ds.append_option(days(e.date_start));
            de.append_option(days(e.date_end));
            negated.append_value(e.negated);
            modality.append_value(e.modality.as_str());
        }
    }
    let actors = StructArray::new(
        actor_fields(),
        vec![Arc::new(a_name.finish()), Arc::new(a_role.finish())],
        None,
    );
    let mut cols = key.finish();
    cols.extend([
        Arc::new(trig.finish()) as ArrayRef,
        Arc::new(t_start.finish()),
        Arc::new(t_end.finish()),
        Arc::new(typ.finish()),
        list_array(DataType::Struct(actor_fields()), &a_len, Arc::new(actors)),
        Arc::new(place.finish()),
        Arc::new(dval.finish()),
        Arc::new(ds.finish()),
        Arc::new(de.finish()),
        Arc::new(negated.finish()),
        Arc::new(modality.finish()),
    ]);
    batch(Table::Events, cols)
}

/// The rejects batch.
pub fn rejects(items: &[Reject], run_id: &str) -> RecordBatch {
    let (mut path, mut sid, mut stage, mut reason, mut run) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    for r in items {
        path.append_value(&r.source_path);
        sid.append_option(r.source_id.as_deref());
        stage.append_value(r.stage);
        reason.append_value(&r.reason);
        run.append_value(run_id);
    }
    batch(
        Table::Rejects,
        [path, sid, stage, reason, run]
            .map(|mut b| Arc::new(b.finish()) as ArrayRef)
            .to_vec(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points() {
        let t = "a“b”é한c";
        let idx = CharIndex::new(t);
        let c = t.find('c').unwrap();
        assert_eq!(idx.at(c), 6);
        assert_eq!(idx.at(t.len()), 7);
        assert_eq!(CharIndex::new("abc").at(2), 2);
    }
}
