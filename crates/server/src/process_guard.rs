//! Keeps the server's memory out of core dumps: it holds the signing key, the
//! token-encryption key and, at its first start, the account token, and a
//! crash must not write them to disk. The core-file size limit is set to 0,
//! and on Linux the process is made non-dumpable (`PR_SET_DUMPABLE` = 0),
//! so other processes of the same user can't read its memory through /proc.
//! Windows has no core files; a crash dump there is the machine's policy.
//! (The desktop core has the same guard for the app and the command line;
//! the server depends on the protocol crate only, not on the core.)

/// Turns core dumps off for this process.
pub fn disable_core_dumps() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let none = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: setrlimit reads the struct we pass; no other memory is touched.
        if unsafe { libc::setrlimit(libc::RLIMIT_CORE, &none) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    #[cfg(target_os = "linux")]
    {
        // SAFETY: PR_SET_DUMPABLE takes plain integer arguments.
        if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}
