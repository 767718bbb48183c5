//! Keeps the app's memory, which a key passes through on its way to the
//! clipboard or a token request, out of core dumps. The release build aborts
//! on panic (`panic = "abort"`), and where core dumps are on, an abort would
//! write the process's memory to disk.
//!
//! - **Linux:** the process is made non-dumpable (`PR_SET_DUMPABLE` = 0): no
//!   core dump, and other processes of the same user can't attach to it or
//!   read its memory through /proc. The core-file size limit is set to 0 too.
//! - **macOS:** the core-file size limit is set to 0.
//! - **Windows:** the app is excluded from Windows Error Reporting for this
//!   user (`WerAddExcludedApplication`), so a crash writes no report or dump
//!   of its memory (WER's reports can include one, kept on disk and sent to
//!   Microsoft). The exclusion is a value in the user's registry, set again at
//!   each start; a machine-wide debugger an administrator sets up still sees
//!   everything, as it would any program.

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
    #[cfg(windows)]
    {
        let program = wide(std::env::current_exe()?.as_os_str());
        // SAFETY: the name is a NUL-terminated UTF-16 string that outlives the call.
        let result =
            unsafe { windows_sys::Win32::System::ErrorReporting::WerAddExcludedApplication(program.as_ptr(), 0) };
        if result < 0 {
            return Err(std::io::Error::from_raw_os_error(result));
        }
    }
    Ok(())
}

/// Makes every file and folder this process creates from now on private to
/// its user (umask 077 on Unix: files 0600, folders 0700), the log files a
/// library rolls over included. On Windows, the user's AppData folders are
/// already private to them.
pub fn keep_new_files_private() {
    #[cfg(unix)]
    // SAFETY: umask only changes this process's file-creation mask.
    unsafe {
        libc::umask(0o077);
    }
}

/// `text` as a NUL-terminated UTF-16 string, as Windows' calls take it.
#[cfg(windows)]
fn wide(text: &std::ffi::OsStr) -> Vec<u16> {
    use std::os::windows::ffi::OsStrExt;
    text.encode_wide().chain(std::iter::once(0)).collect()
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

#[cfg(all(test, windows))]
mod windows_tests {
    use super::*;
    use windows_sys::Win32::System::Registry::{HKEY_CURRENT_USER, RRF_RT_REG_DWORD, RegGetValueW};

    /// Where Windows Error Reporting keeps the programs a user excluded: the
    /// key Windows documents, and the one Wine's wer.dll writes.
    const EXCLUDED: [&str; 2] = [
        r"Software\Microsoft\Windows\Windows Error Reporting\ExcludedApplications",
        r"Software\Microsoft\Windows Error Reporting\ExcludedApplications",
    ];

    /// Whether `program` is listed under the user's `key` of excluded programs.
    fn excluded(key: &str, program: &std::ffi::OsStr) -> bool {
        let (key, name) = (wide(key.as_ref()), wide(program));
        let (mut value, mut size) = (0u32, 4u32);
        // SAFETY: both strings are NUL-terminated; value and size are ours, size giving value's bytes.
        let status = unsafe {
            RegGetValueW(
                HKEY_CURRENT_USER,
                key.as_ptr(),
                name.as_ptr(),
                RRF_RT_REG_DWORD,
                std::ptr::null_mut(),
                (&raw mut value).cast(),
                &mut size,
            )
        };
        status == 0 && value != 0
    }

    /// The app (here, this test program) leaves Windows Error Reporting, so
    /// a crash writes no dump of its memory; read back from the registry.
    #[test]
    fn a_guarded_program_is_excluded_from_windows_error_reporting() {
        let program = std::env::current_exe().unwrap();
        let never_excluded = std::ffi::OsStr::new("toucan-keys-never-excluded.exe");
        assert!(
            !EXCLUDED.iter().any(|key| excluded(key, never_excluded)),
            "the registry read is wrong"
        );
        disable_core_dumps().unwrap();
        let names = [program.as_os_str(), program.file_name().unwrap()];
        assert!(
            EXCLUDED.iter().any(|key| names.iter().any(|name| excluded(key, name))),
            "{} is not in the user's ExcludedApplications",
            program.display()
        );
        let name = wide(program.as_os_str());
        // SAFETY: as above. The test leaves the user's registry as it found it.
        unsafe { windows_sys::Win32::System::ErrorReporting::WerRemoveExcludedApplication(name.as_ptr(), 0) };
    }
}
