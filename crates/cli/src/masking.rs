//! `run`'s masking: the key, wherever it appears in the child's output, is
//! replaced with [`CONCEALED`] before it reaches the terminal or a log, also
//! when the child writes it in two (or forty) pieces.
//!
//! A [`Masker`] holds back the end of what it was given when that end could be
//! the start of the key (`t`, `tc`, `tck_…`), until the next bytes say
//! whether it is. The caller flushes what is held back when the child has
//! been quiet for a moment ([`Masker::flush`]), so a prompt ending in `t`
//! isn't kept from the person; a key written in two pieces more than that
//! moment apart is not caught (documented in the README).
//!
//! What it can't catch: the key transformed (base64, split across lines,
//! spaced out). Masking keeps an accident out of a log; it is not a wall
//! against a child that wants to show the key.

use memchr::memmem;
use zeroize::Zeroizing;

/// What the key becomes in the child's output.
pub const CONCEALED: &[u8] = b"<concealed by toucan-keys>";

/// Replaces one secret in a stream of bytes.
pub struct Masker {
    secret: Zeroizing<Vec<u8>>,
    /// The end of the input so far that could be the start of the secret.
    held: Zeroizing<Vec<u8>>,
    /// Input joined to what was held, when something was (zeroed, reused).
    joined: Zeroizing<Vec<u8>>,
}

impl Masker {
    /// A masker of `secret` (not empty).
    pub fn new(secret: &[u8]) -> Self {
        assert!(!secret.is_empty(), "a secret to mask");
        Self {
            secret: Zeroizing::new(secret.to_vec()),
            held: Zeroizing::new(Vec::with_capacity(secret.len())),
            joined: Zeroizing::new(Vec::new()),
        }
    }

    /// Masks `input`, appending what can be written now to `out`.
    pub fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) {
        if self.held.is_empty() {
            let held = mask_into(&self.secret, input, out);
            self.held.extend_from_slice(&input[input.len() - held..]);
        } else {
            self.joined.clear();
            self.joined.extend_from_slice(&self.held);
            self.joined.extend_from_slice(input);
            self.held.clear();
            let held = mask_into(&self.secret, &self.joined, out);
            let start = self.joined.len() - held;
            self.held.extend_from_slice(&self.joined[start..]);
        }
    }

    /// Whether some bytes are held back, waiting to see if the key follows.
    pub fn is_holding(&self) -> bool {
        !self.held.is_empty()
    }

    /// Gives up waiting: what was held back is appended to `out` as it is.
    pub fn flush(&mut self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.held);
        self.held.clear();
    }
}

/// Appends `input` to `out` with every whole `secret` replaced, except its
/// end when that end could start `secret`; returns how many bytes were left
/// out at the end.
fn mask_into(secret: &[u8], input: &[u8], out: &mut Vec<u8>) -> usize {
    let mut start = 0;
    for at in memmem::find_iter(input, secret) {
        out.extend_from_slice(&input[start..at]);
        out.extend_from_slice(CONCEALED);
        start = at + secret.len();
    }
    let rest = &input[start..];
    let held = (1..secret.len().min(rest.len() + 1))
        .rev()
        .find(|&len| rest.ends_with(&secret[..len]))
        .unwrap_or(0);
    out.extend_from_slice(&rest[..rest.len() - held]);
    held
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labelled test vector (not a real key).
    const KEY: &[u8] = toucan_keys_core::key_format::TEST_VECTOR.as_bytes();

    fn masked_in_pieces(input: &[u8], cuts: &[usize]) -> Vec<u8> {
        let mut masker = Masker::new(KEY);
        let mut out = Vec::new();
        let mut from = 0;
        for &cut in cuts.iter().chain(std::iter::once(&input.len())) {
            let cut = cut.clamp(from, input.len());
            masker.feed(&input[from..cut], &mut out);
            from = cut;
        }
        masker.flush(&mut out);
        out
    }

    fn expected(input: &[u8]) -> Vec<u8> {
        let text = String::from_utf8(input.to_vec()).unwrap();
        text.replace(std::str::from_utf8(KEY).unwrap(), "<concealed by toucan-keys>")
            .into_bytes()
    }

    #[test]
    fn the_key_is_replaced_wherever_the_writes_cut_it() {
        let input = [
            b"export TOUCAN_API_KEY=".as_slice(),
            KEY,
            b"\nthen ",
            KEY,
            KEY,
            b" tck_ and t",
        ]
        .concat();
        let want = expected(&input);
        assert!(!want.windows(KEY.len()).any(|w| w == KEY));
        // Every single cut, and every pair of cuts, gives the same output.
        for a in 0..=input.len() {
            assert_eq!(masked_in_pieces(&input, &[a]), want, "cut at {a}");
            for b in a..=input.len() {
                assert_eq!(masked_in_pieces(&input, &[a, b]), want, "cuts at {a} and {b}");
            }
        }
        // One byte at a time.
        let every: Vec<usize> = (0..input.len()).collect();
        assert_eq!(masked_in_pieces(&input, &every), want);
    }

    #[test]
    fn only_a_possible_start_of_the_key_is_held_back() {
        let mut masker = Masker::new(KEY);
        let mut out = Vec::new();
        masker.feed(b"Password for account", &mut out);
        assert_eq!(out, b"Password for accoun", "the last t could start a key");
        assert!(masker.is_holding());
        masker.feed(b": ", &mut out);
        assert_eq!(out, b"Password for account: ");
        assert!(!masker.is_holding());
        masker.feed(b"tck_Touc", &mut out);
        assert_eq!(out, b"Password for account: ");
        masker.flush(&mut out);
        assert_eq!(
            out, b"Password for account: tck_Touc",
            "after a quiet moment, the prompt is shown"
        );
    }

    #[test]
    fn text_without_the_key_passes_unchanged() {
        let input = b"\x1b[32mgreen\x1b[0m and a start of it: tck_ToucanKeysTestVector0123\r\n";
        assert_eq!(masked_in_pieces(input, &[5, 40]), input.to_vec());
    }
}
