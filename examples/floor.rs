//! The write floor of the national benchmark: how long this disk takes to create a built
//! site's folders and files, with the same sizes, from memory, on every core.
//!
//! ```sh
//! cargo run --release --example floor -- target/bench/national-5000000/public /tmp/floor --threads 2
//! ```
//!
//! It first lists every folder and every file (relative path, size) under the source folder
//! (not timed), then, timed: creates the same folders in the fresh target folder, writes every
//! file with its size from one buffer in memory on `--threads` threads (default: the machine's
//! cores), and makes them durable with one `syncfs`, as `salur build` does before it publishes
//! (`output::disk::sinkron_staging`). A build cannot write its output faster than this; the
//! benchmark reports the full build as a multiple of it. Prints one line:
//!
//! ```text
//! floor_seconds=<write + sync> write_seconds=<s> sync_seconds=<s> files=<n> dirs=<n> bytes=<n> threads=<n>
//! ```
//!
//! See `bench/run.sh` and `bench/README.md`.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Files a thread takes from the shared list at a time: neighbours in path order, so mostly
/// one folder's, as a build writes them, and few enough that the threads end together.
const BATCH: usize = 32;

/// What can go wrong.
#[derive(Debug, thiserror::Error)]
enum FloorError {
    /// The command line is wrong.
    #[error(
        "usage: floor SOURCE TARGET [--threads N]\n{0}\n\
         SOURCE: a built site folder; TARGET: a folder that does not exist yet or is empty"
    )]
    Usage(String),
    /// The target folder has something in it already: the floor is measured into a fresh one.
    #[error("{0}: not empty (the floor is written into a fresh folder)")]
    NotEmpty(PathBuf),
    /// Reading the source folder failed.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// Where.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Creating or writing in the target folder failed.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// Where.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// The command line.
struct Options {
    /// The built site folder whose files are copied by size.
    source: PathBuf,
    /// The fresh folder the files are written into.
    target: PathBuf,
    /// Writing threads.
    threads: usize,
}

/// Every folder (parents before children) and file (with its size) under a folder, relative to
/// it, in path order.
#[derive(Default)]
struct Tree {
    /// Folders, each after its parent.
    dirs: Vec<PathBuf>,
    /// Files and their sizes in bytes.
    files: Vec<(PathBuf, u64)>,
}

