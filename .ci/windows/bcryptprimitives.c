/*
 * Test-harness stand-in for Windows' bcryptprimitives.dll, for Wine 8 (Debian 12), which lacks it.
 *
 * Rust's standard library (1.78 and later) asks bcryptprimitives.dll for ProcessPrng to seed HashMap keys;
 * real Windows 10 and 11 have it. This DLL implements only ProcessPrng, on top of RtlGenRandom
 * (SystemFunction036 in advapi32, which Wine has). .ci/windows/check builds it with mingw into a temporary
 * folder beside the .exe under test. It is never part of a release: scripts/release.sh ships the .exe alone.
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
