//! Reliability harnesses (issue 18; results in RELIABILITY.md). Not tests: they run the
//! release binary for minutes, kill it with SIGKILL and check what survived. Run them with
//! `scripts/reliability` (all of them, on SQLite and PostgreSQL) or one by one:
//!
//! ```sh
//! cargo build --release --bin wise-monitor --example reliability
//! target/release/examples/reliability durability --database sqlite --kills 30
//! target/release/examples/reliability mail --database postgres --kills 5
//! target/release/examples/reliability instances
//! ```

mod durability;
mod instances;
mod mail;
mod support;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
struct Cli {
    /// The PostgreSQL server the harnesses create their databases on (and drop them).
    #[arg(long, env = "WISE_TEST_POSTGRES_URL", default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
    postgres_url: String,
    /// Seed of the random pauses between kills, so a run can be repeated.
    #[arg(long, default_value_t = 18)]
    seed: u64,
    #[command(subcommand)]
    command: Harness,
}

#[derive(Subcommand)]
enum Harness {
    /// Three concurrent writers against `serve`, killed with SIGKILL `--kills` times.
    Durability {
        /// sqlite or postgres.
        #[arg(long, default_value = "sqlite")]
        database: String,
        #[arg(long, default_value_t = 30)]
        kills: u32,
    },
    /// `mail deliver` killed mid-batch `--kills` times until the outbox is empty.
    Mail {
        /// sqlite or postgres.
        #[arg(long, default_value = "sqlite")]
        database: String,
        #[arg(long, default_value_t = 5)]
        kills: u32,
        #[arg(long, default_value_t = 1000)]
        mails: u32,
    },
    /// Two `serve` processes and two racing `digests run` on one PostgreSQL database.
    Instances,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Harness::Durability { database, kills } => {
            durability::run(&durability::Options { database, postgres_url: cli.postgres_url, kills, seed: cli.seed })
        }
        Harness::Mail { database, kills, mails } => {
            mail::run(&mail::Options { database, postgres_url: cli.postgres_url, kills, mails, seed: cli.seed })
        }
        Harness::Instances => instances::run(&cli.postgres_url),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
