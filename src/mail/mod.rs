//! Email as data: a mail is rendered from `templates/email/<name>/{subject,text,html}.hbs`
//! into an [`Email`], written to the [`outbox`] in the transaction that causes it, and
//! sent by the outbox sender through a [`Mailer`] (SMTP, a directory of `.eml` files, or
//! an in-memory [`Mailbox`] for tests).

pub mod outbox;
mod smtp;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{bail, Context as _};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox as Address, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::TlsParameters;
use lettre::{FileTransport, Message, Transport as _};
use serde_json::Value;

use crate::config::MailConfig;
use crate::i18n::Lang;
use crate::render::templates::Templates;

/// How long one SMTP command may take before the attempt counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// One rendered mail, ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The one-click unsubscribe link (`List-Unsubscribe`), for mail a user can stop.
    pub unsubscribe_url: Option<String>,
    /// What makes the mail unique (its outbox idempotency key, e.g. a digest's kind,
    /// window and recipient): its Message-ID is derived from it, so a mail sent again
    /// keeps its Message-ID. `None`: a random one.
    pub message_key: Option<String>,
}

/// Renders the mail `name` in `lang` for `to`.
///
/// `data` must be a JSON object (or null); `lang` is added to it for the `fluent` helper.
/// A string `unsubscribe_url` in `data` becomes the mail's one-click unsubscribe link, and
/// the templates can show it. The subject is rendered as one trimmed line, subject and text
/// part without HTML escaping, the HTML part with it; both parts end in one newline.
pub fn render(templates: &Templates, name: &str, lang: Lang, to: &str, data: Value) -> anyhow::Result<Email> {
    let mut data = match data {
        Value::Object(map) => map,
        Value::Null => serde_json::Map::new(),
        other => bail!("the data of mail {name:?} must be a JSON object, not {other}"),
    };
    data.insert("lang".to_string(), Value::String(lang.code().to_string()));
    let unsubscribe_url = data.get("unsubscribe_url").and_then(Value::as_str).map(str::to_string);
    let data = Value::Object(data);
    let part = |kind: &str| format!("email/{name}/{kind}");
    let subject = templates
        .render_text(&part("subject"), &data)
        .with_context(|| format!("cannot render the subject of mail {name:?}"))?;
    let text = templates
        .render_text(&part("text"), &data)
        .with_context(|| format!("cannot render the text of mail {name:?}"))?;
    let html =
        templates.render(&part("html"), &data).with_context(|| format!("cannot render the HTML of mail {name:?}"))?;
    Ok(Email {
        to: to.to_string(),
        subject: subject.split_whitespace().collect::<Vec<_>>().join(" "),
        text: format!("{}\n", text.trim()),
        html: format!("{}\n", html.trim()),
        unsubscribe_url,
        message_key: None,
    })
}

/// A mail as the in-memory transport received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The message's headers as sent (unfolded, values still MIME-encoded where needed).
    pub headers: Vec<(String, String)>,
    /// The whole message as it would go over the wire.
    pub raw: String,
}

impl SentMail {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// The in-memory transport: tests read what was sent here.
#[derive(Debug, Clone, Default)]
pub struct Mailbox {
    inner: Arc<Mutex<MailboxState>>,
}

#[derive(Debug, Default)]
struct MailboxState {
    messages: Vec<SentMail>,
    failure: Option<String>,
}

impl Mailbox {
    /// Every mail received so far, oldest first.
    pub fn messages(&self) -> Vec<SentMail> {
        self.state().messages.clone()
    }

    /// The mails received for one address.
    pub fn messages_to(&self, to: &str) -> Vec<SentMail> {
        self.state().messages.iter().filter(|m| m.to == to).cloned().collect()
    }

    /// Makes every following send fail with `error` (or succeed again with `None`).
    pub fn fail_with(&self, error: Option<&str>) {
        self.state().failure = error.map(str::to_string);
    }

