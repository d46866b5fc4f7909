//! The one table `scripts/bench.sh` prints: each benchmark adds its figures as tab-separated
//! lines to the file `BENCH_FIGURES` names (nothing when it names none), one line per figure:
//! what it is of, figure, database, measured, `/healthz` in the same run, what is asked, whether
//! it is met.

use std::io::Write;

/// Adds one figure to the table, if one is being gathered.
pub fn add(item: &str, figure: &str, database: &str, measured: &str, healthz: &str, asked: &str, met: Option<bool>) {
    let Some(path) = std::env::var_os("BENCH_FIGURES") else { return };
    let met = met.map_or("", |m| if m { "yes" } else { "NO" });
    let line = [item, figure, database, measured, healthz, asked, met].map(|f| f.replace(['\t', '\n'], " ")).join("\t");
    let written =
        std::fs::OpenOptions::new().create(true).append(true).open(&path).and_then(|mut file| writeln!(file, "{line}"));
    if let Err(error) = written {
        eprintln!("could not add a figure to {}: {error}", path.to_string_lossy());
    }
}

/// `n` with a thin space between thousands, as the tables in docs/PERFORMANCE.md write them.
pub fn thousands(n: f64) -> String {
    let digits = format!("{:.0}", n.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if n < -0.5 {
        out.insert(0, '−');
    }
    out
}
