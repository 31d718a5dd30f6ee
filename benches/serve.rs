//! Load on `ocop serve` over loopback: 20,000 mixed valid and invalid requests from 64
//! keep-alive connections, then `/v1/score` alone at 1 and at 64 connections. Reports requests
//! per second, p50/p99 latency, unexpected statuses (must be 0) and the server's memory (resident
//! after warm-up, at the end, and its peak), and fails on any unexpected status. Then the worst
//! case for memory: 16 invalid sheets of the largest size sent at once to a fresh service, of
//! which `--max-in-flight` lets only some be answered; reports its peak memory, and fails when
//! more are answered than the bound allows.
//!
//! Needs `cargo build --release -p ocop-cli`: it serves with `target/release/ocop`. Bounded in
//! count and time, loopback only. `cargo bench -p ocop-benches --bench serve -- --test` runs a
//! small load, as CI does.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// No run may take longer: the load stops and fails.
const DEADLINE: Duration = Duration::from_secs(180);

/// One kind of request and the status it must get.
struct Kind {
    method: &'static str,
    target: &'static str,
    body: Vec<u8>,
    status: u16,
}

fn kinds() -> Vec<Kind> {
    let root = ocop_benches::root();
    let read = |path: &str| std::fs::read(root.join(path)).expect("a fixture");
    let sheet = read("fixtures/examples/toi-den-ly-son.json");
    let session = read("fixtures/examples/council-toi-den-ly-son.json");
    let round = ocop_benches::round_ndjson(3).into_bytes();
    let kind = |method, target, body: &[u8], status| Kind {
        method,
        target,
        body: body.to_vec(),
        status,
    };
    vec![
        kind("POST", "/v1/score", &sheet, 200),
        kind(
            "POST",
            "/v1/score?lang=en",
            br#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": 9}}"#,
            422,
        ),
        kind("POST", "/v1/council", &session, 200),
        kind("GET", "/v1/rubrics", b"", 200),
        kind("POST", "/v1/score?partial=maybe", &sheet, 400),
        kind("GET", "/nowhere", b"", 404),
        kind("POST", "/v1/advise", &sheet, 200),
        kind("POST", "/v1/rank", &round, 200),
        kind("GET", "/v1/cert?decided=2026-06-15&on=2027-01-01", b"", 200),
        kind("DELETE", "/v1/score", b"", 405),
        kind("POST", "/v1/score", b"{", 422),
        kind(
            "GET",
            "/v1/rubrics/qd26-2026/sets/10?format=markdown",
            b"",
            200,
        ),
    ]
}

/// `ocop serve` on a free port, its access log read and dropped.
struct Server {
    child: Child,
    address: SocketAddr,
}

impl Server {
    fn start(ocop: &std::path::Path, args: &[&str]) -> Server {
        let mut child = Command::new(ocop)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ocop serve starts");
        let stderr = child.stderr.take().expect("its standard error");
        let (listening, address) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(address) = line.strip_prefix("ocop serve: listening on http://") {
                    let _ = listening.send(address.parse::<SocketAddr>().expect("an address"));
                }
            }
        });
        let address = address
            .recv_timeout(Duration::from_secs(20))
            .expect("ocop serve listens");
        Server { child, address }
    }

    /// A line of `/proc/PID/status` in kB (`VmRSS`, `VmHWM`).
    fn memory_kib(&self, field: &str) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default()
            .lines()
            .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What a run measured.
struct Run {
    latencies: Vec<Duration>,
    unexpected: Vec<String>,
    elapsed: Duration,
}

impl Run {
    fn report(&self, name: &str) {
        let mut sorted = self.latencies.clone();
        sorted.sort_unstable();
        let at = |fraction: f64| {
            let index = ((sorted.len() as f64 * fraction).ceil() as usize).saturating_sub(1);
            sorted.get(index).copied().unwrap_or_default()
        };
        println!(
            "{name}: {} requests in {:.2} s = {:.0} requests/s; p50 {:.3} ms, p99 {:.3} ms; {} unexpected",
            self.latencies.len(),
            self.elapsed.as_secs_f64(),
            self.latencies.len() as f64 / self.elapsed.as_secs_f64(),
            at(0.50).as_secs_f64() * 1e3,
            at(0.99).as_secs_f64() * 1e3,
            self.unexpected.len(),
        );
        for problem in self.unexpected.iter().take(5) {
            println!("  unexpected: {problem}");
        }
    }
}

