//! `sitelift completions SHELL` and `sitelift man`, run as a packager would: the scripts are loaded by the real
//! shells (bash always; zsh and fish when installed — `.ci/run` installs them — else skipped with a message) and
//! asked to complete, and the manual page is rendered by groff/man.

mod support;

use std::path::Path;
use std::process::Command as StdCommand;

use support::sitelift;

/// Every subcommand a user can type; completions and manual pages must know them all.
const COMMANDS: &[&str] = &[
    "extract",
    "check-mapping",
    "eval",
    "crawl",
    "run",
    "status",
    "diff",
    "report",
    "export",
    "completions",
    "man",
    "mapping",
];

fn script(shell: &str) -> String {
    let out = sitelift().args(["completions", shell]).output().unwrap();
    assert!(out.status.success(), "completions {shell}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8 script")
}

fn have(program: &str) -> bool {
    StdCommand::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Run a shell snippet with the script saved in a temporary file; returns stdout.
fn run_shell(shell: &str, script: &str, snippet: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sitelift.completion");
    std::fs::write(&file, script).unwrap();
    let code = snippet.replace("SCRIPT", file.to_str().unwrap());
    let out = StdCommand::new(shell).args(["-c", &code]).output().unwrap();
    assert!(
        out.status.success(),
        "{shell} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bash_completes_subcommands_and_flags() {
    let script = script("bash");
    // What bash offers after `sitelift ` and after `sitelift run --li`.
    let words = run_shell(
        "bash",
        &script,
        r#"source SCRIPT
COMP_WORDS=(sitelift ""); COMP_CWORD=1; COMP_LINE="sitelift "; COMP_POINT=${#COMP_LINE}
_sitelift sitelift "" sitelift; printf '%s\n' "${COMPREPLY[@]}"; echo ---
COMP_WORDS=(sitelift run --li); COMP_CWORD=2; COMP_LINE="sitelift run --li"; COMP_POINT=${#COMP_LINE}
_sitelift sitelift --li run; printf '%s\n' "${COMPREPLY[@]}"; echo ---
complete -p sitelift"#,
    );
    let parts: Vec<&str> = words.split("---\n").collect();
    let first: Vec<&str> = parts[0].lines().collect();
    for cmd in COMMANDS {
        assert!(first.contains(cmd), "bash does not offer {cmd}: {first:?}");
    }
    let run_flags: Vec<&str> = parts[1].lines().collect();
    assert_eq!(run_flags, ["--limit"], "bash after `sitelift run --li`");
    assert!(parts[2].contains("_sitelift"), "registered: {}", parts[2]);
}

#[test]
fn zsh_completion_loads() {
    if !have("zsh") {
        eprintln!("skipped: zsh is absent (apt-get install zsh; .ci/run installs it)");
        return;
    }
    let script = script("zsh");
    assert!(script.starts_with("#compdef sitelift"), "{script:.80}");
    // Loaded by compinit's machinery, the function is defined and registered for `sitelift`.
    let out = run_shell(
        "zsh",
        &script,
        "autoload -Uz compinit && compinit -u -D && source SCRIPT && whence -w _sitelift && echo ${_comps[sitelift]}",
    );
    assert!(out.contains("_sitelift: function"), "{out}");
    assert!(out.trim_end().ends_with("_sitelift"), "{out}");
}

#[test]
fn fish_completes_subcommands() {
    if !have("fish") {
        eprintln!("skipped: fish is absent (apt-get install fish; .ci/run installs it)");
        return;
    }
    let script = script("fish");
    let out = run_shell(
        "fish",
        &script,
        "source SCRIPT; complete --do-complete 'sitelift '; echo ---; complete --do-complete 'sitelift run --li'",
    );
    let (first, flags) = out.split_once("---\n").unwrap();
    let offered: Vec<&str> = first
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    for cmd in COMMANDS {
        assert!(
            offered.contains(cmd),
            "fish does not offer {cmd}: {offered:?}"
        );
    }
    assert!(flags.starts_with("--limit"), "{flags}");
}

#[test]
fn powershell_script_registers_a_completer_for_every_command() {
    // No PowerShell on Linux CI: check the script registers the native completer and knows every command.
    let script = script("powershell");
    assert!(
        script.contains("Register-ArgumentCompleter -Native -CommandName 'sitelift'"),
        "{script:.300}"
    );
    for cmd in COMMANDS {
        assert!(
            script.contains(&format!("[CompletionResult]::new('{cmd}'")),
            "powershell completion lacks {cmd}"
        );
    }
}

#[test]
fn completions_out_writes_the_same_script_as_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("补全").join("sitelift.ps1");
    std::fs::create_dir(file.parent().unwrap()).unwrap();
    sitelift()
        .args(["completions", "powershell", "--out"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        script("powershell")
    );
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let out = sitelift().args(["completions", "cmd"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid value 'cmd'"), "{err}");
    assert!(err.contains("powershell"), "{err}");
}

/// groff renders the page without a warning; returns the text.
fn render(page: &Path) -> String {
    let out = StdCommand::new("groff")
        // -k: the page is UTF-8 (Chinese in flag help), which man(1) hands to groff the same way; long lines and
        // no overstriking, so the text can be searched.
        .args(["-k", "-man", "-Tutf8", "-ww", "-rLL=300n", "-P-cbou"])
        .arg(page)
        .output()
        .expect("groff (groff-base) is installed");
    assert!(out.status.success());
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(
        warnings.is_empty(),
        "groff warns on {}: {warnings}",
        page.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn man_page_on_stdout_lists_every_command() {
    let out = sitelift().arg("man").output().unwrap();
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("sitelift.1");
    std::fs::write(&page, &out.stdout).unwrap();
    let roff = String::from_utf8(out.stdout).unwrap();
    assert!(roff.starts_with(".ie \\n(.g .ds Aq"), "{roff:.200}");
    assert!(roff.contains(".TH sitelift 1"), "{roff:.400}");
    let text = render(&page);
    assert!(
        text.contains("sitelift - Lift articles out of legacy Chinese"),
        "{text:.600}"
    );
    for cmd in COMMANDS {
        assert!(
            text.contains(&format!("sitelift-{cmd}(1)")),
            "man page lacks {cmd}"
        );
    }
}

#[test]
fn man_dir_writes_one_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let man1 = dir.path().join("share/man/man1");
    sitelift()
        .args(["man", "--dir"])
        .arg(&man1)
        .assert()
        .success()
        .stdout("");
    let mut names: Vec<String> = std::fs::read_dir(&man1)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut want: Vec<String> = COMMANDS.iter().map(|c| format!("sitelift-{c}.1")).collect();
    want.push("sitelift.1".into());
    // Nested commands get their own page too.
    want.push("sitelift-mapping-draft.1".into());
    want.sort();
    assert_eq!(names, want);
    // A subcommand's page documents its own flags, with the words `sitelift run --help` gives them.
    let run = render(&man1.join("sitelift-run.1"));
    let help = sitelift().args(["run", "--help"]).output().unwrap().stdout;
    let help = String::from_utf8(help).unwrap();
    let limit = help
        .lines()
        .find_map(|l| l.trim().strip_prefix("--limit <N>"))
        .expect("run --help documents --limit");
    let words: Vec<&str> = limit.split_whitespace().take(5).collect();
    assert!(words.len() == 5, "{limit}");
    assert!(run.contains("--limit"), "{run}");
    assert!(run.contains(&words.join(" ")), "{:?} not in\n{run}", words);
}