    fn state(&self) -> std::sync::MutexGuard<'_, MailboxState> {
        // A test that panicked while holding the lock leaves the messages intact.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Where mail goes.
#[derive(Debug, Clone)]
pub enum Transport {
    Smtp(smtp::Smtp),
    /// One `.eml` file per mail in this directory.
    File(PathBuf),
    Memory(Mailbox),
}

/// Sends rendered mail from the configured sender address.
#[derive(Debug, Clone)]
pub struct Mailer {
    from: Address,
    transport: Transport,
}

impl Mailer {
    pub fn new(from: &str, transport: Transport) -> anyhow::Result<Self> {
        let from = from.parse::<Address>().with_context(|| format!("mail.from {from:?} is not an email address"))?;
        Ok(Self { from, transport })
    }

    /// The transport the configuration asks for; creates the file directory if needed.
    pub fn from_config(config: &MailConfig) -> anyhow::Result<Self> {
        let transport = match config.transport.as_str() {
            "file" => {
                let dir = PathBuf::from(&config.file_dir);
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create the mail directory {}", dir.display()))?;
                Transport::File(dir)
            }
            "smtp" => Transport::Smtp(smtp_transport(config)?),
            other => bail!("mail.transport must be \"file\" or \"smtp\", not {other:?}"),
        };
        Self::new(&config.from, transport)
    }

    /// A mailer that keeps every mail in the returned mailbox.
    pub fn memory(from: &str) -> (Self, Mailbox) {
        let mailbox = Mailbox::default();
        let mailer = Self::new(from, Transport::Memory(mailbox.clone())).expect("a valid sender address");
        (mailer, mailbox)
    }

    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// Sends one mail, blocking until the transport has taken it. The error is a
    /// readable message for the outbox's `last_error`.
    pub fn send(&self, email: &Email) -> Result<(), String> {
        let message = self.message(email)?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message.envelope(), &message.formatted()).map_err(|e| error_chain(&e)),
            Transport::File(dir) => FileTransport::new(dir).send(&message).map(drop).map_err(|e| error_chain(&e)),
            Transport::Memory(mailbox) => {
                let mut state = mailbox.state();
                if let Some(error) = &state.failure {
                    return Err(error.clone());
                }
                let raw = String::from_utf8_lossy(&message.formatted()).into_owned();
                state.messages.push(SentMail {
                    to: email.to.clone(),
                    subject: email.subject.clone(),
                    text: email.text.clone(),
                    html: email.html.clone(),
                    headers: parse_headers(&raw),
                    raw,
                });
                Ok(())
            }
        }
    }

    /// The MIME message: multipart/alternative with the text part first, plus the
    /// one-click unsubscribe headers (RFC 8058) when the mail has a link.
    fn message(&self, email: &Email) -> Result<Message, String> {
        let to = email.to.parse::<Address>().map_err(|e| format!("invalid recipient {:?}: {e}", email.to))?;
        let message_id = email.message_key.as_deref().map(|key| message_id(key, self.from.email.domain()));
        let mut builder =
            Message::builder().from(self.from.clone()).to(to).subject(email.subject.clone()).message_id(message_id);
        if let Some(url) = &email.unsubscribe_url {
            if url.is_empty() || !url.bytes().all(|b| b.is_ascii_graphic()) || url.contains(['<', '>']) {
                return Err(format!("invalid unsubscribe link {url:?}"));
            }
            builder = builder
                .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{url}>")))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_string(),
                ));
        }
        builder
            .multipart(MultiPart::alternative_plain_html(email.text.clone(), email.html.clone()))
            .map_err(|e| format!("cannot build the message: {e}"))
    }
}

/// A Message-ID derived from a mail's unique key: `<hash@domain>`, the same every time.
pub fn message_id(key: &str, domain: &str) -> String {
    use sha2::{Digest, Sha256};
    let hash = hex::encode(Sha256::digest(key.as_bytes()));
    format!("<{}@{domain}>", &hash[..32])
}

