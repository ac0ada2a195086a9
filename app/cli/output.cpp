#include "output.hpp"

namespace gcscope::cli {

bool Output::flush() {
    if (!buf_.empty()) {
        std::fwrite(buf_.data(), 1, buf_.size(), stream_);
        buf_.clear();
    }
    return std::fflush(stream_) == 0 && !std::ferror(stream_);
}

}  // namespace gcscope::cli
