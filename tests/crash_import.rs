//! SIGKILL a real import at random moments: afterwards the directory is exactly the old edition
//! or exactly the new one, and local state is intact.

use signpost::directory::{self, Files};
use signpost::session::{self, SessionMode};
use signpost::store::{LocalKind, SledStore, Store};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 50;

struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn variant(base: &Files, n: usize) -> Files {
    let mut f = base.clone();
    f.insert(
        "edition.toml".into(),
        format!("label = \"variant {n}\"\ndate = \"2026-11-2{}\"\n", n % 10),
    );
    if n % 2 == 1 {
        let first = f
            .keys()
            .find(|k| k.starts_with("services/"))
            .cloned()
            .unwrap();
        f.remove(&first);
    }
    f
}

#[cfg(unix)]
#[test]
fn killed_imports_leave_old_or_new_edition_and_local_state() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let base = directory::embedded();
    let now = "2026-11-23T09:00:00+00:00";
    session::open(&data, &base, now).unwrap();
    let mut store = SledStore::new(&data);
    store
        .append_local(LocalKind::Tallies, b"{\"before\":true}")
        .unwrap();
    let local_before = store.read_local(LocalKind::Tallies).unwrap();

    let editions: Vec<Files> = (0..2).map(|n| variant(&base, n)).collect();
    for (i, e) in editions.iter().enumerate() {
        directory::write_folder(e, &tmp.path().join(format!("ed{i}"))).unwrap();
    }
    // Calibrate: how long an import takes when nobody kills it, so kills land all through it.
    let t0 = Instant::now();
    let ok = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .arg("--data-dir")
        .arg(&data)
        .args(["import", tmp.path().join("ed0").to_str().unwrap(), "--yes"])
        .output()
        .unwrap();
    assert!(ok.status.success());
    let full = t0.elapsed().as_micros() as u64;
    let mut current = editions[0].clone();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15 ^ std::process::id() as u64);
    let started = Instant::now();
    let (mut old_kept, mut new_landed, mut read_only) = (0, 0, 0);
    for run in 0..RUNS {
        let target = (run + 1) % 2;
        let mut child = Command::new(env!("CARGO_BIN_EXE_signpost"))
            .arg("--data-dir")
            .arg(&data)
            .args([
                "import",
                tmp.path().join(format!("ed{target}")).to_str().unwrap(),
                "--yes",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % (full + full / 5)));
        let _ = child.kill();
        let _ = child.wait();

        let s = session::open(&data, &base, now).unwrap();
        if let SessionMode::ReadOnly { reason } = &s.mode {
            read_only += 1;
            eprintln!("run {run}: store unusable after kill, served from snapshot: {reason}");
        }
        let files = match &s.mode {
            SessionMode::ReadWrite => SledStore::new(&data).current().unwrap().unwrap().files,
            SessionMode::ReadOnly { .. } => signpost::store::snapshot::read(&data).unwrap().files,
        };
        if files == current {
            old_kept += 1;
        } else {
            assert_eq!(
                files, editions[target],
                "run {run}: neither the old nor the new edition"
            );
            new_landed += 1;
            current = files;
        }
        assert_eq!(
            SledStore::new(&data)
                .read_local(LocalKind::Tallies)
                .unwrap(),
            local_before,
            "run {run}"
        );
    }
    eprintln!(
        "{RUNS} killed imports in {:?} (an import takes {full} us): old kept {old_kept}, new landed {new_landed}, read-only fallbacks {read_only}",
        started.elapsed()
    );
    assert_eq!(old_kept + new_landed, RUNS);
}
