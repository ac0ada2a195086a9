#include "truncation_guard.hpp"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <mutex>

namespace gcscope::parser {
namespace {

/// One watched range. Written by its guard's thread, read by the SIGBUS handler on any thread:
/// lock-free atomics only, the one kind of shared state a signal handler may touch.
struct Slot {
    std::atomic<uintptr_t> begin{0};  ///< 0: free
    std::atomic<size_t> length{0};
    std::atomic<bool> cut{false};
};

Slot g_slots[TruncationGuard::kMaxGuards];
std::atomic<bool> g_claimed[TruncationGuard::kMaxGuards];
struct sigaction g_previous {};
uintptr_t g_page_mask = 0;

/// Passes a SIGBUS that is not ours on as if this handler were not there.
void forward(int sig, siginfo_t* info, void* context) {
    if (g_previous.sa_flags & SA_SIGINFO) {
        if (g_previous.sa_sigaction) {
            g_previous.sa_sigaction(sig, info, context);
            return;
        }
    } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
        g_previous.sa_handler(sig);
        return;
    }
    // Default (or ignored, which for a fault would only fault again): restore the default; the
    // faulting instruction runs again on return and the process ends as it would have.
    signal(SIGBUS, SIG_DFL);
}

void onSigbus(int sig, siginfo_t* info, void* context) {
    const auto at = reinterpret_cast<uintptr_t>(info->si_addr);
    for (Slot& slot : g_slots) {
        const uintptr_t begin = slot.begin.load(std::memory_order_acquire);
        const size_t length = slot.length.load(std::memory_order_acquire);
        if (begin == 0 || at < begin || at >= begin + length) continue;
        // mmap is a plain system call on Linux, safe here. The zero pages replace the rest of
        // the file mapping; the guard's owner unmaps them with it.
        const uintptr_t page = at & g_page_mask;
        void* zeros = mmap(reinterpret_cast<void*>(page), begin + length - page, PROT_READ,
                           MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (zeros == MAP_FAILED) break;
        slot.cut.store(true, std::memory_order_release);
        return;
    }
    forward(sig, info, context);
}

void installOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        g_page_mask = ~(uintptr_t(sysconf(_SC_PAGESIZE)) - 1);
        struct sigaction action {};
        action.sa_sigaction = onSigbus;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        sigaction(SIGBUS, &action, &g_previous);
    });
}

}  // namespace

TruncationGuard::TruncationGuard(const char* begin, size_t length) {
    installOnce();
    for (int i = 0; i < kMaxGuards; ++i) {
        if (g_claimed[i].exchange(true, std::memory_order_acq_rel)) continue;
        Slot& slot = g_slots[i];
        slot.cut.store(false, std::memory_order_relaxed);
        slot.length.store(length, std::memory_order_release);
        slot.begin.store(reinterpret_cast<uintptr_t>(begin), std::memory_order_release);
        slot_ = i;
        return;
    }
}

TruncationGuard::~TruncationGuard() {
    if (slot_ < 0) return;
    g_slots[slot_].begin.store(0, std::memory_order_release);
    g_claimed[slot_].store(false, std::memory_order_release);
}

bool TruncationGuard::cut() const {
    return slot_ >= 0 && g_slots[slot_].cut.load(std::memory_order_acquire);
}

}  // namespace gcscope::parser
