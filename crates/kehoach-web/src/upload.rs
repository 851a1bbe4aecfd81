//! What every file upload form shares: multipart errors told apart (too
//! large, or malformed) and the file name a browser sends made harmless.

use axum::extract::multipart::MultipartError;

use crate::error::{AppError, ErrorKind};

/// A multipart error as a page: 413 when the body passed a limit, else 400.
pub fn multipart_error(err: MultipartError) -> AppError {
    if err.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE || over_the_limit(&err) {
        AppError::new(ErrorKind::TooLarge)
    } else {
        AppError::bad_request(err.body_text())
    }
}

/// The router's body limit surfaces inside the stream error, wrapped deeper
/// than `MultipartError::status` looks.
fn over_the_limit(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(err);
    while let Some(e) = cause {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        cause = e.source();
    }
    false
}

/// Browsers may send a whole path: only the name is kept, without control
/// characters, at most 200 characters.
pub fn base_name(name: &str) -> String {
    name.rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::base_name;

    #[test]
    fn only_the_name_of_a_path_is_kept() {
        assert_eq!(base_name("C:\\Users\\a\\Báo cáo.docx"), "Báo cáo.docx");
        assert_eq!(base_name("/home/a/kế hoạch.txt"), "kế hoạch.txt");
        assert_eq!(base_name("a\u{0}b\n.pdf"), "ab.pdf");
        assert_eq!(base_name(&"x".repeat(300)).chars().count(), 200);
    }
}