/// SMTP with STARTTLS, implicit TLS or (for a local relay) no encryption, and
/// credentials when a user name is configured.
fn smtp_transport(config: &MailConfig) -> anyhow::Result<smtp::Smtp> {
    let host = config.smtp_host.trim();
    if host.is_empty() {
        bail!("mail.smtp_host is empty");
    }
    let tls = || TlsParameters::new(host.to_string()).context("cannot set up TLS");
    let security = match config.smtp_security.as_str() {
        "starttls" => smtp::Security::Starttls(tls()?),
        "tls" => smtp::Security::Tls(tls()?),
        "none" => smtp::Security::None,
        other => bail!("mail.smtp_security must be \"starttls\", \"tls\" or \"none\", not {other:?}"),
    };
    let credentials = (!config.smtp_username.is_empty())
        .then(|| Credentials::new(config.smtp_username.clone(), config.smtp_password.clone()));
    Ok(smtp::Smtp::new(host, config.smtp_port, security, credentials, SMTP_TIMEOUT))
}

/// An error with its causes, one line: "Connection error: Connection refused (os error 111)".
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let line = cause.to_string();
        if !text.contains(&line) {
            text.push_str(": ");
            text.push_str(&line);
        }
        source = cause.source();
    }
    text
}

/// The header section of a raw message, continuation lines unfolded.
fn parse_headers(raw: &str) -> Vec<(String, String)> {
    let head = raw.split("\r\n\r\n").next().unwrap_or("");
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    headers
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn templates() -> Templates {
        Templates::new(None, false).unwrap()
    }

    fn test_mail(lang: Lang, unsubscribe: bool) -> Email {
        let mut data = json!({"name": "Jansen & Zn <bv>", "link": "https://wise.example/reset?a=1&b=2"});
        if unsubscribe {
            data["unsubscribe_url"] = json!("https://wise.example/unsubscribe/abc");
        }
        render(&templates(), "test", lang, "piet@example.nl", data).unwrap()
    }

    #[test]
    fn renders_subject_text_and_html_in_the_language() {
        let nl = test_mail(Lang::Nl, false);
        assert_eq!(nl.to, "piet@example.nl");
        assert_eq!(nl.subject, "Testbericht voor Jansen & Zn <bv>");
        assert!(!nl.subject.contains('\n'));
        // Plain text is not HTML-escaped; the HTML part is.
        assert!(nl.text.contains("Beste Jansen & Zn <bv>,"), "{}", nl.text);
        assert!(nl.text.contains("https://wise.example/reset?a=1&b=2"), "{}", nl.text);
        assert!(!nl.text.contains("&amp;"), "{}", nl.text);
        assert!(nl.html.contains("Jansen &amp; Zn &lt;bv&gt;"), "{}", nl.html);
        assert!(nl.html.contains("<html lang=\"nl\">"), "{}", nl.html);
        assert!(nl.html.contains("href=\"https://wise.example/reset?a&#x3D;1&amp;b&#x3D;2\""), "{}", nl.html);
        assert_eq!(nl.unsubscribe_url, None);
        assert!(!nl.text.contains("Afmelden") && !nl.html.contains("Afmelden"));

        let en = test_mail(Lang::En, true);
        assert_eq!(en.subject, "Test message for Jansen & Zn <bv>");
        assert!(en.text.contains("Dear Jansen & Zn <bv>,"), "{}", en.text);
        assert_eq!(en.unsubscribe_url.as_deref(), Some("https://wise.example/unsubscribe/abc"));
        assert!(en.text.contains("https://wise.example/unsubscribe/abc"), "{}", en.text);
        assert!(en.html.contains("href=\"https://wise.example/unsubscribe/abc\""), "{}", en.html);
    }

    #[test]
    fn rendering_rejects_unknown_mails_and_missing_fields() {
        let t = templates();
        assert!(render(&t, "nope", Lang::Nl, "a@example.nl", json!({})).is_err());
        let err = render(&t, "test", Lang::Nl, "a@example.nl", json!({"name": "x"})).unwrap_err();
        assert!(format!("{err:#}").contains("link"), "{err:#}");
        assert!(render(&t, "test", Lang::Nl, "a@example.nl", json!([1])).is_err());
    }

    #[test]
    fn memory_transport_builds_a_multipart_message_with_unsubscribe_headers() {
        let (mailer, mailbox) = Mailer::memory("wise-monitor <noreply@wise.example>");
        mailer.send(&test_mail(Lang::En, true)).unwrap();
        mailer.send(&test_mail(Lang::Nl, false)).unwrap();
        let sent = mailbox.messages();
        assert_eq!(sent.len(), 2);
        let first = &sent[0];
        assert_eq!(first.header("List-Unsubscribe"), Some("<https://wise.example/unsubscribe/abc>"));
        assert_eq!(first.header("List-Unsubscribe-Post"), Some("List-Unsubscribe=One-Click"));
        assert_eq!(first.header("To"), Some("piet@example.nl"));
        assert!(first.header("Message-ID").is_some() && first.header("Date").is_some());
        assert!(first.header("Content-Type").unwrap().starts_with("multipart/alternative"));
        assert!(first.raw.contains("Content-Type: text/plain; charset=utf-8"), "{}", first.raw);
        assert!(first.raw.contains("Content-Type: text/html; charset=utf-8"), "{}", first.raw);
        assert_eq!(sent[1].header("List-Unsubscribe"), None);
        assert_eq!(mailbox.messages_to("piet@example.nl").len(), 2);

        mailbox.fail_with(Some("mailbox full"));
        assert_eq!(mailer.send(&test_mail(Lang::En, false)), Err("mailbox full".to_string()));
        assert_eq!(mailbox.messages().len(), 2);
    }

    #[test]
    fn bad_addresses_and_links_are_refused() {
        let (mailer, mailbox) = Mailer::memory("noreply@wise.example");
        let mut mail = test_mail(Lang::En, false);
        mail.to = "not an address".into();
        assert!(mailer.send(&mail).unwrap_err().contains("invalid recipient"));
        let mut mail = test_mail(Lang::En, false);
        mail.unsubscribe_url = Some("https://x/\r\nBcc: evil@example.com".into());
        assert!(mailer.send(&mail).unwrap_err().contains("invalid unsubscribe link"));
        assert!(mailbox.messages().is_empty());
        assert!(Mailer::new("nobody", Transport::Memory(Mailbox::default())).is_err());
    }

    #[test]
    fn file_transport_writes_one_eml_per_mail() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = crate::config::Config::defaults().mail;
        config.file_dir = dir.path().join("mail/out").display().to_string();
        let mailer = Mailer::from_config(&config).unwrap();
        mailer.send(&test_mail(Lang::Nl, true)).unwrap();
        mailer.send(&test_mail(Lang::En, false)).unwrap();
        let files: Vec<_> =
            std::fs::read_dir(dir.path().join("mail/out")).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(files.len(), 2);
        assert!(files.iter().all(|f| f.extension().is_some_and(|e| e == "eml")));
        let all: String = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
        assert!(all.contains("List-Unsubscribe: <https://wise.example/unsubscribe/abc>"), "{all}");
        assert!(all.contains("multipart/alternative"), "{all}");
    }

    #[test]
    fn configuration_is_checked() {
        let mut config = crate::config::Config::defaults().mail;
        config.transport = "smtp".into();
        config.smtp_security = "tls".into();
        config.smtp_username = "user".into();
        assert!(matches!(Mailer::from_config(&config).unwrap().transport(), Transport::Smtp(_)));
        config.smtp_security = "ssl".into();
        assert!(Mailer::from_config(&config).is_err());
        config.smtp_security = "none".into();
        config.from = "no address".into();
        assert!(Mailer::from_config(&config).is_err());
    }

    #[test]
    fn headers_are_unfolded() {
        let raw = "Subject: a\r\n b\r\nTo: x@y\r\n\r\nbody: no";
        assert_eq!(parse_headers(raw), vec![("Subject".into(), "a b".into()), ("To".into(), "x@y".into())]);
    }
}
