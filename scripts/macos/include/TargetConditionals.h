/*
 * The few macros of Apple's TargetConditionals.h that C code compiled by our
 * dependencies' build scripts (ring) reads, for `scripts/check-macos.sh` only.
 * There is no macOS SDK on Linux; this lets a `cargo check` for macOS compile
 * those C files without linking anything. It cannot build a working app: the
 * real SDK (Xcode) does that, in the release and CI workflows on macOS.
 */
#ifndef TOUCAN_CHECK_TARGET_CONDITIONALS_H
#define TOUCAN_CHECK_TARGET_CONDITIONALS_H
#define TARGET_OS_MAC 1
#define TARGET_OS_OSX 1
#define TARGET_OS_IPHONE 0
#define TARGET_OS_IOS 0
#define TARGET_OS_SIMULATOR 0
#endif
