//! A small SMTP server for the tests, over a real socket on loopback: EHLO, STARTTLS or implicit
//! TLS (with a test CA made by rcgen), AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT, and
//! optionally PIPELINING. It
//! records what it accepts, and replies to chosen recipients with chosen 4xx/5xx codes.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;

#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent, dot-unstuffed, with CRLF line ends.
    pub data: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinkTls {
    None,
    StartTls,
    Implicit,
}

pub struct SinkOptions {
    pub tls: SinkTls,
    /// Required login, if any.
    pub auth: Option<(String, String)>,
    /// A reply line (e.g. "451 4.7.1 try later") for recipients this returns `Some` for.
    pub rcpt_reply: fn(&str) -> Option<&'static str>,
    /// Time the sink takes before it answers the end of a message (a relay's own latency).
    pub delay: Duration,
    /// Offer PIPELINING (RFC 2920), as Postfix does: the client then sends MAIL, RCPT and DATA
    /// in one go, and the sink, reading line by line, answers each in order.
    pub pipelining: bool,
}

impl Default for SinkOptions {
    fn default() -> Self {
        Self { tls: SinkTls::None, auth: None, rcpt_reply: |_| None, delay: Duration::ZERO, pipelining: false }
    }
}

pub struct SmtpSink {
    pub addr: SocketAddr,
    pub received: Arc<Mutex<Vec<Received>>>,
    /// PEM of the CA that signed the sink's certificate (for `ca_file`).
    pub ca_pem: String,
}

impl SmtpSink {
    pub fn start(options: SinkOptions) -> SmtpSink {
        Self::start_on(0, options)
    }

    /// On a chosen port (0: any free one), e.g. one a relay was configured with before the
    /// sink existed.
    pub fn start_on(port: u16, options: SinkOptions) -> SmtpSink {
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        let addr = listener.local_addr().unwrap();
        let (ca_pem, tls) = test_pki();
        let received = Arc::new(Mutex::new(Vec::new()));
        let options = Arc::new(options);
        let store = received.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (options, store, tls) = (options.clone(), store.clone(), tls.clone());
                std::thread::spawn(move || {
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
                    // Replies go out at once (like Postfix), not after a delayed ACK.
                    let _ = stream.set_nodelay(true);
                    let _ = serve(stream, &options, &store, tls);
                });
            }
        });
        SmtpSink { addr, received, ca_pem }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn messages(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until `n` messages have arrived.
    pub fn wait_for(&self, n: usize) -> Vec<Received> {
        self.wait_for_within(n, Duration::from_secs(10))
    }

    pub fn wait_for_within(&self, n: usize, within: Duration) -> Vec<Received> {
        let deadline = std::time::Instant::now() + within;
        loop {
            let got = self.messages();
            if got.len() >= n || std::time::Instant::now() > deadline {
                return got;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// A CA and a certificate for 127.0.0.1 and localhost signed by it.
pub fn test_pki() -> (String, Arc<rustls::ServerConfig>) {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(rcgen::DnType::CommonName, "Tidings test CA");
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
        .unwrap()
        .signed_by(&leaf_key, &ca)
        .unwrap();
    let key = rustls::pki_types::PrivateKeyDer::try_from(leaf_key.serialize_der()).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::aws_lc_rs::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone(), ca.der().clone()], key)
        .unwrap();
    (ca.pem(), Arc::new(config))
}

enum Conn {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ServerConnection, TcpStream>>),
}

impl Read for Conn {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Conn::Plain(s) => s.read(buf),
            Conn::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Conn {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Conn::Plain(s) => s.write(buf),
            Conn::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Conn::Plain(s) => s.flush(),
            Conn::Tls(s) => s.flush(),
        }
    }
}

struct Session {
    conn: Conn,
    buf: Vec<u8>,
}