/// Sends `count` requests, taking `kinds` in turn, over `connections` keep-alive connections.
fn load(address: SocketAddr, kinds: &[Kind], count: usize, connections: usize) -> Run {
    let started = Instant::now();
    let results: Vec<(Vec<Duration>, Vec<String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..connections)
            .map(|worker| {
                scope.spawn(move || {
                    let mut latencies = Vec::new();
                    let mut unexpected = Vec::new();
                    let mut stream = connect(address);
                    for index in (worker..count).step_by(connections) {
                        if started.elapsed() > DEADLINE {
                            unexpected.push("the deadline passed".to_owned());
                            break;
                        }
                        let kind = &kinds[index % kinds.len()];
                        let sent = Instant::now();
                        match exchange(&mut stream, kind) {
                            Ok((status, closes)) => {
                                if status != kind.status {
                                    unexpected.push(format!(
                                        "{} {}: {status}, not {}",
                                        kind.method, kind.target, kind.status
                                    ));
                                }
                                // As every HTTP client does: `Connection: close` ends it.
                                if closes {
                                    stream = connect(address);
                                }
                            }
                            Err(error) => {
                                unexpected
                                    .push(format!("{} {}: {error}", kind.method, kind.target));
                                stream = connect(address);
                            }
                        }
                        latencies.push(sent.elapsed());
                    }
                    (latencies, unexpected)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().expect("a load thread"))
            .collect()
    });
    let elapsed = started.elapsed();
    let (mut latencies, mut unexpected) = (Vec::new(), Vec::new());
    for (times, problems) in results {
        latencies.extend(times);
        unexpected.extend(problems);
    }
    Run {
        latencies,
        unexpected,
        elapsed,
    }
}

fn connect(address: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(address).expect("the server accepts");
    stream.set_nodelay(true).expect("no delay");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a read timeout");
    stream
}

/// One request on a keep-alive connection; the status of its response, read whole, and whether
/// the server closes the connection after it (`Connection: close`).
fn exchange(stream: &mut TcpStream, kind: &Kind) -> std::io::Result<(u16, bool)> {
    let head = format!(
        "{} {} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\n\r\n",
        kind.method,
        kind.target,
        kind.body.len()
    );
    let mut request = head.into_bytes();
    request.extend_from_slice(&kind.body);
    stream.write_all(&request)?;
    // The head, byte by byte up to the blank line (small), then the body by its length.
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte)?;
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status line"))?;
    let header = |wanted: &str| {
        head.lines().find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case(wanted).then(|| value.trim())
        })
    };
    let length: usize = header("content-length")
        .and_then(|value| value.parse().ok())
        .ok_or_else(|| std::io::Error::other("no content length"))?;
    let closes = header("connection").is_some_and(|value| value.eq_ignore_ascii_case("close"));
    let mut body = vec![0; length];
    stream.read_exact(&mut body)?;
    Ok((status, closes))
}

