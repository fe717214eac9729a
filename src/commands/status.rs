//! `sitelift status`: read a job (without taking its lock, so it works while a crawl runs) and print its
//! accounting as text or JSON.

use std::process::ExitCode;

use anyhow::Result;
use sitelift::job::Job;
use sitelift::job::status::status;

use crate::cli::StatusArgs;

pub fn run(args: StatusArgs) -> Result<ExitCode> {
    let job = Job::open_read(&args.job)?;
    let s = status(&job)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&s)?);
    } else {
        out!("{}", s.render());
    }
    Ok(ExitCode::SUCCESS)
}