impl Session {
    fn line(&mut self) -> std::io::Result<Option<String>> {
        loop {
            if let Some(at) = self.buf.windows(2).position(|w| w == b"\r\n") {
                let line: Vec<u8> = self.buf.drain(..at + 2).collect();
                return Ok(Some(String::from_utf8_lossy(&line[..at]).into_owned()));
            }
            let mut chunk = [0u8; 8192];
            let n = self.conn.read(&mut chunk)?;
            if n == 0 {
                return Ok(None);
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }

    fn reply(&mut self, text: &str) -> std::io::Result<()> {
        self.conn.write_all(format!("{text}\r\n").as_bytes())?;
        self.conn.flush()
    }
}

fn serve(
    stream: TcpStream,
    options: &SinkOptions,
    store: &Mutex<Vec<Received>>,
    tls: Arc<rustls::ServerConfig>,
) -> std::io::Result<()> {
    let conn = if options.tls == SinkTls::Implicit {
        Conn::Tls(Box::new(rustls::StreamOwned::new(rustls::ServerConnection::new(tls.clone()).unwrap(), stream)))
    } else {
        Conn::Plain(stream)
    };
    let mut s = Session { conn, buf: Vec::new() };
    let mut encrypted = options.tls == SinkTls::Implicit;
    let mut authed = false;
    let (mut from, mut to) = (String::new(), Vec::new());
    s.reply("220 sink.test ESMTP test sink")?;
    while let Some(line) = s.line()? {
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            let mut lines = vec!["250-sink.test".to_string(), "250-8BITMIME".into(), "250-SMTPUTF8".into()];
            if options.tls == SinkTls::StartTls && !encrypted {
                lines.push("250-STARTTLS".into());
            }
            if options.auth.is_some() && (encrypted || options.tls == SinkTls::None) {
                lines.push("250-AUTH PLAIN LOGIN".into());
            }
            if options.pipelining {
                lines.push("250-PIPELINING".into());
            }
            lines.push("250 SIZE 10240000".into());
            s.reply(&lines.join("\r\n"))?;
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            s.reply("250 ok")?;
        } else if upper == "STARTTLS" {
            s.reply("220 2.0.0 ready to start TLS")?;
            let Conn::Plain(tcp) = s.conn else { return Ok(()) };
            s.conn =
                Conn::Tls(Box::new(rustls::StreamOwned::new(rustls::ServerConnection::new(tls.clone()).unwrap(), tcp)));
            s.buf.clear();
            encrypted = true;
        } else if upper.starts_with("AUTH PLAIN") {
            let arg = match line.split_whitespace().nth(2) {
                Some(a) => a.to_string(),
                None => {
                    s.reply("334 ")?;
                    s.line()?.unwrap_or_default()
                }
            };
            let decoded = base64::engine::general_purpose::STANDARD.decode(arg.trim()).unwrap_or_default();
            let parts: Vec<String> =
                decoded.split(|b| *b == 0).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
            authed = options.auth.as_ref().is_some_and(|(u, p)| parts.len() == 3 && &parts[1] == u && &parts[2] == p);
            s.reply(if authed {
                "235 2.7.0 Authentication successful"
            } else {
                "535 5.7.8 Authentication credentials invalid"
            })?;
        } else if upper.starts_with("AUTH LOGIN") {
            let b64 = |s: &str| {
                String::from_utf8_lossy(&base64::engine::general_purpose::STANDARD.decode(s.trim()).unwrap_or_default())
                    .into_owned()
            };
            let user = match line.split_whitespace().nth(2) {
                Some(u) => b64(u),
                None => {
                    s.reply("334 VXNlcm5hbWU6")?;
                    b64(&s.line()?.unwrap_or_default())
                }
            };
            s.reply("334 UGFzc3dvcmQ6")?;
            let pass = b64(&s.line()?.unwrap_or_default());
            authed = options.auth.as_ref().is_some_and(|(u, p)| *u == user && *p == pass);
            s.reply(if authed {
                "235 2.7.0 Authentication successful"
            } else {
                "535 5.7.8 Authentication credentials invalid"
            })?;
        } else if upper.starts_with("MAIL FROM:") {
            if options.auth.is_some() && !authed {
                s.reply("530 5.7.0 Authentication required")?;
                continue;
            }
            from = angle(&line[10..]);
            to.clear();
            s.reply("250 2.1.0 Ok")?;
        } else if upper.starts_with("RCPT TO:") {
            let rcpt = angle(&line[8..]);
            match (options.rcpt_reply)(&rcpt) {
                Some(reply) => s.reply(reply)?,
                None => {
                    to.push(rcpt);
                    s.reply("250 2.1.5 Ok")?;
                }
            }
        } else if upper == "DATA" {
            if to.is_empty() {
                s.reply("554 5.5.1 No valid recipients")?;
                continue;
            }
            s.reply("354 End data with <CR><LF>.<CR><LF>")?;
            let mut data = Vec::new();
            loop {
                let Some(l) = s.line()? else { return Ok(()) };
                if l == "." {
                    break;
                }
                let l = l.strip_prefix('.').unwrap_or(&l);
                data.extend_from_slice(l.as_bytes());
                data.extend_from_slice(b"\r\n");
            }
            let mut all = store.lock().unwrap();
            all.push(Received { from: from.clone(), to: to.clone(), data });
            let n = all.len();
            drop(all);
            if !options.delay.is_zero() {
                std::thread::sleep(options.delay);
            }
            s.reply(&format!("250 2.0.0 Ok: queued as Q{n}"))?;
        } else if upper == "RSET" {
            from.clear();
            to.clear();
            s.reply("250 2.0.0 Ok")?;
        } else if upper == "QUIT" {
            s.reply("221 2.0.0 Bye")?;
            return Ok(());
        } else {
            s.reply("502 5.5.2 Error: command not recognized")?;
        }
    }
    Ok(())
}

fn angle(s: &str) -> String {
    let s = s.trim();
    let s = s.split_whitespace().next().unwrap_or("");
    s.trim_start_matches('<').trim_end_matches('>').to_string()
}
