// A fresh directory for a test's files, shared by the test suites.
#pragma once

#include <string>
#include <string_view>

namespace gcscope::test {

/// A fresh directory under the system temp dir, removed with its content on destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    /// Writes `bytes` to NAME (replacing it) and returns its path.
    std::string write(const std::string& name, std::string_view bytes) const;

  private:
    std::string path_;
};

}  // namespace gcscope::test
