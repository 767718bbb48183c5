//! `run`'s child output on its way to this process's own: read on one thread,
//! masked ([`Masker`]) and written on another, so a slow terminal never
//! stops the reading and a pause of the child lets held-back bytes through.

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{RecvTimeoutError, SyncSender, sync_channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use zeroize::Zeroizing;

use crate::masking::Masker;

/// How long the child must be quiet before bytes held back (a possible start
/// of the key) are written as they are.
const QUIET: Duration = Duration::from_millis(200);
/// Once the child has exited: how long with nothing to read before `run`
/// stops waiting (a process the child left running may hold its output open).
const DONE_AFTER_EXIT: Duration = Duration::from_millis(500);
/// How much is read at once.
const CHUNK: usize = 128 * 1024;

/// Where a stream goes.
#[derive(Clone, Copy)]
pub enum Sink {
    /// This process's standard output.
    Stdout,
    /// This process's standard error.
    Stderr,
}

/// The streams being copied.
pub struct Streams {
    started: Instant,
    /// Milliseconds after `started` of the last read.
    last_read: Arc<AtomicU64>,
    writers: Vec<JoinHandle<()>>,
}

impl Streams {
    /// No streams yet.
    pub fn new() -> Self {
        Self {
            started: Instant::now(),
            last_read: Arc::new(AtomicU64::new(0)),
            writers: Vec::new(),
        }
    }

    /// Copies `source` to `sink` until it ends, with `secret` masked.
    pub fn copy(&mut self, source: impl Read + Send + 'static, sink: Sink, secret: &Zeroizing<Vec<u8>>) {
        let (chunks, received) = sync_channel::<Zeroizing<Vec<u8>>>(8);
        let (started, last_read) = (self.started, Arc::clone(&self.last_read));
        std::thread::spawn(move || read_into(source, &chunks, started, &last_read));
        let mut masker = Masker::new(secret);
        self.writers.push(std::thread::spawn(move || {
            let mut out = Zeroizing::new(Vec::with_capacity(CHUNK + 64));
            loop {
                out.clear();
                let ended = match received.recv_timeout(QUIET) {
                    Ok(chunk) => {
                        masker.feed(&chunk, &mut out);
                        false
                    }
                    Err(RecvTimeoutError::Timeout) if masker.is_holding() => {
                        masker.flush(&mut out);
                        false
                    }
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => {
                        masker.flush(&mut out);
                        true
                    }
                };
                if write(sink, &out).is_err() || ended {
                    return;
                }
            }
        }));
    }

    /// After the child has exited: waits until every stream has ended, or
    /// until nothing was read for a moment.
    pub fn finish(self) {
        loop {
            if self.writers.iter().all(JoinHandle::is_finished) {
                return;
            }
            let now = self.started.elapsed().as_millis() as u64;
            if now.saturating_sub(self.last_read.load(Ordering::Acquire)) > DONE_AFTER_EXIT.as_millis() as u64 {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

fn read_into(mut source: impl Read, chunks: &SyncSender<Zeroizing<Vec<u8>>>, started: Instant, last_read: &AtomicU64) {
    loop {
        let mut chunk = Zeroizing::new(vec![0; CHUNK]);
        // A terminal's master side answers EIO once the child's side is closed: the end.
        let read = match source.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(read) => read,
        };
        chunk.truncate(read);
        last_read.store(started.elapsed().as_millis() as u64, Ordering::Release);
        if chunks.send(chunk).is_err() {
            return;
        }
    }
}

fn write(sink: Sink, bytes: &[u8]) -> std::io::Result<()> {
    if bytes.is_empty() {
        return Ok(());
    }
    match sink {
        Sink::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()
        }
        Sink::Stderr => std::io::stderr().lock().write_all(bytes),
    }
}
