//! Keeps the app's memory, which a key passes through on its way to the
//! clipboard or a token request, out of core dumps. The release build aborts
//! on panic (`panic = "abort"`), and where core dumps are on, an abort would
//! write the process's memory to disk.
//!
//! - **Linux:** the process is made non-dumpable (`PR_SET_DUMPABLE` = 0): no
//!   core dump, and other processes of the same user can't attach to it or
//!   read its memory through /proc. The core-file size limit is set to 0 too.
//! - **macOS:** the core-file size limit is set to 0.
//! - **Windows:** crash dumps are Windows Error Reporting's, configured by the
//!   machine's policy; nothing is changed.

/// Turns core dumps off for this process (see the module's notes per OS).
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

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// Runs in a child process (this test binary, filtered to the test below),
    /// so the rest of the suite keeps its own settings.
    #[test]
    fn a_guarded_process_writes_no_core_dump() {
        if std::env::var_os("TOUCAN_PROCESS_GUARD_CHILD").is_some() {
            disable_core_dumps().unwrap();
            let mut limit = libc::rlimit {
                rlim_cur: 1,
                rlim_max: 1,
            };
            // SAFETY: getrlimit writes into the struct we own.
            assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) }, 0);
            assert_eq!((limit.rlim_cur, limit.rlim_max), (0, 0));
            #[cfg(target_os = "linux")]
            // SAFETY: PR_GET_DUMPABLE takes no pointer.
            assert_eq!(unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) }, 0);
            return;
        }
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "process_guard::tests::a_guarded_process_writes_no_core_dump",
                "--nocapture",
            ])
            .env("TOUCAN_PROCESS_GUARD_CHILD", "1")
            .status()
            .unwrap();
        assert!(status.success());
    }
}
