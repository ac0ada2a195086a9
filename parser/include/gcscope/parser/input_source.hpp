#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace gcscope::parser {

/// Reads a whole log and hands it over in large chunks: a plain file, a gzip'd file (detected by
/// its magic bytes, not its name: rotated logs are often `.gz`) or standard input ("-").
/// Returns an empty string on success, otherwise one human-readable line saying what went wrong.
/// A gzip stream that ends early still delivers everything before the damage, then reports it.
std::string readLog(const std::string& path,
                    const std::function<void(std::string_view chunk)>& onChunk);

/// The problem readLog() would report on opening `path` ("X: no such file", "X: is a directory",
/// "X: permission denied"), without reading it; empty when it opens. Lets a tool check every log
/// before printing anything.
std::string checkLog(const std::string& path);

/// Whether `path` is a file starting with the gzip magic bytes (what readLog() inflates).
bool isGzipFile(const std::string& path);

/// Whether `path` can be followed while it grows: a regular file holding plain text. Standard
/// input, pipes and gzip'd files (a compressed stream does not grow line by line) cannot.
bool isFollowableFile(const std::string& path);

}  // namespace gcscope::parser
