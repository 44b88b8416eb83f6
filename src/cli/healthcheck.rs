//! `tidings healthcheck`: GET /healthz where the server listens: `--listen` when given, else the
//! address the running server recorded in the data directory (so `serve --listen ADDR` needs
//! nothing more), else the configured one. Over TLS it trusts exactly the certificate the
//! server is configured with (pinned), so it works with a self-signed one.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

use super::StoreArgs;

#[derive(Debug, Args)]
pub struct HealthArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Seconds to wait for an answer.
    #[arg(long, default_value_t = 5)]
    pub timeout: u64,
    /// Probe this address instead of the one the server recorded (or the configured one).
    #[arg(long, value_name = "ADDR:PORT")]
    pub listen: Option<std::net::SocketAddr>,
}

/// The file in the data directory where a running server records the address it is bound to.
pub const BOUND_FILE: &str = "listening";

pub fn write_bound(data_dir: &std::path::Path, addr: std::net::SocketAddr) -> std::io::Result<()> {
    let tmp = data_dir.join(format!("{BOUND_FILE}.tmp"));
    std::fs::write(&tmp, format!("{addr}\n"))?;
    std::fs::rename(tmp, data_dir.join(BOUND_FILE))
}

fn recorded(data_dir: &std::path::Path) -> Option<std::net::SocketAddr> {
    std::fs::read_to_string(data_dir.join(BOUND_FILE)).ok()?.trim().parse().ok()
}

#[derive(Debug)]
struct Pinned {
    leaf: Vec<u8>,
    provider: Arc<rustls::crypto::CryptoProvider>,
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if end_entity.as_ref() == self.leaf.as_slice() {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::General("the server's certificate is not the configured one".into()))
        }
    }
    fn verify_tls12_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(m, c, d, &self.provider.signature_verification_algorithms)
    }
    fn verify_tls13_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(m, c, d, &self.provider.signature_verification_algorithms)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}

pub fn run(args: HealthArgs) -> Result<(), String> {
    let config = args.store.load(None)?;
    let mut addr = args.listen.or_else(|| recorded(&config.data_dir)).unwrap_or(config.listen);
    if addr.ip().is_unspecified() {
        addr.set_ip(if addr.is_ipv4() { [127, 0, 0, 1].into() } else { std::net::Ipv6Addr::LOCALHOST.into() });
    }
    let timeout = Duration::from_secs(args.timeout.max(1));
    let scheme = if config.tls_enabled() { "https" } else { "http" };
    let url = format!("{scheme}://{addr}/healthz");
    let tcp = TcpStream::connect_timeout(&addr, timeout).map_err(|e| format!("{url}: {e}"))?;
    tcp.set_read_timeout(Some(timeout))
        .and_then(|_| tcp.set_write_timeout(Some(timeout)))
        .map_err(|e| e.to_string())?;
    let status = if config.tls_enabled() {
        let material = crate::tls::load_existing(&config).map_err(|e| format!("{e:#}"))?;
        let provider = crate::tls::provider();
        let tls = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Pinned { leaf: material.chain[0].to_vec(), provider }))
            .with_no_client_auth();
        let name = ServerName::from(addr.ip());
        let conn = rustls::ClientConnection::new(Arc::new(tls), name).map_err(|e| e.to_string())?;
        status_of(rustls::StreamOwned::new(conn, tcp), &addr)
    } else {
        status_of(tcp, &addr)
    }
    .map_err(|e| format!("{url}: {e}"))?;
    if status == 200 {
        println!("healthy: {url}");
        Ok(())
    } else {
        Err(format!("{url} answered {status}"))
    }
}

/// One `GET /healthz` over HTTP/1.1 and the status code of the answer. The probe reads one status
/// line from its own server, so it is written here rather than pulled in with an HTTP client
/// crate: ureq 2 hard-wires ring as its rustls provider (a second provider in the graph) and
/// ureq 3 takes no custom certificate verifier, which the pinned certificate needs.
fn status_of(mut stream: impl Read + Write, addr: &std::net::SocketAddr) -> std::io::Result<u16> {
    write!(
        stream,
        "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: tidings-healthcheck\r\nConnection: close\r\n\r\n"
    )?;
    stream.flush()?;
    let mut line = String::new();
    BufReader::new(stream.take(1024)).read_line(&mut line)?;
    // "HTTP/1.1 200 OK"
    let mut words = line.split_ascii_whitespace();
    match (words.next(), words.next().and_then(|code| code.parse::<u16>().ok())) {
        (Some(version), Some(code)) if version.starts_with("HTTP/1.") => Ok(code),
        _ => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not an HTTP answer: {:?}", line.trim_end()),
        )),
    }
}
