//! Uploaded documents kept on disk: what kinds a field accepts (checked by the name's
//! extension and by the bytes the content starts with), a clean file name, keeping a
//! file under its SHA-256 checksum (whole or absent), and serving it back checked
//! against that checksum. A need's attachments and a certificate's evidence use them.

use std::path::{Path, PathBuf};

use actix_web::http::header;
use actix_web::HttpResponse;
use sha2::{Digest, Sha256};

use super::AppError;

/// A kind of file: extension, media type, and the bytes its content starts with.
pub type FileKind = (&'static str, &'static str, &'static [u8]);

/// Documents (a need's attachments): PDF, Office Open XML and OpenDocument files (ZIP
/// archives), the older Office formats (compound files).
pub const DOCUMENTS: &[FileKind] = &[
    ("pdf", "application/pdf", b"%PDF-"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", b"PK\x03\x04"),
    ("odt", "application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet", b"PK\x03\x04"),
    ("odp", "application/vnd.oasis.opendocument.presentation", b"PK\x03\x04"),
    ("doc", "application/msword", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
    ("xls", "application/vnd.ms-excel", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
    ("ppt", "application/vnd.ms-powerpoint", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
];

/// Evidence (a certificate's): a PDF or a picture (PNG, JPEG).
pub const EVIDENCE: &[FileKind] = &[
    ("pdf", "application/pdf", b"%PDF-"),
    ("png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("jpg", "image/jpeg", b"\xFF\xD8\xFF"),
    ("jpeg", "image/jpeg", b"\xFF\xD8\xFF"),
];

/// Why a file is refused; each upload field has its messages ([`RefusalKeys`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLarge,
    Kind,
    Content,
    Name,
}

impl Refusal {
    /// The field's message for this reason.
    pub fn key(self, keys: &RefusalKeys) -> &'static str {
        match self {
            Refusal::Empty => keys.empty,
            Refusal::TooLarge => keys.too_large,
            Refusal::Kind => keys.kind,
            Refusal::Content => keys.content,
            Refusal::Name => keys.name,
        }
    }
}

/// The messages of one upload field, by reason.
pub struct RefusalKeys {
    pub empty: &'static str,
    pub too_large: &'static str,
    pub kind: &'static str,
    pub content: &'static str,
    pub name: &'static str,
}

/// The media type of a file named `name` with content `bytes` among `kinds`, or why it
/// is refused. The name's extension and the content must agree.
pub fn kind_of(name: &str, bytes: &[u8], max_bytes: u64, kinds: &[FileKind]) -> Result<&'static str, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    if bytes.len() as u64 > max_bytes {
        return Err(Refusal::TooLarge);
    }
    let extension = Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let (_, media, magic) = kinds.iter().find(|(ext, _, _)| *ext == extension).ok_or(Refusal::Kind)?;
    if !bytes.starts_with(magic) {
        return Err(Refusal::Content);
    }
    Ok(media)
}

/// A file name as it is kept and offered for download: the last path part, without
/// control characters or quotes, at most 200 characters; `Refusal::Name` when nothing
/// usable is left.
pub fn clean_name(name: &str) -> Result<String, Refusal> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base.chars().filter(|c| !c.is_control() && *c != '"').take(200).collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() {
        return Err(Refusal::Name);
    }
    Ok(cleaned)
}

pub fn path_of(dir: &str, sha256: &str) -> PathBuf {
    Path::new(dir).join(sha256)
}

/// Keeps `bytes` under their checksum in `dir` (written aside under a name of this
/// process and write, then renamed, so a file is either whole or absent, also when two
/// writers keep the same file at once); returns the checksum.
pub fn store(dir: &str, bytes: &[u8]) -> std::io::Result<String> {
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let sha256 = hex::encode(Sha256::digest(bytes));
    let path = path_of(dir, &sha256);
    if !path.exists() {
        std::fs::create_dir_all(dir)?;
        let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let aside = path.with_extension(format!("partial-{}-{n}", std::process::id()));
        std::fs::write(&aside, bytes)?;
        std::fs::rename(&aside, &path)?;
    }
    Ok(sha256)
}

/// Keeps `bytes` in `dir` off the request thread; the checksum.
pub async fn store_async(dir: String, bytes: Vec<u8>) -> Result<String, AppError> {
    actix_web::web::block(move || store(&dir, &bytes))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("the file could not be kept: {e}")))
}

/// The kept file `sha256` of `dir` as a private download named `name`, checked against
/// its checksum (`what` names it in the error of a missing or changed file).
pub async fn serve(
    dir: &str,
    sha256: &str,
    name: &str,
    content_type: &str,
    what: &str,
) -> Result<HttpResponse, AppError> {
    let file = path_of(dir, sha256);
    let missing = format!("{what} is missing from storage");
    let bytes = actix_web::web::block(move || std::fs::read(file))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{missing}: {e}")))?;
    if hex::encode(Sha256::digest(&bytes)) != sha256 {
        return Err(AppError::Internal(anyhow::anyhow!("{what} does not match its checksum")));
    }
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(header::ContentDisposition::attachment(name.to_string()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_accepted_by_extension_and_content() {
        assert_eq!(kind_of("a.pdf", b"%PDF-1.7", 100, DOCUMENTS), Ok("application/pdf"));
        assert_eq!(kind_of("a.PNG", b"\x89PNG\r\n\x1a\nrest", 100, EVIDENCE), Ok("image/png"));
        assert_eq!(kind_of("a.png", b"%PDF-1.7", 100, EVIDENCE), Err(Refusal::Content));
        assert_eq!(kind_of("a.docx", b"PK\x03\x04", 100, EVIDENCE), Err(Refusal::Kind));
        assert_eq!(kind_of("a.pdf", b"", 100, EVIDENCE), Err(Refusal::Empty));
        assert_eq!(kind_of("a.pdf", b"%PDF-1.7", 4, EVIDENCE), Err(Refusal::TooLarge));
        assert_eq!(clean_name("C:\\docs\\\"offer\".pdf"), Ok("offer.pdf".to_string()));
        assert_eq!(clean_name("/tmp/ "), Err(Refusal::Name));
    }
}
