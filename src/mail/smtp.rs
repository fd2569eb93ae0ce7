//! The SMTP sender: lettre's SMTP client (its connection, TLS, authentication and
//! replies), with one connection kept open between mails, and each message written
//! with its closing `.` in one write.
//!
//! Why not lettre's own `SmtpTransport`: it writes a message's body and then the closing
//! `\r\n.\r\n` as a second small write. The socket has Nagle's algorithm on, so that
//! second write waits until the server acknowledges the body, and a server that has
//! nothing to say before the `.` delays its acknowledgement by 40 ms: 23 mails a second
//! at best, whatever the network (BENCHMARKS.md). Fixed upstream (lettre pull request
//! #1159) but not released in 0.11.23.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use lettre::transport::smtp::Error;

/// How long an idle connection is trusted before it is checked with `NOOP`.
const IDLE_CHECK: Duration = Duration::from_secs(20);

/// How the connection is protected.
#[derive(Clone)]
pub enum Security {
    /// Plain text (a relay on the same machine or network).
    None,
    /// `STARTTLS` after the greeting, required.
    Starttls(TlsParameters),
    /// TLS from the first byte (port 465).
    Tls(TlsParameters),
}

/// An SMTP relay and the one connection to it kept between mails.
#[derive(Clone)]
pub struct Smtp {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    timeout: Duration,
    hello: ClientId,
    open: Arc<Mutex<Option<(SmtpConnection, Instant)>>>,
}

impl fmt::Debug for Smtp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Smtp").field("host", &self.host).field("port", &self.port).finish_non_exhaustive()
    }
}

impl Smtp {
    pub fn new(host: &str, port: u16, security: Security, credentials: Option<Credentials>, timeout: Duration) -> Self {
        Self {
            host: host.to_string(),
            port,
            security,
            credentials,
            timeout,
            hello: ClientId::default(),
            open: Arc::default(),
        }
    }

    /// Sends one message over the open connection (opened first when there is none, or
    /// when the idle one no longer answers). A failure closes the connection, so the
    /// next mail starts on a fresh one.
    pub fn send(&self, envelope: &Envelope, message: &[u8]) -> Result<(), Error> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let reuse = match open.as_mut() {
            Some((conn, used)) => !conn.has_broken() && (used.elapsed() < IDLE_CHECK || conn.test_connected()),
            None => false,
        };
        if !reuse {
            close(&mut open);
            *open = Some((self.connect()?, Instant::now()));
        }
        let (conn, used) = open.as_mut().expect("a connection was opened above");
        match transfer(conn, envelope, message) {
            Ok(()) => {
                *used = Instant::now();
                Ok(())
            }
            Err(e) => {
                close(&mut open);
                Err(e)
            }
        }
    }

    fn connect(&self) -> Result<SmtpConnection, Error> {
        let wrapper = match &self.security {
            Security::Tls(params) => Some(params),
            _ => None,
        };
        let server = (self.host.as_str(), self.port);
        let mut conn = SmtpConnection::connect(server, Some(self.timeout), &self.hello, wrapper, None)?;
        if let Security::Starttls(params) = &self.security {
            conn.starttls(params, &self.hello)?;
        }
        if let Some(credentials) = &self.credentials {
            conn.auth(DEFAULT_MECHANISMS, credentials)?;
        }
        Ok(conn)
    }
}

/// Ends the kept connection, if any (`QUIT` where it still answers).
fn close(open: &mut Option<(SmtpConnection, Instant)>) {
    if let Some((mut conn, _)) = open.take() {
        conn.abort();
    }
}

/// One transaction on an open connection: envelope, `DATA`, then the message with its
/// dots doubled and the closing `.` as one write.
fn transfer(conn: &mut SmtpConnection, envelope: &Envelope, message: &[u8]) -> Result<(), Error> {
    let mut options = Vec::new();
    let non_ascii = envelope.from().into_iter().chain(envelope.to()).any(|a| !AsRef::<str>::as_ref(a).is_ascii());
    if non_ascii && conn.server_info().supports_feature(Extension::SmtpUtfEight) {
        options.push(MailParameter::SmtpUtfEight);
    }
    if !message.is_ascii() && conn.server_info().supports_feature(Extension::EightBitMime) {
        options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    conn.command(Mail::new(envelope.from().cloned(), options))?;
    for to in envelope.to() {
        conn.command(Rcpt::new(to.clone(), Vec::new()))?;
    }
    conn.command(Data)?;
    match std::str::from_utf8(message) {
        Ok(text) => conn.command(DataBody(text)).map(drop),
        // Not text: lettre's own two writes.
        Err(_) => conn.message(message).map(drop),
    }
}

/// A message as sent after `DATA`: a `.` that starts a line doubled (RFC 5321 §4.5.2),
/// then the end of the data, `\r\n.\r\n`.
struct DataBody<'a>(&'a str);

impl fmt::Display for DataBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Each piece starts a line.
        for line in self.0.split_inclusive('\n') {
            if line.starts_with('.') {
                f.write_str(".")?;
            }
            f.write_str(line)?;
        }
        f.write_str("\r\n.\r\n")
    }
}

#[cfg(test)]
mod tests {
    use super::DataBody;

    #[test]
    fn dots_that_start_a_line_are_doubled_and_the_data_ends_with_a_dot() {
        assert_eq!(DataBody("a\r\n.b\r\n..\r\nc.d").to_string(), "a\r\n..b\r\n...\r\nc.d\r\n.\r\n");
        assert_eq!(DataBody(".x").to_string(), "..x\r\n.\r\n");
        assert_eq!(DataBody("").to_string(), "\r\n.\r\n");
    }
}
