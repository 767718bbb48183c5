/*
 * A stand-in bcryptprimitives.dll for testing under Wine 8, which has none.
 *
 * Rust's standard library (1.78 and newer) gets randomness on Windows from
 * ProcessPrng in bcryptprimitives.dll, which Windows 10 and 11 ship. Wine 8
 * does not, so every Rust program built for Windows fails at its first random
 * number (for example the first HashMap). This DLL exports ProcessPrng and
 * forwards it to RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 *
 * Used only inside the throwaway Wine prefix of scripts/test-windows.sh; it is
 * never shipped. Built there with Debian's MinGW-w64:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