fn main() {
    let test_mode = std::env::args().any(|arg| arg == "--test");
    let Some(ocop) = ocop_benches::release_ocop() else {
        eprintln!(
            "skipping the service load: build it first with `cargo build --release -p ocop-cli`"
        );
        return;
    };
    let (mixed, single, many) = if test_mode {
        (640, 100, 640)
    } else {
        (20_000, 2_000, 20_000)
    };
    let kinds = kinds();
    let server = Server::start(&ocop, &[]);
    // Warm-up: every kind once per connection, so the rubrics are loaded before memory is read.
    let warm = load(server.address, &kinds, kinds.len() * 64, 64);
    let after_warm_up = server.memory_kib("VmRSS");
    // The load in two halves: memory must stay flat, so the second half must not grow it.
    let first = load(server.address, &kinds, mixed / 2, 64);
    let halfway = server.memory_kib("VmRSS");
    let second = load(server.address, &kinds, mixed - mixed / 2, 64);
    let at_end = server.memory_kib("VmRSS");
    warm.report("warm-up, mixed, 64 connections");
    let run = Run {
        latencies: [first.latencies, second.latencies].concat(),
        unexpected: [first.unexpected, second.unexpected].concat(),
        elapsed: first.elapsed + second.elapsed,
    };
    run.report("mixed valid and invalid, 64 connections");
    let mib = |kib: u64| kib as f64 / 1024.0;
    println!(
        "server memory: resident {:.1} MiB after warm-up, {:.1} MiB halfway, {:.1} MiB at the end; peak {:.1} MiB",
        mib(after_warm_up),
        mib(halfway),
        mib(at_end),
        mib(server.memory_kib("VmHWM"))
    );
    let score = &kinds[..1];
    let one = load(server.address, score, single, 1);
    one.report("/v1/score, 1 connection");
    let sixty_four = load(server.address, score, many, 64);
    sixty_four.report("/v1/score, 64 connections");
    let unexpected = warm.unexpected.len()
        + run.unexpected.len()
        + one.unexpected.len()
        + sixty_four.unexpected.len();
    assert_eq!(unexpected, 0, "unexpected statuses or failed exchanges");
    drop(server);
    if test_mode {
        largest_invalid_bodies(&ocop, 4, 16);
    } else {
        largest_invalid_bodies(&ocop, 16, 64);
    }
}

/// The largest body the service takes by default.
const MAX_BODY: usize = 8 << 20;

/// `bodies` invalid sheets of [`MAX_BODY`] sent at once to a service answering at most
/// `in_flight_mib` MiB of bodies at once: each is held about 30 times while its problems are
/// placed, so the bound is what keeps the service's memory in check. The others must be refused
/// (503, or the connection closed before their body was read).
fn largest_invalid_bodies(ocop: &std::path::Path, bodies: usize, in_flight_mib: usize) {
    let limit = format!("{in_flight_mib}MiB");
    let server = Server::start(ocop, &["--max-in-flight", &limit, "--timeout", "120s"]);
    let body = invalid_sheet(MAX_BODY);
    let started = Instant::now();
    let statuses: Vec<Option<u16>> = std::thread::scope(|scope| {
        let senders: Vec<_> = (0..bodies)
            .map(|_| scope.spawn(|| send_whole(server.address, &body)))
            .collect();
        senders
            .into_iter()
            .map(|sender| sender.join().expect("a sending thread"))
            .collect()
    });
    let answered = statuses
        .iter()
        .filter(|status| **status == Some(422))
        .count();
    let refused = statuses
        .iter()
        .filter(|status| matches!(status, Some(503) | None))
        .count();
    println!(
        "{bodies} invalid {} MiB sheets at once, --max-in-flight {limit}: {answered} answered, \
         {refused} refused in {:.1} s; server peak {:.1} MiB",
        MAX_BODY >> 20,
        started.elapsed().as_secs_f64(),
        server.memory_kib("VmHWM") as f64 / 1024.0
    );
    assert_eq!(answered + refused, bodies, "other statuses: {statuses:?}");
    assert!(
        (1..=in_flight_mib * (1 << 20) / MAX_BODY).contains(&answered),
        "more answered at once than --max-in-flight allows: {statuses:?}"
    );
}

/// A sheet of `size` bytes at most whose answers are all unknown codes: one problem each.
fn invalid_sheet(size: usize) -> Vec<u8> {
    const END: &str = r#""9": 1}}"#;
    let mut sheet = String::from(r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"#);
    for code in 0.. {
        let answer = format!(r#""9.{code}": 1, "#);
        if sheet.len() + answer.len() + END.len() > size {
            break;
        }
        sheet.push_str(&answer);
    }
    sheet.push_str(END);
    sheet.into_bytes()
}

/// Sends one request with its whole body on a connection of its own and reads the status. A
/// request refused before its body is read may see its connection closed while it writes: `None`
/// when no status came back.
fn send_whole(address: SocketAddr, body: &[u8]) -> Option<u16> {
    let mut stream = TcpStream::connect(address).ok()?;
    let head = format!(
        "POST /v1/score HTTP/1.1\r\nHost: bench\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body));
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply);
    let line = reply.split(|byte| *byte == b'\n').next()?;
    std::str::from_utf8(line)
        .ok()?
        .split(' ')
        .nth(1)?
        .parse()
        .ok()
}
