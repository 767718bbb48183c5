//! Web origins (`https://shop.example.com`), as a key may be limited to them:
//! which ones are accepted, and how two are compared. The app checks them as
//! a person types them; the server enforces them.

/// An origin, in bytes, at most.
pub const MAX_ORIGIN_BYTES: usize = 256;

/// A key may name this many origins, at most.
pub const MAX_ORIGINS: usize = 20;

/// An origin as it is stored and compared: scheme and host in lower case,
/// no default port (`:443` for https, `:80` for http), no trailing slash.
/// `None` when it isn't a web origin this server accepts (see [`is_origin`]).
pub fn normalized_origin(origin: &str) -> Option<String> {
    let origin = origin.trim();
    let origin = origin.strip_suffix('/').unwrap_or(origin);
    let (scheme, authority) = origin.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = authority.to_ascii_lowercase();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let authority = authority.strip_suffix(default_port).unwrap_or(&authority);
    let normalized = format!("{scheme}://{authority}");
    is_origin(&normalized).then_some(normalized)
}

/// Whether `origin` is one this server accepts: `https://host[:port]`, or
/// `http://` for this computer (localhost, 127.0.0.1, [::1]); no path.
pub fn is_origin(origin: &str) -> bool {
    let Some((scheme, authority)) = origin.split_once("://") else {
        return false;
    };
    if !matches!(scheme, "https" | "http") || origin.len() > MAX_ORIGIN_BYTES {
        return false;
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => {
            if port.parse::<u16>().is_err() {
                return false;
            }
            host
        }
        _ => authority,
    };
    let bracketed = host.starts_with('[') && host.ends_with(']');
    let valid_host = !host.is_empty()
        && host.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-') || (bracketed && matches!(b, b'[' | b']' | b':'))
        });
    let local = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    valid_host && (scheme == "https" || local)
}