/// The measured times, in seconds.
struct Times {
    /// Creating the folders and writing the files.
    write: f64,
    /// The `syncfs` after them.
    sync: f64,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e @ FloorError::Usage(_)) => {
            eprintln!("floor: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("floor: {e}");
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<(), FloorError> {
    let options = parse(std::env::args().skip(1))?;
    let tree = list(&options.source)?;
    prepare(&options.target)?;
    let largest = tree.files.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let largest = usize::try_from(largest).map_err(|_| FloorError::Read {
        path: options.source.clone(),
        source: io::Error::other("a file larger than this machine's address space"),
    })?;
    // Not zeros, in case the file system treats those apart.
    let buffer: Vec<u8> = (0..largest).map(|i| b'a' + (i % 26) as u8).collect();
    let times = write(&tree, &options.target, &buffer, options.threads)?;
    let bytes: u64 = tree.files.iter().map(|(_, n)| n).sum();
    println!(
        "floor_seconds={:.3} write_seconds={:.3} sync_seconds={:.3} files={} dirs={} bytes={} threads={}",
        times.write + times.sync,
        times.write,
        times.sync,
        tree.files.len(),
        tree.dirs.len(),
        bytes,
        options.threads
    );
    Ok(())
}

/// Reads the command line.
fn parse(args: impl Iterator<Item = String>) -> Result<Options, FloorError> {
    let mut paths = Vec::new();
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut args = args;
    while let Some(arg) = args.next() {
        if arg == "--threads" {
            threads = args
                .next()
                .and_then(|v| v.parse().ok())
                .filter(|n| *n > 0)
                .ok_or_else(|| FloorError::Usage("--threads needs a positive number".into()))?;
        } else if arg.starts_with("--") {
            return Err(FloorError::Usage(format!("unknown option {arg}")));
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    match <[PathBuf; 2]>::try_from(paths) {
        Ok([source, target]) => Ok(Options {
            source,
            target,
            threads,
        }),
        Err(p) => Err(FloorError::Usage(format!(
            "two folders expected, {} given",
            p.len()
        ))),
    }
}

/// Lists every folder and file under `root` (symbolic links are not followed nor listed: a
/// build writes none).
fn list(root: &Path) -> Result<Tree, FloorError> {
    let read = |path: &Path, source| FloorError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut tree = Tree::default();
    let mut pending = vec![PathBuf::new()];
    while let Some(rel) = pending.pop() {
        let dir = if rel.as_os_str().is_empty() {
            root.to_path_buf()
        } else {
            root.join(&rel)
        };
        let mut entries = fs::read_dir(&dir)
            .and_then(|it| it.collect::<Result<Vec<_>, _>>())
            .map_err(|e| read(&dir, e))?;
        entries.sort_by_key(|e| e.file_name());
        // children pushed in reverse so they are taken in path order
        for entry in entries.iter().rev() {
            let kind = entry.file_type().map_err(|e| read(&entry.path(), e))?;
            let child = rel.join(entry.file_name());
            if kind.is_dir() {
                pending.push(child);
            } else if kind.is_file() {
                let size = entry.metadata().map_err(|e| read(&entry.path(), e))?.len();
                tree.files.push((child, size));
            }
        }
        if !rel.as_os_str().is_empty() {
            tree.dirs.push(rel);
        }
    }
    tree.files.sort();
    Ok(tree)
}

/// Creates the target folder, or checks that it is empty.
fn prepare(target: &Path) -> Result<(), FloorError> {
    fs::create_dir_all(target).map_err(|source| FloorError::Write {
        path: target.to_path_buf(),
        source,
    })?;
    let mut entries = fs::read_dir(target).map_err(|source| FloorError::Read {
        path: target.to_path_buf(),
        source,
    })?;
    match entries.next() {
        None => Ok(()),
        Some(_) => Err(FloorError::NotEmpty(target.to_path_buf())),
    }
}

/// The timed part: the folders, then the files on `threads` threads, then one `syncfs`.
fn write(tree: &Tree, target: &Path, buffer: &[u8], threads: usize) -> Result<Times, FloorError> {
    let failed = |path: PathBuf, source| FloorError::Write { path, source };
    let start = Instant::now();
    for dir in &tree.dirs {
        let path = target.join(dir);
        fs::create_dir(&path).map_err(|e| failed(path, e))?;
    }
    let next = AtomicUsize::new(0);
    let results: Vec<Result<(), FloorError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    loop {
                        let from = next.fetch_add(BATCH, Ordering::Relaxed);
                        let Some(batch) =
                            tree.files.get(from..(from + BATCH).min(tree.files.len()))
                        else {
                            return Ok(());
                        };
                        if batch.is_empty() {
                            return Ok(());
                        }
                        for (rel, size) in batch {
                            let path = target.join(rel);
                            // sizes fit: the buffer is as long as the largest file
                            let bytes = buffer.get(..*size as usize).unwrap_or(buffer);
                            fs::File::create(&path)
                                .and_then(|mut f| f.write_all(bytes))
                                .map_err(|e| failed(path, e))?;
                        }
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|_| {
                    Err(failed(
                        target.to_path_buf(),
                        io::Error::other("a writing thread panicked"),
                    ))
                })
            })
            .collect()
    });
    results.into_iter().collect::<Result<(), _>>()?;
    let written = Instant::now();
    sync(target).map_err(|e| failed(target.to_path_buf(), e))?;
    Ok(Times {
        write: (written - start).as_secs_f64(),
        sync: written.elapsed().as_secs_f64(),
    })
}

/// Makes everything written durable, as a build does before it publishes: one `syncfs` of the
/// target's file system on Linux, `fsync` of the target folder elsewhere.
fn sync(target: &Path) -> io::Result<()> {
    let dir = fs::File::open(target)?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: syncfs(2) on a file descriptor that is open for the whole call.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    dir.sync_all()
}
