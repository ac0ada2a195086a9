#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace gcscope::parser {

/// Bytes of a log mapped and handed over at once: as large as the chunks read() fills.
constexpr size_t kMappedWindowBytes = size_t(8) << 20;

/// Reads the regular file open as `fd` from its start through read-only memory maps of `window`
/// bytes, one at a time, each unmapped once onChunk returns (a chunk's bytes live only during
/// its call, and the file's pages do not pile up in the process's memory). The parser reads the
/// page cache in place: the copy of read() was a sixth of a summary's time.
///
/// Follows the file's size as it goes: growth meanwhile is read; a truncation meanwhile ends the
/// read with a message (one line naming `name`), everything before it delivered. std::nullopt
/// when the file cannot be mapped at all (nothing delivered): read it with read() instead.
std::optional<std::string> readMapped(int fd, const std::string& name,
                                      const std::function<void(std::string_view chunk)>& onChunk,
                                      size_t window = kMappedWindowBytes);

}  // namespace gcscope::parser
