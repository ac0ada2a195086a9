#include "mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "truncation_guard.hpp"

namespace gcscope::parser {
namespace {

/// Unmaps on every exit path, including an exception thrown by onChunk (a cancelled load).
class Mapping {
  public:
    Mapping(void* at, size_t length) : at_(at), length_(length) {}
    ~Mapping() {
        if (at_ != MAP_FAILED) ::munmap(at_, length_);
    }
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    bool ok() const { return at_ != MAP_FAILED; }
    const char* data() const { return static_cast<const char*>(at_); }

  private:
    void* at_;
    size_t length_;
};

std::string truncatedMessage(const std::string& name, uint64_t largest, uint64_t now, uint64_t read) {
    return name + ": truncated while it was read (from " + std::to_string(largest) + " to " +
           std::to_string(now) + " bytes, after " + std::to_string(read) +
           " bytes had been read); what was read before is kept";
}

}  // namespace

std::optional<std::string> readMapped(int fd, const std::string& name,
                                      const std::function<void(std::string_view chunk)>& onChunk,
                                      size_t window) {
    const auto page = uint64_t(sysconf(_SC_PAGESIZE));
    uint64_t offset = 0, largest = 0;
    for (;;) {
        struct stat st {};
        if (::fstat(fd, &st) != 0) return name + ": read error: " + std::strerror(errno);
        const auto size = uint64_t(st.st_size);
        largest = std::max(largest, size);
        if (size < largest && size <= offset) return truncatedMessage(name, largest, size, offset);
        if (size == offset) return std::string();

        const uint64_t map_at = offset & ~(page - 1);
        const size_t skip = size_t(offset - map_at);
        const size_t length = size_t(std::min<uint64_t>(window, size - offset));
        Mapping map(::mmap(nullptr, skip + length, PROT_READ, MAP_PRIVATE, fd, off_t(map_at)), skip + length);
        if (!map.ok()) {
            if (offset == 0) return std::nullopt;
            return name + ": cannot map the file: " + std::strerror(errno);
        }
        TruncationGuard guard(map.data(), skip + length);
        if (!guard.watching()) {
            if (offset == 0) return std::nullopt;
            return name + ": cannot read the file safely: too many logs are being read at once";
        }
        // The next window comes from disk while this one is parsed, when the log is not cached.
        (void)::posix_fadvise(fd, off_t(offset + length), off_t(window), POSIX_FADV_WILLNEED);
        onChunk(std::string_view(map.data() + skip, length));
        if (guard.cut()) {
            return name + ": truncated while it was read (part of the " + std::to_string(length) +
                   " bytes from byte " + std::to_string(offset) +
                   " was gone and read as zeros); what was read before is kept";
        }
        offset += length;
    }
}

}  // namespace gcscope::parser
