//! Printable documents (`--format html`) checked as they are used: printed to A4 PDF by real
//! headless Chromium, with no console error, the expected number of pages, and the Vietnamese
//! wording intact in the PDF's text (read back by `pdftotext`).
//!
//! Chromium and poppler-utils come from the distribution's packages. `.ci/run` installs them and
//! sets `OCOP_REQUIRE_CHROMIUM=1`, so in CI a missing browser fails these tests; elsewhere they
//! are skipped with the reason printed.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use support::{example, ocop, root, stderr};

/// The browser to print with, or `None` (with the reason printed) when it may be skipped.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| which(name));
    let tools = found.is_some() && which("pdftotext").is_some() && which("pdfinfo").is_some();
    if tools {
        return found;
    }
    if std::env::var_os("OCOP_REQUIRE_CHROMIUM").is_some_and(|value| value == "1") {
        panic!("OCOP_REQUIRE_CHROMIUM=1 but chromium, pdftotext or pdfinfo is not installed");
    }
    eprintln!("skipped: chromium and poppler-utils (pdftotext, pdfinfo) are not installed");
    None
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
    })
}

/// A document printed: its PDF's page count, page size and text, and what the browser logged.
struct Printed {
    pages: usize,
    size: String,
    text: String,
    console: Vec<String>,
}

fn print(browser: &Path, html: &Path) -> Printed {
    let dir = html.parent().unwrap();
    let pdf = html.with_extension("pdf");
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        pdf.is_file(),
        "no PDF: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let console = String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|line| line.contains("CONSOLE"))
        .map(str::to_owned)
        .collect();
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    let field = |name: &str| {
        info.lines()
            .find_map(|line| line.strip_prefix(name))
            .map(|value| value.trim().to_owned())
            .unwrap_or_default()
    };
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    Printed {
        pages: field("Pages:").parse().unwrap(),
        size: field("Page size:"),
        text: String::from_utf8(text.stdout).unwrap(),
        console,
    }
}

/// Runs `ocop` to write an HTML document into `dir`, and checks it stands alone.
fn document(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(format!("{name}.html"));
    let mut all: Vec<&str> = args.to_vec();
    let out = path.to_str().unwrap().to_owned();
    all.extend(["--format", "html", "-o", &out]);
    let output = ocop(&all);
    assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{name}");
    for outside in ["<script", "<link", " src=", " href=", "@import", "url("] {
        assert!(
            !html.contains(outside),
            "{name} refers outside itself: {outside}"
        );
    }
    path
}

fn session_with(name: &str, change: impl Fn(&mut Value)) -> Value {
    let text =
        std::fs::read_to_string(root().join("fixtures/examples/council-toi-den-ly-son.json"))
            .unwrap();
    let mut session: Value = serde_json::from_str(&text).unwrap();
    session["product"]["name"] = name.into();
    session["evaluated_on"] = "2026-06-15".into();
    change(&mut session);
    session
}

fn write(path: &Path, value: &Value) -> String {
    std::fs::write(path, value.to_string()).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn every_document_prints_to_a4_in_chromium_with_its_vietnamese_intact() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let session = write(
        &dir.join("session.json"),
        &session_with("Tỏi đen Lý Sơn", |_| {}),
    );
    let round = dir.join("round");
    std::fs::create_dir(&round).unwrap();
    write(
        &round.join("a.json"),
        &session_with("Tỏi đen Lý Sơn", |_| {}),
    );
    write(
        &round.join("b.json"),
        &session_with("Nước mắm Sa Huỳnh", |s| {
            s["members"][0]["answers"]["5.1"] = 5.into()
        }),
    );
    write(
        &round.join("c.json"),
        &session_with("Hành tím Lý Sơn", |s| {
            s["members"][2]["answers"]["1.1"] = 1.into()
        }),
    );
    let round = round.to_str().unwrap().to_owned();
    let example = example();

    // (document, arguments, pages, wording the PDF must hold)
    let documents: [(&str, Vec<&str>, usize, Vec<&str>); 5] = [
        (
            "sheet",
            vec!["sheet", "--rubric", "qd26-2026", "--set", "10"],
            8,
            vec![
                "PHIẾU ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
                "Bộ sản phẩm 10: Gia vị khác (muối, hành, tỏi, tiêu,...)",
                "Sử dụng nguyên liệu có nguồn gốc trong tỉnh từ 75% đến 100%",
                "Hồ sơ bị loại khi",
                "TỔNG CỘNG",
                "Họ tên thành viên Hội đồng",
                "(Ký, ghi rõ họ tên)",
            ],
        ),
        (
            "score",
            vec!["score", &example],
            9,
            vec![
                "☑",
                "Tổng điểm: 73/100",
                "giới hạn bởi tiêu chí bắt buộc, tối đa 3 sao",
            ],
        ),
        (
            "council",
            vec!["council", &session],
            3,
            vec![
                "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
                "Tỏi đen Lý Sơn",
                "Trần Văn Bình",
                "73,8",
                "ngày 15 tháng 06 năm 2026",
                "BIÊN BẢN HỌP HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
                "CHỦ TỊCH HỘI ĐỒNG",
                "THƯ KÝ",
            ],
        ),
        (
            "rank",
            vec!["rank", &round],
            2,
            vec![
                "KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP CỦA ĐỢT",
                "Nước mắm Sa Huỳnh",
                "Hành tím Lý Sơn",
                "Phân bố hạng sao",
                "Mức chấm của thành viên",
            ],
        ),
        (
            "advise",
            vec!["advise", &example],
            1,
            vec![
                "KẾ HOẠCH NÂNG HẠNG SAO SẢN PHẨM OCOP",
                "Mục tiêu: 4 sao",
                "Điểm tăng",
            ],
        ),
    ];
    for (name, args, pages, wording) in documents {
        let html = document(dir, name, &args);
        let printed = print(&browser, &html);
        assert!(printed.console.is_empty(), "{name}: {:?}", printed.console);
        assert!(
            printed.size.contains("(A4)"),
            "{name}: page size {}",
            printed.size
        );
        assert_eq!(printed.pages, pages, "{name}: pages");
        let text: String = printed
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for expected in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ]
        .iter()
        .chain(&wording)
        {
            assert!(
                text.contains(expected),
                "{name}: {expected:?} not in the PDF:\n{text}"
            );
        }
    }
}

/// The console check can fail: a page that logs an error is caught.
#[test]
fn a_console_error_is_caught() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("broken.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><p>x</p><script>console.error('hỏng')</script>",
    )
    .unwrap();
    assert!(!print(&browser, &page).console.is_empty());
}

#[test]
fn every_input_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let session = write(
        &dir.path().join("session.json"),
        &session_with("<script>alert(1)</script> & \"Tỏi\"", |s| {
            s["members"][0]["name"] = "<b>Bình</b>".into();
        }),
    );
    let html = document(dir.path(), "council", &["council", &session]);
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Tỏi&quot;"));
    assert!(html.contains("&lt;b&gt;Bình&lt;/b&gt;"));
    assert!(!html.contains("<b>Bình"));
}
