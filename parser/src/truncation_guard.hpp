#pragma once

#include <cstddef>

namespace gcscope::parser {

/// Makes reading a memory-mapped file safe when the file is truncated meanwhile. Touching a
/// mapped page beyond a file's new end raises SIGBUS, which would kill the process; a log being
/// loaded can be truncated by its writer (copytruncate) at any moment. While a guard is alive,
/// a SIGBUS inside its range maps zero pages over the rest of the range (the faulting read
/// then sees zeros) and marks the guard cut(); a SIGBUS anywhere else goes to the handler that
/// was installed before, or kills the process as it would have.
class TruncationGuard {
  public:
    /// Watches [begin, begin + length), a range this thread mapped and will unmap after the
    /// guard is gone. Guards of up to kMaxGuards ranges can be alive at once (one per log being
    /// read); beyond that, watching() is false and the caller must not map.
    TruncationGuard(const char* begin, size_t length);
    ~TruncationGuard();
    TruncationGuard(const TruncationGuard&) = delete;
    TruncationGuard& operator=(const TruncationGuard&) = delete;

    bool watching() const { return slot_ >= 0; }
    /// A page of the range was gone when read: the file was truncated while it was read, and
    /// the range reads zeros from that page on.
    bool cut() const;

    static constexpr int kMaxGuards = 32;

  private:
    int slot_ = -1;
};

}  // namespace gcscope::parser
