//! Exports written as their rows are read: rows come from a stream and leave in chunks of about
//! 64 KB, with at most a few chunks waiting, so a download holds about the same memory whatever
//! the number of rows. CSV is written row by row by the `csv` crate; a workbook by
//! `rust_xlsxwriter` in its constant-memory mode (rows go to a temporary file as they are
//! written) on a blocking thread, its zip streamed out as it is made. A client that leaves stops
//! the reading; a row that fails ends the download broken, never cut short as if it were whole.

use super::{as_text, xlsx, Cell};
use axum::body::{Body, Bytes};
use futures_util::stream::{BoxStream, StreamExt};
use std::io;
use tokio::sync::mpsc;

/// An export's rows, as they are read.
pub type Rows = BoxStream<'static, Result<Vec<Cell>, String>>;

/// A chunk's size, and how many may wait for the client.
const CHUNK: usize = 64 * 1024;
const WAITING: usize = 4;

type Chunks = mpsc::Sender<io::Result<Bytes>>;

fn broken(error: impl ToString) -> io::Error {
    io::Error::other(error.to_string())
}

/// The response body of what `chunks` receives.
fn body(chunks: mpsc::Receiver<io::Result<Bytes>>) -> Body {
    Body::from_stream(futures_util::stream::unfold(chunks, |mut rx| async move { rx.recv().await.map(|c| (c, rx)) }))
}

/// `head` and `rows` as CSV for Excel: a byte-order mark, CRLF lines, formulas kept as text.
pub fn csv(head: Vec<String>, mut rows: Rows) -> Body {
    let (tx, rx) = mpsc::channel(WAITING);
    tokio::spawn(async move {
        let mut chunk = b"\xEF\xBB\xBF".to_vec();
        let mut written = csv_record(&mut chunk, head.iter().map(|h| as_text(h)));
        while let (Ok(()), Some(row)) = (&written, rows.next().await) {
            written = row.and_then(|row| csv_record(&mut chunk, row.iter().map(Cell::csv_text)));
            if written.is_ok()
                && chunk.len() >= CHUNK
                && tx.send(Ok(Bytes::from(std::mem::take(&mut chunk)))).await.is_err()
            {
                return;
            }
        }
        let last = written.map(|()| Bytes::from(chunk)).map_err(broken);
        let _ = tx.send(last).await;
    });
    body(rx)
}

/// Appends one CSV record to `out`.
pub fn csv_record(out: &mut Vec<u8>, record: impl IntoIterator<Item = String>) -> Result<(), String> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    writer.write_record(record).and_then(|()| writer.flush().map_err(csv::Error::from)).map_err(|e| e.to_string())
}

/// `head` and `rows` as a one-sheet workbook named `name` (see [`xlsx::write`]).
pub fn workbook(name: String, head: Vec<String>, mut rows: Rows) -> Body {
    let (tx, rx) = mpsc::channel(WAITING);
    let (rows_tx, rows_rx) = mpsc::channel(256);
    tokio::spawn(async move {
        while let Some(row) = rows.next().await {
            let failed = row.is_err();
            if rows_tx.send(row).await.is_err() || failed {
                return;
            }
        }
    });
    tokio::task::spawn_blocking(move || {
        let mut out = ChunkWriter { tx, chunk: Vec::new() };
        let done = xlsx::write(&name, &head, rows_rx, &mut out).and_then(|()| out.send().map_err(|e| e.to_string()));
        if let Err(error) = done {
            let _ = out.tx.blocking_send(Err(broken(error)));
        }
    });
    body(rx)
}

/// Bytes written, sent on in chunks from a blocking thread.
struct ChunkWriter {
    tx: Chunks,
    chunk: Vec<u8>,
}

impl ChunkWriter {
    fn send(&mut self) -> io::Result<()> {
        let chunk = Bytes::from(std::mem::take(&mut self.chunk));
        self.tx.blocking_send(Ok(chunk)).map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "download left"))
    }
}

impl io::Write for ChunkWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.chunk.extend_from_slice(bytes);
        if self.chunk.len() >= CHUNK {
            self.send()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
